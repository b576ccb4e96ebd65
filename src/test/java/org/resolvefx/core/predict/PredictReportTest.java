package org.resolvefx.core.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolvefx.core.trace.Narration;
import org.resolvefx.core.trace.Trace;

/** Scoring and the report a student can keep. */
class PredictReportTest {
    private static final ZonedDateTime AT = ZonedDateTime.of(2025, 5, 6, 10, 15, 0, 0, ZoneOffset.UTC);

    /** Answers to the first five questions of the lecture's capture: right, wrong, right, none, right. */
    private static List<Attempt> attempts() {
        Trace t = PredictFixtures.capture("a-recursive-cold").get(0);
        List<PredictQuestion> qs = QuestionSet.generated(t).onlyKinds(QuestionKind.defaults()).questions();
        List<Attempt> out = new ArrayList<>();
        out.add(new Attempt(qs.get(0), qs.get(0).correct()));
        out.add(new Attempt(qs.get(1), (qs.get(1).correct() + 1) % qs.get(1).choices().size()));
        out.add(new Attempt(qs.get(2), qs.get(2).correct()));
        out.add(new Attempt(qs.get(3), Attempt.NO_ANSWER));
        out.add(new Attempt(qs.get(4), qs.get(4).correct()));
        return out;
    }

    @Test
    void scoreCountsRightAnswersOfTheQuestionsAsked() {
        PredictScore s = PredictScore.of(attempts());
        assertThat(s).isEqualTo(new PredictScore(5, 4, 3));
        assertThat(s.percent()).isEqualTo(60);
        assertThat(PredictScore.of(List.of()).percent()).isZero();
        assertThat(PredictReport.scoreLine(attempts(), Locale.ENGLISH)).isEqualTo("3 of 5 correct (60 %), 1 without an answer");
        assertThat(PredictReport.scoreLine(attempts(), Locale.GERMAN)).isEqualTo("3 von 5 richtig (60 %), 1 ohne Antwort");
    }

    @Test
    void markdownListsEveryQuestionWithTheAnswerGivenAndTheRightOne() {
        List<Attempt> a = attempts();
        String md = PredictReport.markdown(new PredictReport.Header("www.p2p.tu-darmstadt.de A", PredictStyle.SELF_STUDY,
                AT), a, Locale.ENGLISH);
        assertThat(md).startsWith("# Predict the next step: www.p2p.tu-darmstadt.de A\n")
                .contains("- Mode: self-study").contains("- Date: 2025-05-06 10:15")
                .contains("- Score: 3 of 5 correct (60 %), 1 without an answer");
        for (int i = 0; i < a.size(); i++) {
            PredictQuestion q = a.get(i).question();
            assertThat(md).contains("## " + (i + 1) + ". Step " + q.step() + ": ");
            assertThat(md).contains("- Correct answer: **" + PredictReport.md(q.correctChoice().en()) + "**");
            assertThat(md).contains(PredictReport.md(q.explanation().en()));
        }
        assertThat(md).contains("(wrong)").contains("(right)").contains("- Answer given: none");
        String de = PredictReport.markdown(new PredictReport.Header("x", PredictStyle.CLASS, AT), a, Locale.GERMAN);
        assertThat(de).contains("# Den nächsten Schritt vorhersagen: x").contains("- Modus: Hörsaal")
                .contains("Richtige Antwort").contains("(falsch)");
    }

    @Test
    void htmlIsEscapedAndMarksTheRightChoice() {
        Narration evil = new Narration("<b>&\"'</b> *x*", "<b>&</b>");
        PredictQuestion q = new PredictQuestion(3, evil, List.of(evil, new Narration("b", "b")), 0, evil,
                new Origin.Authored("lessons/<x>"));
        String html = PredictReport.html(new PredictReport.Header("<script>", PredictStyle.CLASS, AT),
                List.of(new Attempt(q, 1)), Locale.ENGLISH);
        assertThat(html).doesNotContain("<b>").doesNotContain("<script>")
                .contains("&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;").contains("&lt;script&gt;")
                .contains("<li class=\"right\"><strong>").contains("class=\"wrong\"")
                .contains("<html lang=\"en\">").contains("lessons/&lt;x&gt;");
        String md = PredictReport.markdown(new PredictReport.Header("a|b", PredictStyle.CLASS, AT),
                List.of(new Attempt(q, 0)), Locale.ENGLISH);
        assertThat(md).contains("a\\|b").contains("\\*x\\*").contains("\\<b\\>");
    }

    @Test
    void writingPicksTheFormatByNameAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        PredictReport.Header h = new PredictReport.Header("lookup", PredictStyle.SELF_STUDY, AT);
        Path md = dir.resolve("report.md");
        Path html = dir.resolve("report.HTML");
        PredictReport.write(md, h, attempts(), Locale.ENGLISH);
        PredictReport.write(html, h, attempts(), Locale.GERMAN);
        assertThat(Files.readString(md, StandardCharsets.UTF_8)).startsWith("# Predict");
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>").contains("Ergebnis");
        // overwriting replaces the file in one move
        PredictReport.write(md, h, List.of(), Locale.ENGLISH);
        assertThat(Files.readString(md, StandardCharsets.UTF_8)).contains("No questions were answered.");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("report.HTML", "report.md");
        }
        assertThat(PredictReport.Format.of(Path.of("a.htm"))).isEqualTo(PredictReport.Format.HTML);
        assertThat(PredictReport.Format.of(Path.of("a.txt"))).isEqualTo(PredictReport.Format.MARKDOWN);
    }
}
