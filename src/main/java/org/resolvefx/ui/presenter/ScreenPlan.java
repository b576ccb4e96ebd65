package org.resolvefx.ui.presenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Rectangle2D;

/**
 * Where presenter mode puts its windows, decided from the screens alone (a pure function, so the
 * two-screen case is testable on a machine with one screen).
 *
 * <ul>
 *   <li>Two or more screens: the classroom views go full screen on the projector, the largest screen
 *       other than the primary one; the presenter window opens on the primary screen (the laptop).</li>
 *   <li>One screen (or mirrored screens, which report one): the views go full screen there and a compact
 *       presenter overlay sits in a corner.</li>
 * </ul>
 *
 * @param layout    one or two screens
 * @param projector bounds of the screen for the projected views
 * @param presenter bounds of the screen for the presenter view (the same as {@code projector} with one screen)
 */
public record ScreenPlan(Layout layout, Rectangle2D projector, Rectangle2D presenter) {

    public enum Layout {
        /** Views full screen on the projector, presenter window on the laptop. */
        TWO_SCREENS,
        /** Views full screen, compact presenter overlay. */
        ONE_SCREEN
    }

    public ScreenPlan {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(projector, "projector");
        Objects.requireNonNull(presenter, "presenter");
    }

    /** The plan for screens listed with the primary screen first. */
    public static ScreenPlan plan(List<Rectangle2D> screens) {
        if (screens == null || screens.isEmpty()) {
            throw new IllegalArgumentException("no screens to present on");
        }
        return plan(screens, screens.get(0));
    }

    /**
     * The plan for the given screens and the primary one (the laptop's; JavaFX does not promise to list
     * it first). Screens with equal bounds count once; a primary that is not among the screens is
     * replaced by the first screen.
     */
    public static ScreenPlan plan(List<Rectangle2D> screens, Rectangle2D primary) {
        if (screens == null || screens.isEmpty()) {
            throw new IllegalArgumentException("no screens to present on");
        }
        List<Rectangle2D> distinct = new ArrayList<>();
        for (Rectangle2D s : screens) {
            if (s != null && s.getWidth() > 0 && s.getHeight() > 0 && !distinct.contains(s)) {
                distinct.add(s);
            }
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("no screen with a size among " + screens);
        }
        Rectangle2D laptop = primary != null && distinct.contains(primary) ? primary : distinct.get(0);
        Rectangle2D projector = null;
        for (Rectangle2D s : distinct) {
            if (!s.equals(laptop) && (projector == null || area(s) > area(projector))) {
                projector = s;
            }
        }
        if (projector == null) {
            return new ScreenPlan(Layout.ONE_SCREEN, laptop, laptop);
        }
        return new ScreenPlan(Layout.TWO_SCREENS, projector, laptop);
    }

    private static double area(Rectangle2D r) {
        return r.getWidth() * r.getHeight();
    }
}
