package org.resolvefx.core.playback;

/**
 * How an arrow is drawn in the lecture figure: a recursive query (RD=1 to a resolver, which does the
 * work for the asker) and its response, or one step of an iterative walk (the asker does the work).
 */
public enum ArrowStyle {
    RECURSIVE,
    ITERATIVE
}
