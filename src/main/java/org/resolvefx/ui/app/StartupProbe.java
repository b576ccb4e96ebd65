package org.resolvefx.ui.app;

import com.sun.javafx.perf.PerformanceTracker;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Measures start-up: with {@code -Dresolvefx.startupProbe=true} the application prints, at the first
 * frame rendered after its window is shown, how long that took since the JVM started (the JVM's own
 * start time, so class loading and JavaFX start-up count too). {@code =exit} prints and quits, for
 * scripted runs (src/test/scripts/bench-startup.sh). Off by default: it costs nothing then.
 *
 * <p>Uses JavaFX's {@code PerformanceTracker} (internal, reachable on the class path the shaded jar
 * runs on) because it is the only place that says when a frame has really been painted; a scene
 * pulse listener fires before painting.
 */
public final class StartupProbe {
    /** The system property that turns the probe on ({@code true}, or {@code exit} to quit after it). */
    public static final String PROPERTY = "resolvefx.startupProbe";

    private StartupProbe() {
    }

    /** True when the property asks for the probe. */
    public static boolean isAsked() {
        String v = System.getProperty(PROPERTY, "");
        return v.equals("true") || v.equals("exit");
    }

    /**
     * Arms the probe for the window {@code node} is shown in (it may not be in a scene yet). Does
     * nothing unless {@link #isAsked()}. JavaFX thread.
     */
    public static void installIfAsked(Node node) {
        if (!isAsked()) {
            return;
        }
        if (node.getScene() != null) {
            install(node.getScene());
            return;
        }
        node.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene was, Scene is) {
                if (is != null) {
                    node.sceneProperty().removeListener(this);
                    install(is);
                }
            }
        });
    }

    /** Arms the probe for the window of {@code scene} (the one-line hook for a main window). */
    public static void install(Scene scene) {
        if (!isAsked()) {
            return;
        }
        Runnable armWhenShown = () -> {
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
            boolean[] done = {false};
            tracker.setOnRenderedFrameTask(() -> {
                // called on the render thread after painting
                if (done[0]) {
                    return;
                }
                done[0] = true;
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.printf(Locale.ROOT, "startup: first frame %d ms after JVM start%n", ms);
                System.out.flush();
                Platform.runLater(() -> {
                    tracker.setOnRenderedFrameTask(null);
                    if (System.getProperty(PROPERTY, "").equals("exit")) {
                        // a measuring run only: the sandbox's server threads need not wind down
                        Platform.exit();
                        System.exit(0);
                    }
                });
            });
        };
        Window w = scene.getWindow();
        if (w != null && w.isShowing()) {
            armWhenShown.run();
            return;
        }
        scene.windowProperty().addListener((o, was, is) -> {
            if (is != null) {
                is.showingProperty().addListener((o2, wasShowing, showing) -> {
                    if (showing) {
                        armWhenShown.run();
                    }
                });
            }
        });
        if (w != null) {
            w.showingProperty().addListener((o2, wasShowing, showing) -> {
                if (showing) {
                    armWhenShown.run();
                }
            });
        }
    }
}
