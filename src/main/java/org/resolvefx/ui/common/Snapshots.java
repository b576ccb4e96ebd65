package org.resolvefx.ui.common;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.resolvefx.core.trace.AtomicFiles;

/**
 * Pictures of views for slides: the scene graph is drawn again at 1x, 2x or 3x (not a scaled
 * bitmap), so text and strokes stay crisp. PNG encoding goes through java.desktop's ImageIO,
 * which avoids the javafx-swing module.
 */
public final class Snapshots {
    private Snapshots() {
    }

    /** Renders a node at the given scale (JavaFX thread only). */
    public static WritableImage snapshot(Node node, double scale, Color background) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        params.setFill(background == null ? Color.TRANSPARENT : background);
        return node.snapshot(params, null);
    }

    public static BufferedImage toBufferedImage(Image image) {
        int w = (int) Math.round(image.getWidth());
        int h = (int) Math.round(image.getHeight());
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    public static byte[] pngBytes(Image image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        if (!ImageIO.write(toBufferedImage(image), "png", bytes)) {
            throw new IOException("no PNG writer available in this Java runtime");
        }
        return bytes.toByteArray();
    }

    /** Writes the image as PNG atomically. */
    public static void writePng(Image image, Path file) throws IOException {
        AtomicFiles.write(file, pngBytes(image));
    }

    /** Puts the image on the clipboard (JavaFX thread only). */
    public static void copyToClipboard(Image image) {
        ClipboardContent c = new ClipboardContent();
        c.putImage(image);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
