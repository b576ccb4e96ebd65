package org.resolvefx.ui.player;

import java.util.List;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Rectangle;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.ui.trace.TraceViewModel;

/**
 * The trace's time line: a mark per event (tall for messages, short for other steps, a block at
 * the answer or failure), the part already played filled in, and a thumb at the cursor. Clicking
 * or dragging jumps there. All marks are one Path per kind, so a 10,000-event trace stays light.
 */
final class Scrubber extends Region {
    private final TraceViewModel model;
    private final Line track = new Line();
    private final Line played = new Line();
    private final Path messageTicks = new Path();
    private final Path otherTicks = new Path();
    private final Rectangle endMark = new Rectangle();
    private final Circle thumb = new Circle();
    private Object ticksKey;

    Scrubber(TraceViewModel model) {
        this.model = model;
        getStyleClass().add("scrubber");
        setId("scrubber");
        track.getStyleClass().add("scrubber-track");
        played.getStyleClass().add("scrubber-played");
        messageTicks.getStyleClass().add("scrubber-tick-message");
        otherTicks.getStyleClass().add("scrubber-tick-other");
        endMark.getStyleClass().add("scrubber-end");
        thumb.getStyleClass().add("scrubber-thumb");
        getChildren().addAll(track, played, otherTicks, messageTicks, endMark, thumb);
        setMinHeight(28);
        setPrefHeight(34);
        setFocusTraversable(false);
        model.stateProperty().addListener((obs, o, n) -> requestLayout());
        model.playbackProperty().addListener((obs, o, n) -> requestLayout());
        setOnMousePressed(e -> jumpToX(e.getX()));
        setOnMouseDragged(e -> jumpToX(e.getX()));
    }

    private double left() {
        return snappedLeftInset() + 10;
    }

    private double usable() {
        return Math.max(1, getWidth() - left() - snappedRightInset() - 10);
    }

    /** x of the position after {@code k} events. */
    double xOf(int k) {
        int n = Math.max(1, model.length());
        return left() + usable() * k / n;
    }

    private void jumpToX(double x) {
        if (!model.hasTrace()) {
            return;
        }
        int n = model.length();
        int k = (int) Math.round((x - left()) / usable() * n);
        if (k != model.position()) {
            model.jumpTo(Math.max(0, Math.min(n, k)));
        }
    }

    @Override
    protected void layoutChildren() {
        double mid = getHeight() / 2;
        double x0 = left();
        double x1 = left() + usable();
        track.setStartX(x0);
        track.setEndX(x1);
        track.setStartY(mid);
        track.setEndY(mid);
        int pos = model.position();
        played.setStartX(x0);
        played.setStartY(mid);
        played.setEndY(mid);
        played.setEndX(xOf(pos));
        thumb.setCenterX(xOf(pos));
        thumb.setCenterY(mid);
        thumb.setRadius(Math.max(6, getHeight() * 0.22));
        // ticks only change with the trace or the size; stepping just moves thumb and fill
        Object key = java.util.List.of(getWidth(), getHeight(), model.playback() == null ? "" : model.playback());
        if (key.equals(ticksKey)) {
            return;
        }
        ticksKey = key;
        List<PathElement> msg = new java.util.ArrayList<>();
        List<PathElement> other = new java.util.ArrayList<>();
        endMark.setVisible(false);
        if (model.hasTrace()) {
            List<TraceEvent> events = model.trace().events();
            double tall = getHeight() * 0.36;
            double shortTick = getHeight() * 0.18;
            for (int i = 0; i < events.size(); i++) {
                double x = xOf(i + 1);
                TraceEvent e = events.get(i);
                if (e instanceof TraceEvent.MessageSent || e instanceof TraceEvent.MessageReceived) {
                    msg.add(new MoveTo(x, mid - tall));
                    msg.add(new LineTo(x, mid + tall));
                } else if (e instanceof TraceEvent.Answer || e instanceof TraceEvent.Failure) {
                    endMark.setVisible(true);
                    endMark.setX(x - 4);
                    endMark.setY(mid - tall);
                    endMark.setWidth(8);
                    endMark.setHeight(2 * tall);
                    endMark.getStyleClass().removeAll("scrubber-end-answer", "scrubber-end-failure");
                    endMark.getStyleClass().add(e instanceof TraceEvent.Answer
                            ? "scrubber-end-answer" : "scrubber-end-failure");
                } else {
                    other.add(new MoveTo(x, mid - shortTick));
                    other.add(new LineTo(x, mid + shortTick));
                }
            }
        }
        messageTicks.getElements().setAll(msg);
        otherTicks.getElements().setAll(other);
    }
}
