package org.resolvefx.bench;

import com.sun.javafx.perf.PerformanceTracker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.resolvefx.core.namespace.NamespaceBuilder;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.namespace.WorldNamespace;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.app.AppSettings;
import org.resolvefx.ui.app.MainWindow;
import org.resolvefx.ui.app.TraceWorkspace;
import org.resolvefx.ui.flow.FlowFixtures;
import org.resolvefx.ui.trace.TraceViewModel;
import org.xbill.DNS.Name;

/**
 * Frame times while a lookup plays in the real window: a trace of 1,000 messages beside a
 * namespace tree of about 2,000 names, played at 4x. With {@code -Djavafx.animation.fullspeed=true}
 * JavaFX renders frames back to back, so the time between rendered frames is the time one frame
 * takes (scene pulse plus software rendering). Prints percentiles; run under Xvfb with the
 * software pipeline (src/test/scripts/bench-frames.sh).
 */
public final class PlaybackFrameTimes {
    private PlaybackFrameTimes() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        TraceWorkspace.Layout layout = args.length > 1 ? TraceWorkspace.Layout.valueOf(args[1].toUpperCase(Locale.ROOT))
                : TraceWorkspace.Layout.ALL;
        List<Double> frames = Collections.synchronizedList(new ArrayList<>());
        // frames whose pulse carried a step (the cursor moved): the views' real work happens there
        List<Double> stepFrames = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger steps = new java.util.concurrent.atomic.AtomicInteger();
        int[] stepsSeen = {0};
        long[] last = {0};
        boolean[] measuring = {false};
        MainWindow[] window = new MainWindow[1];
        window[0] = openWindow(layout);
        boolean heartbeat = !(args.length > 2 && args[2].equalsIgnoreCase("noheartbeat"));
        CountDownLatch started = new CountDownLatch(1);
        Platform.runLater(() -> {
            if (heartbeat) {
                startHeartbeat(window[0]);
            }
            window[0].lookupWorkspace().model().stateProperty().addListener((obs, o, n) -> steps.incrementAndGet());
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(window[0].scene());
            tracker.setOnRenderedFrameTask(() -> {
                long now = System.nanoTime();
                int stepCount = steps.get();
                if (measuring[0] && last[0] != 0) {
                    frames.add((now - last[0]) / 1e6);
                    if (stepCount != stepsSeen[0]) {
                        stepFrames.add((now - last[0]) / 1e6);
                    }
                }
                stepsSeen[0] = stepCount;
                last[0] = now;
            });
            started.countDown();
        });
        started.await(30, TimeUnit.SECONDS);
        Thread.sleep(3000); // first layout, CSS, fonts
        Platform.runLater(() -> {
            measuring[0] = true;
            window[0].lookupWorkspace().player().play();
        });
        Thread.sleep(seconds * 1000L);
        int[] position = new int[1];
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            measuring[0] = false;
            window[0].lookupWorkspace().player().pause();
            position[0] = window[0].lookupWorkspace().model().position();
            stopped.countDown();
        });
        stopped.await(10, TimeUnit.SECONDS);
        List<Double> sorted;
        synchronized (frames) {
            sorted = new ArrayList<>(frames);
        }
        Collections.sort(sorted);
        TraceViewModel model = window[0].lookupWorkspace().model();
        System.out.printf(Locale.ROOT, "layout %s%s; trace: %d messages, %d events; tree: %d names; played to step %d in %d s%n",
                layout, heartbeat ? " (heartbeat)" : " (no heartbeat)", model.trace().messages().size(), model.trace().events().size(), model.namespaceProperty().get().size(),
                position[0], seconds);
        System.out.printf(Locale.ROOT, "frames: %d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                sorted.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1));
        List<Double> sortedSteps;
        synchronized (stepFrames) {
            sortedSteps = new ArrayList<>(stepFrames);
        }
        Collections.sort(sortedSteps);
        if (!sortedSteps.isEmpty()) {
            // at a 60 Hz pulse a step every 0.4 s is one frame in 24, so the 99th percentile of all frames
            // is a step frame; full-speed rendering adds cheap frames, which these figures leave out
            System.out.printf(Locale.ROOT, "step frames: %d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    sortedSteps.size(), pct(sortedSteps, 50), pct(sortedSteps, 95), pct(sortedSteps, 99),
                    sortedSteps.get(sortedSteps.size() - 1));
        }
        Platform.exit();
        System.exit(0);
    }

    /**
     * Opens the main window (1600 x 1000) with the views of {@code layout}, the 1,000-message trace and the
     * ~2,000-name tree loaded, at 4x; starts the JavaFX platform. Returns once the window shows.
     */
    static MainWindow openWindow(TraceWorkspace.Layout layout) throws Exception {
        Trace trace = FlowFixtures.huge(1000);
        NamespaceBuilder b = new NamespaceBuilder().add(WorldNamespace.of(WorldLoader.loadDefault()));
        for (int i = 0; b.snapshot().size() < 2000 && i < 5000; i++) {
            b.addQuestion(Name.fromString("host" + i + ".customer" + (i / 50) + ".com."));
            if (i % 50 == 0) {
                b.addZone(Name.fromString("customer" + (i / 50) + ".com."), List.of());
            }
        }
        NamespaceTree tree = b.snapshot();
        CountDownLatch started = new CountDownLatch(1);
        MainWindow[] window = new MainWindow[1];
        Platform.startup(() -> {
            AppSettings settings = new AppSettings(Preferences.userRoot().node("resolvefx-bench/frames"));
            settings.clear();
            Stage stage = new Stage();
            window[0] = new MainWindow(stage, settings);
            window[0].show();
            stage.setWidth(1600);
            stage.setHeight(1000);
            window[0].setLayout(layout);
            TraceViewModel model = window[0].lookupWorkspace().model();
            model.load(trace, tree);
            model.speedProperty().set(4);
            started.countDown();
        });
        started.await(30, TimeUnit.SECONDS);
        return window[0];
    }

    /**
     * Makes every pulse render: a 2 x 2 px square in the window's corner changes its opacity on each
     * pulse. Without it, a pulse in which no view changed renders nothing, and the time between two
     * rendered frames measures how long playback stood still (0.4 s between steps at 4x when no packet
     * travels), not what a frame costs. With it, each gap is one pulse: its animation, CSS, layout and
     * painting (the square itself repaints 4 pixels).
     */
    private static void startHeartbeat(MainWindow window) {
        javafx.scene.shape.Rectangle beat = new javafx.scene.shape.Rectangle(2, 2);
        beat.setManaged(false);
        beat.setMouseTransparent(true);
        beat.setFill(javafx.scene.paint.Color.GRAY);
        ((javafx.scene.layout.Pane) window.scene().getRoot()).getChildren().add(beat);
        new javafx.animation.AnimationTimer() {
            private boolean odd;

            @Override
            public void handle(long now) {
                odd = !odd;
                beat.setOpacity(odd ? 0.5 : 0.6);
            }
        }.start();
    }

    private static double pct(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
