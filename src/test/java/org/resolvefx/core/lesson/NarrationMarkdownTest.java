package org.resolvefx.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NarrationMarkdownTest {

    private final List<LessonProblem> problems = new ArrayList<>();

    private NarrationMarkdown parse(String text) {
        return NarrationMarkdown.parse(text, "n.md", "en", problems);
    }

    @Test
    void introStepsAndNotes() {
        NarrationMarkdown md = parse("""
                # Title is ignored

                The intro.

                ### Notes
                Intro notes.

                ## Step 1
                First **bold**.
                Second line.

                ### Notes
                For the presenter.

                ## Step 3
                Third.
                """);
        assertThat(problems).isEmpty();
        assertThat(md.intro()).isEqualTo("The intro.");
        assertThat(md.introNotes()).isEqualTo("Intro notes.");
        assertThat(md.steps().keySet()).containsExactly(1, 3);
        assertThat(md.step(1).orElseThrow().markdown()).isEqualTo("First **bold**.\nSecond line.");
        assertThat(md.step(1).orElseThrow().notes()).isEqualTo("For the presenter.");
        assertThat(md.step(1).orElseThrow().line()).isEqualTo(8);
        assertThat(md.step(3).orElseThrow().notes()).isEmpty();
        assertThat(md.coveredSteps()).containsExactly(1, 3);
    }

    @Test
    void germanHeadingsAndCaseDoNotMatter() {
        NarrationMarkdown md = parse("## Schritt 2\nZwei.\n### Notizen\nHinweis.\n## STEP 3:\nDrei.\n");
        assertThat(problems).isEmpty();
        assertThat(md.step(2).orElseThrow().notes()).isEqualTo("Hinweis.");
        assertThat(md.step(3).orElseThrow().markdown()).isEqualTo("Drei.");
    }

    @Test
    void headingsInsideCodeFencesAreText() {
        NarrationMarkdown md = parse("## Step 1\n```\n## Step 2\n```\n");
        assertThat(problems).isEmpty();
        assertThat(md.steps().keySet()).containsExactly(1);
        assertThat(md.step(1).orElseThrow().markdown()).contains("## Step 2");
    }

    @Test
    void problemsHaveLines() {
        parse("## Step 1\nOne.\n## Step 1\nAgain.\n## Step 2\n\n## Step 3\nThree.\n## Other\n```\nopen");
        assertThat(problems).extracting(LessonProblem::line, LessonProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "step 1 appears twice (first on line 1)"),
                org.assertj.core.groups.Tuple.tuple(9, "unexpected heading '## Other': narration is divided by "
                        + "'## Step N' headings (presenter notes: '### Notes')"),
                org.assertj.core.groups.Tuple.tuple(11, "a code block (```) is not closed"),
                org.assertj.core.groups.Tuple.tuple(5, "step 2 has a heading but no text"));
        assertThat(problems).allMatch(p -> p.file().equals("n.md"));
    }

    @Test
    void stepZeroIsReported() {
        parse("## Step 0\nNothing.\n");
        assertThat(problems).extracting(LessonProblem::message).containsExactly("steps count from 1, not 0");
    }

    @Test
    void plainTextForTheNarrationBar() {
        assertThat(NarrationMarkdown.plain("The **root** server `a.root-servers.net`\nanswers *at once*."))
                .isEqualTo("The root server a.root-servers.net answers at once.");
        assertThat(NarrationMarkdown.plain("See [RFC 1035](https://www.rfc-editor.org/rfc/rfc1035).\n\nNext."))
                .isEqualTo("See RFC 1035.\nNext.");
        assertThat(NarrationMarkdown.plain("- one\n- two")).isEqualTo("- one\n- two");
        assertThat(NarrationMarkdown.plain("_xmpp-client._tcp.networkutopia.com and 2*3*4"))
                .isEqualTo("_xmpp-client._tcp.networkutopia.com and 2*3*4");
        assertThat(NarrationMarkdown.plain("**(1)** The client")).isEqualTo("(1) The client");
    }
}
