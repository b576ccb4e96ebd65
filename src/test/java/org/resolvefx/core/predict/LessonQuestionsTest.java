package org.resolvefx.core.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.lesson.Bilingual;
import org.resolvefx.core.lesson.LessonLoader;
import org.resolvefx.core.lesson.LoadedLesson;
import org.resolvefx.core.lesson.ScenarioRun;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.WireMessage;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;

/** The shipped lesson 02's questions, mapped onto predict mode and checked against its traces. */
class LessonQuestionsTest {
    private static final Path LESSON = Path.of("lessons", "02-recursive-iterative");
    private static LoadedLesson loaded;

    @BeforeAll
    static void load() {
        loaded = LessonLoader.load(LESSON);
        assertThat(loaded.problems()).isEmpty();
    }

    private static ScenarioRun run(String id) {
        return loaded.run(id).orElseThrow();
    }

    private static PredictQuestion question(List<PredictQuestion> qs, String id) {
        return qs.stream().filter(q -> ((Origin.Authored) q.origin()).source().endsWith("#" + id)).findFirst()
                .orElseThrow(() -> new AssertionError("no question " + id + " in " + qs));
    }

    private static WireMessage messageOf(Trace t, int step) {
        TraceEvent e = t.events().get(step - 1);
        assertThat(e).as("step %d", step).isInstanceOf(TraceEvent.MessageSent.class);
        return ((TraceEvent.MessageSent) e).message();
    }

    @Test
    void stepQuestionsKeepTheirStepsAndTheirRightAnswerMatchesTheTrace() {
        ScenarioRun recursive = run("recursive");
        LessonQuestions.Mapped m = LessonQuestions.forRun(recursive, loaded.source());
        assertThat(m.skipped()).isEmpty();
        assertThat(m.questions()).extracting(PredictQuestion::step).containsExactly(4, 8, 13, 15);
        assertThat(m.questions()).allMatch(q -> q.origin() instanceof Origin.Authored a
                && a.source().startsWith(loaded.source() + "#"));

        // step 4 is the query the right answer names: asked before it, at position 3
        PredictQuestion first = question(m.questions(), "first-server");
        assertThat(first.askedAtPosition()).isEqualTo(3);
        Trace t = recursive.trace();
        String to = messageOf(t, 4).toId();
        Endpoint server = t.endpoint(to).orElseThrow();
        assertThat(first.correctChoice().en()).isEqualTo(server.serverName().replaceAll("\\.$", ""));

        // step 8: the resolver's query to a.nic.de; the right answer says RD=0 and the bytes agree
        PredictQuestion rd = question(m.questions(), "rd-to-tld");
        Message query = messageOf(t, 8).parse().orElseThrow();
        assertThat(query.getHeader().getFlag(Flags.RD)).isFalse();
        assertThat(rd.correctChoice().en()).contains("RD=0");

        // German is the lesson's German
        org.resolvefx.core.lesson.PredictQuestion original = recursive.questions().get(0);
        assertThat(first.prompt().text(Locale.GERMAN)).isEqualTo(original.prompt().de());
        assertThat(first.explanation().text(Locale.ENGLISH)).isEqualTo(original.explanation().en());
        assertThat(first.choices()).hasSize(original.choices().size());
    }

    @Test
    void aQuestionAboutTheWholeScenarioIsAskedBeforeTheLastStep() {
        ScenarioRun iterative = run("iterative");
        LessonQuestions.Mapped m = LessonQuestions.forRun(iterative, loaded.source());
        int n = iterative.trace().events().size();
        PredictQuestion closing = question(m.questions(), "second-client");
        assertThat(closing.step()).isEqualTo(n);
        assertThat(iterative.trace().events().get(n - 1)).isInstanceOfAny(TraceEvent.Answer.class,
                TraceEvent.Failure.class);
        assertThat(closing.correctChoice().en()).startsWith("2:");
    }

    @Test
    void authoredQuestionsReplaceTheGeneratedOnesOfTheirStep() {
        ScenarioRun recursive = run("recursive");
        Trace t = recursive.trace();
        QuestionSet generated = QuestionSet.generated(t);
        assertThat(generated.about(4)).isNotEmpty();
        QuestionSet merged = generated.plus(LessonQuestions.forRun(recursive, loaded.source()).questions())
                .withoutGeneratedWhereAuthored();
        assertThat(merged.about(4)).hasSize(1).allMatch(q -> q.origin() instanceof Origin.Authored);
        // steps the author did not ask about keep their generated questions
        assertThat(merged.about(6)).isEqualTo(generated.about(6));
    }

    @Test
    void questionsPredictModeCannotAskAreSkippedWithTheirReason() {
        Bilingual text = new Bilingual("Which?", "Welcher?");
        var noneCorrect = new org.resolvefx.core.lesson.PredictQuestion("q1", "s", 2, null, text,
                List.of(new org.resolvefx.core.lesson.PredictQuestion.Choice(text, false),
                        new org.resolvefx.core.lesson.PredictQuestion.Choice(text, false)), text);
        assertThatThrownBy(() -> LessonQuestions.toPredict(noneCorrect, 5, "x"))
                .hasMessage("no choice is marked correct");
        var beyond = new org.resolvefx.core.lesson.PredictQuestion("q2", "s", 9, null, text,
                List.of(new org.resolvefx.core.lesson.PredictQuestion.Choice(text, true),
                        new org.resolvefx.core.lesson.PredictQuestion.Choice(text, false)), text);
        assertThatThrownBy(() -> LessonQuestions.toPredict(beyond, 5, "x"))
                .hasMessage("step 9 is not a step of the trace (1 to 5)");
        var single = new org.resolvefx.core.lesson.PredictQuestion("q3", "s", 1, null, text,
                List.of(new org.resolvefx.core.lesson.PredictQuestion.Choice(text, true)), text);
        assertThatThrownBy(() -> LessonQuestions.toPredict(single, 5, "x")).hasMessageContaining("2 to 8 choices");

        // one language only: shown in both
        var englishOnly = new org.resolvefx.core.lesson.PredictQuestion("q4", "s", 1, null,
                new Bilingual("Which server?", ""),
                List.of(new org.resolvefx.core.lesson.PredictQuestion.Choice(text, true),
                        new org.resolvefx.core.lesson.PredictQuestion.Choice(text, false)), text);
        assertThat(LessonQuestions.toPredict(englishOnly, 5, "x").prompt().text(Locale.GERMAN))
                .isEqualTo("Which server?");
    }
}
