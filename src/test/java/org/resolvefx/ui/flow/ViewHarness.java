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
