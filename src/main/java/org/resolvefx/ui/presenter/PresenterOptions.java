package org.resolvefx.ui.presenter;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Rectangle2D;

/**
 * How {@link PresenterMode} talks to the window it presents. Every part has a default that works on
 * its own (tests, a bare view); the main window passes its own stepping (with the predict hook and the
 * player paused), its blank screen and its theme switch. (Themes are passed as actions or stylesheet
 * lists, not as {@code ui.app.Theme}, so that ui.app can use this package without a cycle.)
 *
 * @param notes                lecturer notes per cursor position (0 before the first step)
 * @param stepForward          what Page Down / → / Space do; null: the model steps
 * @param stepBack             what Page Up / ← do; null: the model steps back
 * @param blanked              the main window's blank screen, shown on the presenter view; null: presenter
 *                             mode blanks the projected view itself with B
 * @param toggleBlank          what B does when the main window owns the blank screen
 * @param toProjectorLook      switches the main window to the projector theme on start; null: the scene's
 *                             stylesheets become {@code projectorStylesheets} (if given)
 * @param restoreLook          switches it back on stop
 * @param projectorStylesheets stylesheets for the projected scene when no {@code toProjectorLook} is given
 * @param presenterStylesheets stylesheets of the presenter window; null: the main scene's as they were
 *                             before presenting began
 * @param clock                time of day and elapsed time
 * @param windowOnSingleScreen with one screen, open the presenter window beside the main window and go
 *                             neither full screen (a rehearsal on the laptop), instead of the compact card
 * @param screens              the screens' bounds, primary first (default: {@code javafx.stage.Screen})
 */
public record PresenterOptions(IntFunction<String> notes, Runnable stepForward, Runnable stepBack,
                               ObservableBooleanValue blanked, Runnable toggleBlank, Runnable toProjectorLook,
                               Runnable restoreLook, List<String> projectorStylesheets,
                               List<String> presenterStylesheets, Clock clock, boolean windowOnSingleScreen,
                               Supplier<List<Rectangle2D>> screens) {

    public PresenterOptions {
        notes = notes == null ? k -> "" : notes;
        projectorStylesheets = projectorStylesheets == null ? null : List.copyOf(projectorStylesheets);
        presenterStylesheets = presenterStylesheets == null ? null : List.copyOf(presenterStylesheets);
        clock = clock == null ? Clock.systemDefaultZone() : clock;
        screens = screens == null ? PresenterOptions::javafxScreens : screens;
    }

    /** Everything by default: the model steps, presenter mode blanks by itself, the look stays. */
    public static PresenterOptions defaults() {
        return new PresenterOptions(null, null, null, null, null, null, null, null, null, null, false, null);
    }

    public PresenterOptions withNotes(IntFunction<String> n) {
        return new PresenterOptions(n, stepForward, stepBack, blanked, toggleBlank, toProjectorLook, restoreLook,
                projectorStylesheets, presenterStylesheets, clock, windowOnSingleScreen, screens);
    }

    public PresenterOptions withStepping(Runnable forward, Runnable back) {
        return new PresenterOptions(notes, forward, back, blanked, toggleBlank, toProjectorLook, restoreLook,
                projectorStylesheets, presenterStylesheets, clock, windowOnSingleScreen, screens);
    }

    public PresenterOptions withBlankScreen(ObservableBooleanValue isBlanked, Runnable toggle) {
        return new PresenterOptions(notes, stepForward, stepBack, Objects.requireNonNull(isBlanked),
                Objects.requireNonNull(toggle), toProjectorLook, restoreLook, projectorStylesheets,
                presenterStylesheets, clock, windowOnSingleScreen, screens);
    }

    public PresenterOptions withLook(Runnable toProjector, Runnable restore) {
        return new PresenterOptions(notes, stepForward, stepBack, blanked, toggleBlank,
                Objects.requireNonNull(toProjector), Objects.requireNonNull(restore), projectorStylesheets,
                presenterStylesheets, clock, windowOnSingleScreen, screens);
    }

    public PresenterOptions withProjectorStylesheets(List<String> sheets) {
        return new PresenterOptions(notes, stepForward, stepBack, blanked, toggleBlank, toProjectorLook, restoreLook,
                sheets, presenterStylesheets, clock, windowOnSingleScreen, screens);
    }

    public PresenterOptions withPresenterStylesheets(List<String> sheets) {
        return new PresenterOptions(notes, stepForward, stepBack, blanked, toggleBlank, toProjectorLook, restoreLook,
                projectorStylesheets, sheets, clock, windowOnSingleScreen, screens);
    }

    public PresenterOptions withClock(Clock c) {
        return new PresenterOptions(notes, stepForward, stepBack, blanked, toggleBlank, toProjectorLook, restoreLook,
                projectorStylesheets, presenterStylesheets, c, windowOnSingleScreen, screens);
    }

    public PresenterOptions withWindowOnSingleScreen(boolean on) {
        return new PresenterOptions(notes, stepForward, stepBack, blanked, toggleBlank, toProjectorLook, restoreLook,
                projectorStylesheets, presenterStylesheets, clock, on, screens);
    }

    public PresenterOptions withScreens(Supplier<List<Rectangle2D>> s) {
        return new PresenterOptions(notes, stepForward, stepBack, blanked, toggleBlank, toProjectorLook, restoreLook,
                projectorStylesheets, presenterStylesheets, clock, windowOnSingleScreen, s);
    }

    /** The screens JavaFX knows, the primary one first. */
    static List<Rectangle2D> javafxScreens() {
        javafx.stage.Screen primary = javafx.stage.Screen.getPrimary();
        List<Rectangle2D> out = new java.util.ArrayList<>();
        out.add(primary.getBounds());
        for (javafx.stage.Screen s : javafx.stage.Screen.getScreens()) {
            if (!s.equals(primary)) {
                out.add(s.getBounds());
            }
        }
        return out;
    }
}
