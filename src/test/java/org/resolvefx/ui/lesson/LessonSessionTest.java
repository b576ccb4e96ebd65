package org.resolvefx.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.lesson.Bilingual;
import org.resolvefx.core.lesson.LessonLoader;
import org.resolvefx.core.lesson.LoadedLesson;
import org.resolvefx.core.lesson.ScenarioRun;

/** What presenter and predict mode read from the lesson on show: notes per step, questions, intro. */
class LessonSessionTest {
    private static final LoadedLesson LESSON = LessonLoader.load(Path.of("lessons/02-recursive-iterative"));

    private static LessonSession session(ScenarioRun run) {
        return new LessonSession(LESSON.lesson().orElseThrow(), run.scenario(), run);
    }

    @Test
    void notesFollowTheLanguageAndStepZeroIsTheIntroduction() {
        ScenarioRun run = LESSON.run("recursive").orElseThrow();
        LessonSession s = session(run);
        assertThat(s.notes(0, Locale.ENGLISH)).isEqualTo(run.introNotes().en()).isNotEmpty();
        for (int i = 1; i <= run.steps().size(); i++) {
            Bilingual notes = run.step(i).notes();
            assertThat(s.notes(i, Locale.ENGLISH)).isEqualTo(notes.en().isEmpty() ? notes.de() : notes.en());
            assertThat(s.notes(i, Locale.GERMAN)).isEqualTo(notes.de().isEmpty() ? notes.en() : notes.de());
        }
        assertThat(s.notes(-1, Locale.ENGLISH)).isEmpty();
        assertThat(s.notes(run.steps().size() + 1, Locale.ENGLISH)).isEmpty();
        assertThat(s.questions()).isEqualTo(run.questions()).isNotEmpty();
        assertThat(s.intro(Locale.GERMAN)).isEqualTo(run.intro().de());
    }

    @Test
    void notesWrittenInOneLanguageShowInTheOther() {
        ScenarioRun run = LESSON.run("recursive").orElseThrow();
        ScenarioRun englishOnly = new ScenarioRun(run.scenario(), run.trace(), run.world(), run.intro(),
                new Bilingual("Show the slide.", ""), run.steps(), run.questions());
        LessonSession s = session(englishOnly);
        assertThat(s.notes(0, Locale.GERMAN)).isEqualTo("Show the slide.");
        assertThat(s.notes().apply(0)).isEqualTo("Show the slide.");
    }
}
