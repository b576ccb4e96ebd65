package org.resolvefx.core.predict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.resolvefx.core.trace.Trace;

/**
 * The questions of one trace, in the order they are asked: by step, authored questions before
 * generated ones, generated ones in the order of {@link QuestionKind}. Immutable; the methods
 * return new sets.
 */
public final class QuestionSet {
    private static final QuestionSet EMPTY = new QuestionSet(List.of());
    /** Authored first, then by kind; the sort is stable, so authors keep their order. */
    private static final Comparator<PredictQuestion> ORDER = Comparator.comparingInt(PredictQuestion::step)
            .thenComparingInt(q -> q.kindOrNull() == null ? -1 : q.kindOrNull().ordinal());

    private final List<PredictQuestion> questions;
    /** Questions per step, index = step (0 unused); built once so asking is O(1) per step. */
    private final List<List<PredictQuestion>> byStep;

    private QuestionSet(List<PredictQuestion> questions) {
        List<PredictQuestion> sorted = new ArrayList<>(questions);
        sorted.sort(ORDER);
        this.questions = List.copyOf(sorted);
        int maxStep = 0;
        for (PredictQuestion q : this.questions) {
            maxStep = Math.max(maxStep, q.step());
        }
        List<List<PredictQuestion>> steps = new ArrayList<>(maxStep + 1);
        for (int i = 0; i <= maxStep; i++) {
            steps.add(new ArrayList<>());
        }
        for (PredictQuestion q : this.questions) {
            steps.get(q.step()).add(q);
        }
        List<List<PredictQuestion>> frozen = new ArrayList<>(steps.size());
        for (List<PredictQuestion> l : steps) {
            frozen.add(List.copyOf(l));
        }
        this.byStep = List.copyOf(frozen);
    }

    public static QuestionSet empty() {
        return EMPTY;
    }

    public static QuestionSet of(Collection<PredictQuestion> questions) {
        return new QuestionSet(List.copyOf(questions));
    }

    /** The questions {@link PredictQuestions#forTrace} derives from the trace. */
    public static QuestionSet generated(Trace trace) {
        return new QuestionSet(PredictQuestions.forTrace(trace));
    }

    public List<PredictQuestion> questions() {
        return questions;
    }

    public int size() {
        return questions.size();
    }

    public boolean isEmpty() {
        return questions.isEmpty();
    }

    /** The questions about a step (1-based), in asking order. */
    public List<PredictQuestion> about(int step) {
        return step > 0 && step < byStep.size() ? byStep.get(step) : List.of();
    }

    /** The questions asked while the cursor stands at {@code position} (about step position + 1). */
    public List<PredictQuestion> askedAt(int position) {
        return about(position + 1);
    }

    /** This set plus questions written by hand (a lesson's); they come first at their step. */
    public QuestionSet plus(Collection<PredictQuestion> authored) {
        List<PredictQuestion> all = new ArrayList<>(authored.size() + questions.size());
        all.addAll(authored);
        all.addAll(questions);
        return new QuestionSet(all);
    }

    /** Generated questions of the given kinds only; authored questions always stay. */
    public QuestionSet onlyKinds(Set<QuestionKind> kinds) {
        List<PredictQuestion> kept = new ArrayList<>();
        for (PredictQuestion q : questions) {
            QuestionKind k = q.kindOrNull();
            if (k == null || kinds.contains(k)) {
                kept.add(q);
            }
        }
        return new QuestionSet(kept);
    }

    /** Drops the generated questions of every step for which an author wrote questions (the author chose). */
    public QuestionSet withoutGeneratedWhereAuthored() {
        Set<Integer> authoredSteps = new HashSet<>();
        for (PredictQuestion q : questions) {
            if (q.origin() instanceof Origin.Authored) {
                authoredSteps.add(q.step());
            }
        }
        List<PredictQuestion> kept = new ArrayList<>();
        for (PredictQuestion q : questions) {
            if (q.origin() instanceof Origin.Authored || !authoredSteps.contains(q.step())) {
                kept.add(q);
            }
        }
        return new QuestionSet(kept);
    }

    /** Questions about steps past the end of a trace of {@code eventCount} events are dropped. */
    public QuestionSet within(int eventCount) {
        List<PredictQuestion> kept = new ArrayList<>();
        for (PredictQuestion q : questions) {
            if (q.step() <= eventCount) {
                kept.add(q);
            }
        }
        return kept.size() == questions.size() ? this : new QuestionSet(kept);
    }

    @Override
    public String toString() {
        return "QuestionSet[" + questions.size() + " questions]";
    }
}
