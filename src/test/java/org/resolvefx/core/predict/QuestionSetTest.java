package org.resolvefx.core.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.trace.Narration;
import org.resolvefx.core.trace.Trace;

class QuestionSetTest {
    private static Narration n(String s) {
        return new Narration(s, s + " (de)");
    }

    private static PredictQuestion authored(int step, String prompt) {
        return new PredictQuestion(step, n(prompt), List.of(n("a"), n("b")), 1, n("because"),
                new Origin.Authored("lessons/test/lesson.json"));
    }

    @Test
    void questionsAreAskedOneStepEarlierThanTheStepTheyAreAbout() {
        Trace t = PredictFixtures.capture("a-recursive-cold").get(0);
        QuestionSet set = QuestionSet.generated(t);
        assertThat(set.askedAt(0)).isNotEmpty().allSatisfy(q -> assertThat(q.step()).isEqualTo(1));
        assertThat(set.askedAt(0).get(0).askedAtPosition()).isZero();
        assertThat(set.about(0)).isEmpty();
        assertThat(set.about(t.events().size() + 1)).isEmpty();
        assertThat(set.askedAt(-5)).isEmpty();
        int total = 0;
        for (int step = 1; step <= t.events().size(); step++) {
            total += set.about(step).size();
        }
        assertThat(total).isEqualTo(set.size());
    }

    @Test
    void lessonQuestionsComeFirstAndSurviveTheKindFilter() {
        Trace t = PredictFixtures.capture("a-recursive-cold").get(0);
        QuestionSet set = QuestionSet.generated(t).plus(List.of(authored(2, "first"), authored(2, "second")));
        List<PredictQuestion> step2 = set.about(2);
        assertThat(step2.get(0).prompt().en()).isEqualTo("first");
        assertThat(step2.get(1).prompt().en()).isEqualTo("second");
        assertThat(step2.size()).isGreaterThan(2);

        QuestionSet onlyServers = set.onlyKinds(EnumSet.of(QuestionKind.NEXT_SERVER));
        assertThat(onlyServers.questions()).allSatisfy(q -> assertThat(q.kindOrNull() == null
                || q.kindOrNull() == QuestionKind.NEXT_SERVER).isTrue());
        assertThat(onlyServers.about(2)).extracting(q -> q.prompt().en()).startsWith("first", "second");

        QuestionSet authorChose = set.withoutGeneratedWhereAuthored();
        assertThat(authorChose.about(2)).hasSize(2);
        assertThat(authorChose.about(1)).isEqualTo(set.about(1));
        assertThat(set.within(1).questions()).allSatisfy(q -> assertThat(q.step()).isEqualTo(1));
        assertThat(QuestionSet.empty().isEmpty()).isTrue();
    }

    @Test
    void aQuestionMustMakeSense() {
        assertThatThrownBy(() -> new PredictQuestion(0, n("p"), List.of(n("a"), n("b")), 0, n("w"),
                new Origin.Authored("x"))).hasMessageContaining("step");
        assertThatThrownBy(() -> new PredictQuestion(1, n("p"), List.of(n("a")), 0, n("w"),
                new Origin.Authored("x"))).hasMessageContaining("2 to 8 choices");
        assertThatThrownBy(() -> new PredictQuestion(1, n("p"), List.of(n("a"), n("b")), 2, n("w"),
                new Origin.Authored("x"))).hasMessageContaining("not one of the 2 choices");
        assertThatThrownBy(() -> new Attempt(authored(1, "p"), 5)).hasMessageContaining("choice 5");
    }
}
