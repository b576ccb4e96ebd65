package org.resolvefx.ui.flow;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.resolvefx.core.namespace.SequenceRow;
import org.resolvefx.core.playback.Arrow;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.ui.i18n.I18n;

/**
 * One row of the sequence diagram drawn across all lifelines: the lifelines' piece, the time, and a
 * message arrow (numbered and labelled like in the flow view) or a note on the lifeline the event
 * concerns. Rows are reused while scrolling: {@link #bind} redraws a node for another row.
 */
final class SequenceRowNode extends Group {
    private final SequenceView.Context context;
    private final Rectangle background = new Rectangle();
    private final Path lifelines = new Path();
    private final Path bracket = new Path();
    private final Text time = new Text();
    private ArrowGlyph glyph;
    private Group note;
    private Rectangle noteBg;
    private FontIcon noteIcon;
    private Text noteText;
    private Path noteDot;
    private int rowIndex = -1;
    private String state = "";
    /** What the row shows now (row, state, arrow look, current arrow): binding it again to that is a no-op. */
    private List<Object> drawnKey;

    SequenceRowNode(SequenceView.Context context) {
        this.context = context;
        getStyleClass().add("sequence-row");
        background.getStyleClass().add("sequence-row-bg");
        lifelines.getStyleClass().add("sequence-lifeline");
        bracket.getStyleClass().add("sequence-bracket");
        time.getStyleClass().addAll(DiagramMetrics.TIME, "sequence-time");
        time.setTextOrigin(VPos.CENTER);
        getChildren().addAll(background, lifelines, bracket, time);
        background.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && rowIndex >= 0 && e.isStillSincePress()) {
                context.jumpToRow(rowIndex);
            }
        });
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(400));
        tip.setOnShowing(e -> tip.setText(I18n.get("flow.seq.row.tip")));
        Tooltip.install(background, tip);
    }

    int rowIndex() {
        return rowIndex;
    }

    /** Back to the pool: no ids, so that look-ups find only the rows in view. */
    void release() {
        rowIndex = -1;
        drawnKey = null;
        setId(null);
        setVisible(false);
        if (glyph != null) {
            glyph.clearIds();
        }
        if (note != null) {
            note.setId(null);
        }
    }

    /**
     * Draws row {@code index} of the diagram as it looks at {@code s}. A row that already shows exactly
     * that (the same row, state and arrow look) is left alone: a step changes two or three rows, and
     * setting the others' shapes again would make the whole diagram repaint.
     */
    void bind(int index, PlaybackState s) {
        SequenceRow row = context.rows().get(index);
        boolean past = row.eventIndex() < s.position();
        boolean current = index == context.currentRow();
        String newState = current ? "current" : past ? "past" : "future";
        Arrow arrow = null;
        boolean arrowCurrent = false;
        if (row.isMessage()) {
            int n = row.messageNumber();
            List<Arrow> arrows = s.arrows();
            arrow = (past || current) && n <= arrows.size() ? arrows.get(n - 1) : null;
            arrowCurrent = arrow != null && n == arrows.size() && current;
        }
        List<Object> key = java.util.Arrays.asList(index, newState, arrow == null ? null : ArrowLook.of(arrow),
                arrowCurrent);
        if (key.equals(drawnKey)) {
            if (glyph != null) {
                glyph.setArrow(arrow);
            }
            return;
        }
        drawnKey = key;
        this.rowIndex = index;
        setId(context.idPrefix() + "seq-row-" + index);
        DiagramMetrics m = context.metrics();
        double h = context.rowHeight();
        double w = context.contentWidth();
        if (!newState.equals(state)) {
            getStyleClass().removeAll("current", "past", "future");
            getStyleClass().add(newState);
            state = newState;
        }
        if (lifelines.getElements().isEmpty()) {
            // the same for every row of a context: drawn once per node
            background.setX(0);
            background.setY(0);
            background.setWidth(w);
            background.setHeight(h);
            for (double x : context.lifelineXs()) {
                lifelines.getElements().addAll(new MoveTo(x, 0), new LineTo(x, h));
            }
            time.setX(m.em(0.4));
            time.setY(h / 2);
        }
        time.setText(context.timeText(index));
        drawBracket(row, past || current, m, h);
        if (row.isMessage()) {
            hideNote();
            drawMessage(row, s, past || current, m, h);
        } else {
            if (glyph != null) {
                glyph.lines.setVisible(false);
                glyph.marks.setVisible(false);
            }
            drawNote(row, past || current, m, h);
        }
    }

    private void drawMessage(SequenceRow row, PlaybackState s, boolean happened, DiagramMetrics m, double h) {
        if (glyph == null) {
            glyph = new ArrowGlyph(context.idPrefix() + "seq-");
            glyph.installTooltip(() -> glyph.arrow() == null ? ""
                    : FlowTexts.tooltip(glyph.arrow(), context.name(glyph.arrow().fromId()),
                    context.name(glyph.arrow().toId())));
            for (Node n : glyph.pickables()) {
                n.setOnMouseEntered(e -> glyph.setState("hover", true));
                n.setOnMouseExited(e -> glyph.setState("hover", false));
                n.setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                        if (glyph.arrow() != null) {
                            context.open(glyph.arrow());
                        } else {
                            context.jumpToRow(rowIndex);
                        }
                        e.consume();
                    }
                });
            }
            getChildren().addAll(glyph.lines, glyph.marks);
        }
        glyph.lines.setVisible(true);
        glyph.marks.setVisible(true);
        double x1 = context.x(row.fromId());
        double x2 = context.x(row.toId());
        double y = h * 0.66;
        int n = row.messageNumber();
        List<Arrow> arrows = s.arrows();
        Arrow arrow = happened && n <= arrows.size() ? arrows.get(n - 1) : null;
        ArrowLook look = arrow != null ? ArrowLook.of(arrow) : ghostLook(n, row, context);
        double r = ArrowGlyph.badgeRadius(n, m);
        FlowPlacement.Curve curve;
        double bx;
        if (x1 == x2) {
            // a host talking to itself: a small loop on the right of its lifeline
            curve = new FlowPlacement.Curve(x1, y - m.em(0.45), x1 + m.em(3), y, x1 + m.em(0.2), y + m.em(0.45));
            bx = x1 + m.em(2.2);
        } else {
            curve = FlowPlacement.Curve.straight(x1, y, x2, y);
            bx = x1 + Math.signum(x2 - x1) * (r + m.em(0.35));
        }
        ArrowGlyph.LabelRow labelRow = null;
        double lx = Double.NaN;
        double ly = 0;
        if (arrow != null) {
            double room = Math.abs(x2 - x1) - 2 * r - m.em(2.2);
            labelRow = context.labelRow(rowIndex, look, () -> fitted(arrow, look, room, m));
            double from = Math.min(x1, x2) + (x2 > x1 ? 2 * r + m.em(0.35) : 0);
            double to = Math.max(x1, x2) - (x2 > x1 ? m.em(1) : 2 * r + m.em(0.35));
            lx = x1 == x2 ? bx + r + m.em(0.3) + labelRow.width() / 2 : (from + to) / 2;
            ly = y - m.em(0.22) - labelRow.height() / 2;
        }
        glyph.setArrow(arrow);
        glyph.setState("future", arrow == null);
        glyph.setState("current", arrow != null && n == arrows.size() && rowIndex == context.currentRow());
        glyph.draw(look, new ArrowGlyph.Geometry(curve, bx, y, r, lx, ly, 0), labelRow, m);
    }

    private static ArrowLook ghostLook(int n, SequenceRow row, SequenceView.Context context) {
        // a step still to come: only who talks to whom, no label (nothing is given away)
        return new ArrowLook(n, List.of("flow-arrow", "iterative", "pattern-dashed"), false, false, false, 1, null,
                false);
    }

    /** The label row cut to fit {@code room}: the longest text that fits, found by bisection. */
    static ArrowGlyph.LabelRow fitted(Arrow a, ArrowLook look, double room, DiagramMetrics m) {
        String malformed = FlowTexts.malformedTag();
        ArrowGlyph.LabelRow row = ArrowGlyph.measure(look, FlowTexts.label(a, FlowView.LABEL_MAX_CHARS), malformed, m);
        if (row.width() <= room) {
            return row;
        }
        int lo = 6;
        int hi = FlowView.LABEL_MAX_CHARS - 1;
        ArrowGlyph.LabelRow best = ArrowGlyph.measure(look, FlowTexts.label(a, lo), malformed, m);
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            ArrowGlyph.LabelRow r = ArrowGlyph.measure(look, FlowTexts.label(a, mid), malformed, m);
            if (r.width() <= room) {
                lo = mid;
                best = r;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    private void drawNote(SequenceRow row, boolean happened, DiagramMetrics m, double h) {
        TraceEvent e = context.events().get(row.eventIndex());
        double x = context.x(row.fromId());
        double cy = h / 2;
        if (note == null) {
            noteBg = new Rectangle();
            noteBg.getStyleClass().add("sequence-note-bg");
            noteIcon = new FontIcon();
            noteIcon.getStyleClass().add("sequence-note-icon");
            noteText = new Text();
            noteText.getStyleClass().addAll(DiagramMetrics.NOTE, "sequence-note-text");
            noteText.setTextOrigin(VPos.CENTER);
            noteDot = new Path();
            noteDot.getStyleClass().add("sequence-note-dot");
            note = new Group(noteBg, noteIcon, noteText);
            note.setMouseTransparent(true);
            getChildren().addAll(note, noteDot);
        }
        if (!happened) {
            // a step still to come: a small mark on the lifeline, nothing given away
            note.setVisible(false);
            double d = m.em(0.25);
            noteDot.getElements().setAll(new MoveTo(x - d, cy), new LineTo(x + d, cy));
            noteDot.setVisible(true);
            return;
        }
        noteDot.setVisible(false);
        note.setVisible(true);
        List<String> noteClasses = List.of("sequence-note", FlowTexts.noteClass(e));
        if (!note.getStyleClass().equals(noteClasses)) {
            note.getStyleClass().setAll(noteClasses);
        }
        note.setId(context.idPrefix() + "seq-note-" + rowIndex);
        String text = context.noteText(rowIndex, e);
        double maxW = context.spacing() * 1.7;
        double iconSize = m.em(1.0);
        double pad = m.em(0.4);
        String shown = text;
        double tw = m.width(shown, DiagramMetrics.NOTE);
        int keep = text.length();
        while (tw + iconSize + 3 * pad > maxW && keep > 8) {
            keep--;
            shown = text.substring(0, keep) + "\u2026";
            tw = m.width(shown, DiagramMetrics.NOTE);
        }
        double nh = Math.max(m.height(DiagramMetrics.NOTE), iconSize) + m.em(0.3);
        double nw = tw + iconSize + 3 * pad;
        double left = x - nw / 2;
        noteBg.setX(left);
        noteBg.setY(cy - nh / 2);
        noteBg.setWidth(nw);
        noteBg.setHeight(nh);
        noteBg.setArcWidth(m.em(0.5));
        noteBg.setArcHeight(m.em(0.5));
        noteIcon.setIconCode(FlowTexts.noteIcon(e));
        noteIcon.setIconSize((int) Math.round(iconSize));
        ArrowGlyph.centre(noteIcon, left + pad + iconSize / 2, cy);
        noteText.setText(shown);
        noteText.setX(left + 2 * pad + iconSize);
        noteText.setY(cy);
    }

    private void hideNote() {
        if (note != null) {
            note.setVisible(false);
            noteDot.setVisible(false);
        }
    }

    /** The bracket in the gutter that marks the rows of a side lookup (a glueless name server's address). */
    private void drawBracket(SequenceRow row, boolean happened, DiagramMetrics m, double h) {
        bracket.getElements().clear();
        int depth = context.sideDepth(rowIndex);
        if (!happened || depth == 0) {
            bracket.setVisible(false);
            return;
        }
        bracket.setVisible(true);
        TraceEvent e = context.events().get(row.eventIndex());
        boolean start = e instanceof TraceEvent.SideResolutionStarted;
        boolean end = e instanceof TraceEvent.SideResolutionFinished;
        for (int d = 1; d <= depth; d++) {
            double x = context.gutter() - m.em(0.5) - (d - 1) * m.em(0.45);
            boolean innermost = d == depth;
            double top = innermost && start ? h / 2 : 0;
            double bottom = innermost && end ? h / 2 : h;
            bracket.getElements().addAll(new MoveTo(x, top), new LineTo(x, bottom));
            if (innermost && start) {
                bracket.getElements().addAll(new MoveTo(x, h / 2), new LineTo(x + m.em(0.35), h / 2));
            }
            if (innermost && end) {
                bracket.getElements().addAll(new MoveTo(x, h / 2), new LineTo(x + m.em(0.35), h / 2));
            }
        }
    }

    /** What the row shows, for tests. */
    String describe() {
        StringBuilder b = new StringBuilder("row ").append(rowIndex).append(' ').append(getStyleClass());
        if (glyph != null && glyph.lines.isVisible()) {
            b.append(" arrow ").append(glyph.look().number()).append(' ').append(glyph.lines.getStyleClass())
                    .append(" label='").append(glyph.shownLabel()).append("' marks=").append(glyph.shownMarks());
        }
        if (note != null && note.isVisible()) {
            b.append(" note='").append(noteText.getText()).append('\'');
        }
        if (bracket.isVisible()) {
            b.append(" side-lookup=").append(context.sideDepth(rowIndex));
        }
        b.append(String.format(Locale.ROOT, " y=%.1f", getLayoutY()));
        return b.toString();
    }

    ArrowGlyph glyph() {
        return glyph;
    }
}
