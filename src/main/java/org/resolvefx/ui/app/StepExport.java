package org.resolvefx.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.resolvefx.ui.common.Snapshots;
import org.resolvefx.ui.trace.TraceViewModel;

/**
 * Pictures of a lookup, step by step, for slides: the cursor is moved to each step without
 * animation, the scene is laid out, and the chosen view (or the whole window) is drawn again at
 * the chosen scale. Used by the window's Export menu and by the `export` command.
 */
public final class StepExport {
    private final MainWindow window;
    private final ExportView view;
    private final double scale;

    public StepExport(MainWindow window, ExportView view, double scale) {
        this.window = window;
        this.view = view;
        this.scale = scale;
    }

    /** Draws a node at a scale, on the theme's background (JavaFX thread). */
    static WritableImage picture(Node node, double scale) {
        Parent root = node.getScene() == null ? null : node.getScene().getRoot();
        if (root != null) {
            root.applyCss();
            root.layout();
        }
        Color background = node.getScene() != null && node.getScene().getFill() instanceof Color c ? c : Color.WHITE;
        return Snapshots.snapshot(node, scale, background);
    }

    /** Writes every step (0 = before the first message, ..., the end): returns how many files. */
    public int writeAll(Path dir) throws IOException {
        TraceViewModel model = window.lookupWorkspace().model();
        return write(dir, 0, model.length());
    }

    /** Writes steps {@code from} to {@code to} (inclusive) as step-NNN.png; returns how many files. */
    public int write(Path dir, int from, int to) throws IOException {
        TraceViewModel model = window.lookupWorkspace().model();
        if (!model.hasTrace()) {
            throw new IOException("there is no lookup to export");
        }
        int last = model.length();
        if (from < 0 || to > last || from > to) {
            throw new IOException("steps " + from + "\u2013" + to + " are outside 0\u2013" + last);
        }
        Files.createDirectories(dir);
        int digits = Math.max(3, Integer.toString(last).length());
        boolean animate = model.animateProperty().get();
        int keep = model.position();
        model.animateProperty().set(false);
        window.lookupWorkspace().player().pause();
        int written = 0;
        try {
            for (int k = from; k <= to; k++) {
                model.jumpTo(k);
                Node node = view == ExportView.WINDOW ? window.scene().getRoot() : window.lookupWorkspace().exportNode(view);
                String name = String.format(Locale.ROOT, "step-%0" + digits + "d.png", k);
                Snapshots.writePng(picture(node, scale), dir.resolve(name));
                written++;
            }
        } finally {
            model.jumpTo(keep);
            model.animateProperty().set(animate);
        }
        return written;
    }
}
