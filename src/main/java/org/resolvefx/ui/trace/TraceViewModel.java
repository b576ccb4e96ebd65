package org.resolvefx.ui.trace;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.playback.Playback;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.WireMessage;

/**
 * The cursor over the open trace that every classroom view follows. Views only read
 * {@link #stateProperty()}; moving the cursor (player, keys, clicks) goes through the methods
 * here, so every view shows the same step, forwards or backwards.
 *
 * <p>{@link #lastMoveProperty()} tells views whether the latest change was a single step forward
 * (animate the new arrow's packet), a step back, or a jump (no animation: just show the state).
 */
public final class TraceViewModel {

    /** How the cursor got to the current state. */
    public enum Move {
        LOAD, STEP_FORWARD, STEP_BACK, JUMP, GROW
    }

    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Playback> playback = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PlaybackState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Move> lastMove = new ReadOnlyObjectWrapper<>(Move.LOAD);
    private final ObjectProperty<NamespaceTree> namespace = new SimpleObjectProperty<>(NamespaceTree.empty());
    private final DoubleProperty speed = new SimpleDoubleProperty(1.0);
    private final BooleanProperty animate = new SimpleBooleanProperty(true);
    private final ObjectProperty<Consumer<WireMessage>> onOpenMessage = new SimpleObjectProperty<>(m -> { });
    private final ObjectProperty<BooleanSupplier> stepGate = new SimpleObjectProperty<>(() -> true);

    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public Trace trace() {
        return trace.get();
    }

    public ReadOnlyObjectProperty<Playback> playbackProperty() {
        return playback.getReadOnlyProperty();
    }

    public Playback playback() {
        return playback.get();
    }

    public ReadOnlyObjectProperty<PlaybackState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public PlaybackState state() {
        return state.get();
    }

    public ReadOnlyObjectProperty<Move> lastMoveProperty() {
        return lastMove.getReadOnlyProperty();
    }

    /** The namespace tree to draw: the sandbox world's zones, or what the trace's messages reveal. */
    public ObjectProperty<NamespaceTree> namespaceProperty() {
        return namespace;
    }

    /** Playback speed factor, 0.25 to 4; animations last (base duration / speed). */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** False while exporting or in tests that want states without motion. */
    public BooleanProperty animateProperty() {
        return animate;
    }

    /** What clicking an arrow or a message does (the main window opens it in the inspector). */
    public ObjectProperty<Consumer<WireMessage>> onOpenMessageProperty() {
        return onOpenMessage;
    }

    public void openMessage(WireMessage m) {
        onOpenMessage.get().accept(m);
    }

    /** Opens a trace at its start (position 0), with the namespace tree to show beside it. */
    public void load(Trace t, NamespaceTree tree) {
        Objects.requireNonNull(t, "trace");
        Playback p = Playback.of(t);
        namespace.set(tree == null ? NamespaceTree.empty() : tree);
        trace.set(t);
        playback.set(p);
        lastMove.set(Move.LOAD);
        state.set(p.first());
    }

    /**
     * Replaces the trace by a longer version of itself (a live lookup growing), keeping the cursor
     * where it is, or following the end when it was at the end.
     */
    public void grow(Trace longer, NamespaceTree tree) {
        PlaybackState old = state.get();
        boolean atEnd = old == null || old.isFinished() || old.position() == old.eventCount();
        Playback p = Playback.of(longer);
        trace.set(longer);
        playback.set(p);
        if (tree != null) {
            namespace.set(tree);
        }
        int pos = old == null ? 0 : Math.min(old.position(), p.length());
        if (atEnd && old != null && p.length() == old.position() + 1) {
            lastMove.set(Move.STEP_FORWARD);
            pos = p.length();
        } else if (atEnd) {
            lastMove.set(Move.GROW);
            pos = p.length();
        } else {
            lastMove.set(Move.GROW);
        }
        state.set(p.stateAt(pos));
    }

    public boolean hasTrace() {
        return playback.get() != null;
    }

    public int position() {
        return state.get() == null ? 0 : state.get().position();
    }

    public int length() {
        return playback.get() == null ? 0 : playback.get().length();
    }

    public boolean canStepForward() {
        return hasTrace() && position() < length();
    }

    public boolean canStepBack() {
        return hasTrace() && position() > 0;
    }

    public void stepForward() {
        if (canStepForward()) {
            lastMove.set(Move.STEP_FORWARD);
            state.set(playback.get().next(state.get()));
        }
    }

    /**
     * Asked before every step forward a person or the player asks for ({@link #requestStepForward()}):
     * false holds the cursor where it is (predict mode asks its question first). Default: always true.
     */
    public ObjectProperty<BooleanSupplier> stepGateProperty() {
        return stepGate;
    }

    /**
     * Steps forward if there is a next step and the {@link #stepGateProperty() gate} lets it; what keys,
     * buttons and the player call. {@link #stepForward()} itself steps without asking (the gate's own
     * "show the step now"). Returns whether the cursor moved.
     */
    public boolean requestStepForward() {
        if (!canStepForward()) {
            return false;
        }
        BooleanSupplier gate = stepGate.get();
        if (gate != null && !gate.getAsBoolean()) {
            return false;
        }
        int before = position();
        stepForward();
        return position() != before;
    }

    public void stepBack() {
        if (canStepBack()) {
            lastMove.set(Move.STEP_BACK);
            state.set(playback.get().previous(state.get()));
        }
    }

    public void jumpTo(int position) {
        if (hasTrace()) {
            int p = Math.max(0, Math.min(length(), position));
            lastMove.set(Move.JUMP);
            state.set(playback.get().stateAt(p));
        }
    }

    public void toStart() {
        jumpTo(0);
    }

    public void toEnd() {
        jumpTo(length());
    }

    /** Jumps to the step that sent message (arrow) number {@code n}, counted from 1. */
    public void jumpToArrow(int n) {
        if (hasTrace()) {
            jumpTo(playback.get().positionOfArrow(n));
        }
    }
}
