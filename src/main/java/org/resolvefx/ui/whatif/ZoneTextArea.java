package org.resolvefx.ui.whatif;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * A master-file editor: a monospace {@link TextArea} with line numbers beside it and the line of a
 * {@link ZoneProblem} marked (a band across the line, a dashed underline from the problem's column,
 * and its number highlighted with a "!").
 *
 * <p>Positions come from the text area's own {@link Text} node ({@code caretShape}, public since
 * JavaFX 9), so numbers and marks stay on their lines whatever the theme, font size or scrolling.
 */
public final class ZoneTextArea extends Region {
    /** More lines than this get no numbers (the marks would cost more than they help). */
    static final int MAX_NUMBERED_LINES = 20_000;

    private final TextArea text = new TextArea();
    private final Pane gutter = new Pane();
    private final Pane overlay = new Pane();
    private final Rectangle band = new Rectangle();
    private final Line underline = new Line();
    private final Rectangle gutterClip = new Rectangle();
    private final Rectangle overlayClip = new Rectangle();
    private final Label widthProbe = new Label("00000");
    private final ObjectProperty<ZoneProblem> problem = new SimpleObjectProperty<>();
    private final List<Label> numbers = new ArrayList<>();
    private int retries;

    public ZoneTextArea() {
        getStyleClass().add("zone-text-area");
        text.getStyleClass().add("zone-text");
        text.setId("whatif-text");
        text.setWrapText(false);
        gutter.getStyleClass().add("zone-gutter");
        gutter.setId("whatif-gutter");
        gutter.setClip(gutterClip);
        overlay.setMouseTransparent(true);
        overlay.setClip(overlayClip);
        band.getStyleClass().add("zone-problem-band");
        band.setId("whatif-problem-band");
        underline.getStyleClass().add("zone-problem-underline");
        underline.setId("whatif-problem-underline");
        overlay.getChildren().addAll(band, underline);
        widthProbe.getStyleClass().add("zone-line-number");
        widthProbe.setManaged(false);
        widthProbe.setVisible(false);
        getChildren().addAll(gutter, text, overlay, widthProbe);

        text.textProperty().addListener((obs, o, n) -> requestLayout());
        text.scrollTopProperty().addListener((obs, o, n) -> requestLayout());
        text.scrollLeftProperty().addListener((obs, o, n) -> requestLayout());
        problem.addListener((obs, o, n) -> requestLayout());
        text.fontProperty().addListener((obs, o, n) -> requestLayout());
    }

    public TextArea textArea() {
        return text;
    }

    /** The problem to mark, or null for none. */
    public ObjectProperty<ZoneProblem> problemProperty() {
        return problem;
    }

    /** Puts the caret at a line and column (1-based), selects {@code length} characters there, scrolls to it. */
    public void goTo(int line, int column, int length) {
        String s = text.getText();
        int index = indexOf(s, line, column);
        int end = Math.min(endOfLine(s, index), index + Math.max(0, length));
        text.requestFocus();
        // anchor at the end, caret at the problem: the caret is where the mistake starts
        text.selectRange(end, index);
    }

    static int indexOf(String s, int line, int column) {
        int index = 0;
        for (int l = 1; l < line && index >= 0; l++) {
            int nl = s.indexOf('\n', index);
            if (nl < 0) {
                return s.length();
            }
            index = nl + 1;
        }
        int end = endOfLine(s, index);
        return Math.min(end, index + Math.max(0, column - 1));
    }

    private static int endOfLine(String s, int index) {
        int nl = s.indexOf('\n', index);
        return nl < 0 ? s.length() : nl;
    }

