package org.resolvefx.core.predict;

/** How predictions are collected. */
public enum PredictStyle {
    /** The class shouts its prediction; the lecturer reveals the answer (optionally recording the class's choice). */
    CLASS,
    /** One student clicks a choice, is told right or wrong with the explanation, and then sees the step. */
    SELF_STUDY
}
