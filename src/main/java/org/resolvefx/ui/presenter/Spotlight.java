package org.resolvefx.ui.presenter;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.ArcTo;
import javafx.scene.shape.Circle;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.VLineTo;

/**
 * A dimmed layer with a clear circle that follows the pointer, to point at one thing on the projected
 * views. Put it on top of them in a {@code StackPane}; it lets every click through. The circle's radius
 * is in em, so it grows with the projector theme's type.
 */
public final class Spotlight extends Pane {
    private final BooleanProperty on = new SimpleBooleanProperty(false);
    private final DoubleProperty radiusEm = new SimpleDoubleProperty(6.5);
    private final ReadOnlyDoubleWrapper centerX = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper centerY = new ReadOnlyDoubleWrapper();
    /** Takes the root font size from CSS, for em. */
    private final Label fontProbe = new Label();
    private final MoveTo outerStart = new MoveTo();
    private final HLineTo outerTop = new HLineTo();
    private final VLineTo outerRight = new VLineTo();
    private final HLineTo outerBottom = new HLineTo();
    private final MoveTo holeStart = new MoveTo();
    private final ArcTo holeFirst = new ArcTo();
    private final ArcTo holeSecond = new ArcTo();
    /** Even-odd fill: the rectangle minus the circle, updated in place as the pointer moves. */
    private final Path dim = new Path(outerStart, outerTop, outerRight, outerBottom, new LineTo(0, 0), new ClosePath(),
            holeStart, holeFirst, holeSecond, new ClosePath());
    private final Circle ring = new Circle();
    private final EventHandler<MouseEvent> follow = e -> moveToScene(e.getSceneX(), e.getSceneY());
    private boolean placed;

    public Spotlight() {
        getStyleClass().add("spotlight");
        setId("spotlight");
        getStylesheets().add(Objects.requireNonNull(Spotlight.class.getResource(
                "/org/resolvefx/ui/presenter/presenter.css")).toExternalForm());
        setMouseTransparent(true);
        setPickOnBounds(false);
        dim.getStyleClass().add("spotlight-dim");
        dim.setFillRule(FillRule.EVEN_ODD);
        dim.setId("spotlight-dim");
        ring.getStyleClass().add("spotlight-ring");
        ring.setId("spotlight-ring");
        fontProbe.setManaged(false);
        fontProbe.setVisible(false);
        getChildren().addAll(dim, ring, fontProbe);
        visibleProperty().bind(on);
        sceneProperty().addListener((obs, o, n) -> {
            if (o != null) {
                o.removeEventFilter(MouseEvent.MOUSE_MOVED, follow);
                o.removeEventFilter(MouseEvent.MOUSE_DRAGGED, follow);
            }
            if (n != null) {
                n.addEventFilter(MouseEvent.MOUSE_MOVED, follow);
                n.addEventFilter(MouseEvent.MOUSE_DRAGGED, follow);
            }
        });
        widthProperty().addListener((obs, o, n) -> redraw());
        heightProperty().addListener((obs, o, n) -> redraw());
        radiusEm.addListener((obs, o, n) -> redraw());
        fontProbe.fontProperty().addListener((obs, o, n) -> redraw());
        on.addListener((obs, o, n) -> redraw());
    }

    /** Shown (dimming) or not. */
    public BooleanProperty onProperty() {
        return on;
    }

    public boolean isOn() {
        return on.get();
    }

    public void setOn(boolean value) {
        on.set(value);
    }

    public void toggle() {
        on.set(!on.get());
    }

    /** Radius of the clear circle in em of the root font (6.5 by default). */
    public DoubleProperty radiusEmProperty() {
        return radiusEm;
    }

    /** The circle's radius in pixels now. */
    public double radiusPixels() {
        return radiusEm.get() * fontProbe.getFont().getSize();
    }

    public ReadOnlyDoubleProperty centerXProperty() {
        return centerX.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty centerYProperty() {
        return centerY.getReadOnlyProperty();
    }

    /** Moves the circle to a point in this layer's coordinates. */
    public void moveTo(double x, double y) {
        placed = true;
        centerX.set(x);
        centerY.set(y);
        redraw();
    }

    private void moveToScene(double sceneX, double sceneY) {
        Point2D p = sceneToLocal(sceneX, sceneY);
        if (p != null) {
            moveTo(p.getX(), p.getY());
        }
    }

    /** The scene it tracks the pointer in (for tests). */
    Scene trackedScene() {
        return getScene();
    }

    private void redraw() {
        double w = getWidth();
        double h = getHeight();
        if (!placed) {
            // until the pointer moves, the circle waits in the middle
            centerX.set(w / 2);
            centerY.set(h / 2);
        }
        double r = radiusPixels();
        double cx = centerX.get();
        double cy = centerY.get();
        outerStart.setX(0);
        outerStart.setY(0);
        outerTop.setX(w);
        outerRight.setY(h);
        outerBottom.setX(0);
        holeStart.setX(cx - r);
        holeStart.setY(cy);
        for (ArcTo a : new ArcTo[] {holeFirst, holeSecond}) {
            a.setRadiusX(r);
            a.setRadiusY(r);
            a.setSweepFlag(true);
        }
        holeFirst.setX(cx + r);
        holeFirst.setY(cy);
        holeSecond.setX(cx - r);
        holeSecond.setY(cy);
        ring.setCenterX(cx);
        ring.setCenterY(cy);
        ring.setRadius(r);
    }

    @Override
    protected void layoutChildren() {
        // the shapes are placed by coordinates, not laid out
    }
}