    @Override
    protected double computePrefWidth(double height) {
        return gutterWidth() + text.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return text.prefHeight(width);
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected double computeMinWidth(double height) {
        return gutterWidth() + 40;
    }

    private double gutterWidth() {
        return Math.ceil(widthProbe.prefWidth(-1)) + 10;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        double gw = gutterWidth();
        gutter.resizeRelocate(x, y, gw, h);
        text.resizeRelocate(x + gw, y, Math.max(0, w - gw), h);
        overlay.resizeRelocate(x + gw, y, Math.max(0, w - gw), h);
        gutterClip.setWidth(gw);
        gutterClip.setHeight(h);
        // marks stay inside the text area's viewport (inside its border)
        overlayClip.setX(2);
        overlayClip.setY(2);
        overlayClip.setWidth(Math.max(0, w - gw - 4));
        overlayClip.setHeight(Math.max(0, h - 4));
        text.layout();
        decorate(gw);
    }

    /** The text area's own text node (one Text for all lines in JavaFX 21's skin). */
    private Text textNode() {
        Node content = text.lookup(".content");
        if (content == null) {
            return null;
        }
        for (Node n : content.lookupAll(".text")) {
            if (n instanceof Text t) {
                return t;
            }
        }
        return null;
    }

    private void decorate(double gutterW) {
        Text node = textNode();
        String s = text.getText() == null ? "" : text.getText();
        ZoneProblem p = problem.get();
        int lineCount = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                lineCount++;
            }
        }
        if (node == null || lineCount > MAX_NUMBERED_LINES || !node.getText().equals(s)) {
            gutter.getChildren().clear();
            band.setVisible(false);
            underline.setVisible(false);
            if ((node == null || !node.getText().equals(s)) && getScene() != null && retries++ < 5) {
                // the skin has not caught up yet: try again after its layout (a few times at most)
                javafx.application.Platform.runLater(this::requestLayout);
            }
            return;
        }
        retries = 0;
        // line numbers, only where they can be seen
        double viewTop = 0;
        double viewBottom = gutter.getHeight();
        int used = 0;
        int start = 0;
        for (int line = 1; line <= lineCount; line++) {
            double[] ys = lineTopBottom(node, start);
            if (ys != null) {
                double top = ys[0];
                double bottom = ys[1];
                if (bottom >= viewTop && top <= viewBottom) {
                    Label l = number(used++);
                    l.setText(Integer.toString(line));
                    l.getStyleClass().remove("zone-line-number-problem");
                    if (p != null && p.line() == line) {
                        l.getStyleClass().add("zone-line-number-problem");
                        l.setText("! " + line);
                    }
                    l.resizeRelocate(0, top, gutterW - 6, bottom - top);
                }
                if (top > viewBottom) {
                    break;
                }
            }
            int nl = s.indexOf('\n', start);
            start = nl < 0 ? s.length() : nl + 1;
        }
        gutter.getChildren().setAll(numbers.subList(0, used));

        // the problem's line and column
        if (p == null || !p.hasLine() || p.line() > lineCount) {
            band.setVisible(false);
            underline.setVisible(false);
            return;
        }
        int lineStart = indexOf(s, p.line(), 1);
        int from = indexOf(s, p.line(), p.column());
        int lineEnd = endOfLine(s, lineStart);
        int to = Math.min(lineEnd, from + p.length());
        double[] ys = lineTopBottomIn(node, lineStart, overlay);
        Point2D left = pointIn(node, from, overlay);
        Point2D right = to > from ? pointIn(node, to, overlay) : null;
        if (ys == null || left == null) {
            band.setVisible(false);
            underline.setVisible(false);
            return;
        }
        band.setVisible(true);
        band.setX(3);
        band.setY(ys[0]);
        band.setWidth(Math.max(0, overlay.getWidth() - 6));
        band.setHeight(ys[1] - ys[0]);
        double endX = right != null ? right.getX() : left.getX() + 8;
        if (endX - left.getX() < 8) {
            endX = left.getX() + 8; // a missing piece at the end of the line still gets a visible mark
        }
        underline.setVisible(true);
        underline.setStartX(left.getX());
        underline.setEndX(endX);
        underline.setStartY(ys[1] - 1.5);
        underline.setEndY(ys[1] - 1.5);
    }

    private Label number(int i) {
        while (numbers.size() <= i) {
            Label l = new Label();
            l.getStyleClass().add("zone-line-number");
            l.setAlignment(Pos.CENTER_RIGHT);
            l.setManaged(false);
            numbers.add(l);
        }
        return numbers.get(i);
    }

    /** Top and bottom of the line starting at {@code index}, in the gutter's coordinates. */
    private double[] lineTopBottom(Text node, int index) {
        return lineTopBottomIn(node, index, gutter);
    }

    private static double[] lineTopBottomIn(Text node, int index, Node target) {
        PathElement[] caret = node.caretShape(index, true);
        Double y1 = null;
        Double y2 = null;
        double x = 0;
        for (PathElement e : caret) {
            if (e instanceof MoveTo m && y1 == null) {
                y1 = m.getY();
                x = m.getX();
            } else if (e instanceof LineTo l && y2 == null) {
                y2 = l.getY();
            }
        }
        if (y1 == null || y2 == null) {
            return null;
        }
        Point2D a = target.sceneToLocal(node.localToScene(x, Math.min(y1, y2)));
        Point2D b = target.sceneToLocal(node.localToScene(x, Math.max(y1, y2)));
        return a == null || b == null ? null : new double[] {a.getY(), b.getY()};
    }

    private static Point2D pointIn(Text node, int index, Node target) {
        PathElement[] caret = node.caretShape(index, true);
        for (PathElement e : caret) {
            if (e instanceof MoveTo m) {
                return target.sceneToLocal(node.localToScene(m.getX(), m.getY()));
            }
        }
        return null;
    }

    /** The marked band's bounds in this node, or null when nothing is marked (for tests). */
    Bounds problemBandBounds() {
        return band.isVisible() ? band.localToScene(band.getBoundsInLocal()) : null;
    }

    /** The line numbers on show, top to bottom (for tests). */
    List<Label> visibleNumbers() {
        List<Label> out = new ArrayList<>();
        for (Node n : gutter.getChildren()) {
            out.add((Label) n);
        }
        return out;
    }
}
