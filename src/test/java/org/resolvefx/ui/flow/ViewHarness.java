package org.resolvefx.ui.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.resolvefx.ui.app.Theme;
import org.resolvefx.ui.common.Snapshots;

/** Scene set-up and picture helpers for the view tests. */
final class ViewHarness {
    /** PNGs of what the tests drew, to look at (not compared: the tests assert on the scene graph). */
    static final Path RENDERS = Path.of("target", "flow-renders");

    private ViewHarness() {
    }

    static Scene scene(Parent root, double w, double h, Theme theme) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        Scene scene = new Scene(root, w, h);
        scene.getStylesheets().setAll(theme.stylesheets());
        return scene;
    }

    /**
     * Shows the scene at its own size. The primary stage is shared by all TestFX test classes, so a
     * size left by an earlier test must not carry over.
     */
    static void show(javafx.stage.Stage stage, Scene scene) {
        stage.setScene(scene);
        stage.setWidth(scene.getWidth());
        stage.setHeight(scene.getHeight());
        stage.show();
    }

    static void theme(Scene scene, Theme theme) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        scene.getStylesheets().setAll(theme.stylesheets());
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    static WritableImage snapshot(Node n, double scale) {
        return Snapshots.snapshot(n, scale, null);
    }

    static void save(WritableImage image, String name) {
        try {
            Files.createDirectories(RENDERS);
            Snapshots.writePng(image, RENDERS.resolve(name + ".png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects the warnings JavaFX logs (CSS lookups that fail, bad values) while it is open. */
    static final class JavaFxWarnings implements AutoCloseable {
        private final java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        private final java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()
                        && r.getLoggerName() != null && r.getLoggerName().startsWith("javafx")) {
                    seen.add(r.getLoggerName() + ": " + r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        JavaFxWarnings() {
            root.addHandler(handler);
        }

        java.util.List<String> warnings() {
            return java.util.List.copyOf(seen);
        }

        @Override
        public void close() {
            root.removeHandler(handler);
        }
    }

    static int distinctColours(WritableImage image) {
        PixelReader r = image.getPixelReader();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < (int) image.getHeight(); y += 2) {
            for (int x = 0; x < (int) image.getWidth(); x += 2) {
                colours.add(r.getArgb(x, y));
                if (colours.size() > 5000) {
                    return colours.size();
                }
            }
        }
        return colours.size();
    }
}
