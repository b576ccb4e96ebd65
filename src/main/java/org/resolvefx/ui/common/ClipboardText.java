package org.resolvefx.ui.common;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Puts text on the system clipboard (JavaFX thread only). */
public final class ClipboardText {
    private ClipboardText() {
    }

    public static void put(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    public static String get() {
        return Clipboard.getSystemClipboard().getString();
    }
}
