package org.resolvefx.ui.player;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * Keeps a label that changes its text on every playback step as wide as the longest text it can
 * show. A label sized to its text makes its row lay out again on every step (and everything beside
 * it move); a fixed width keeps the change to the label's own pixels.
 */
final class StableWidth {
    private StableWidth() {
    }

    /**
     * Sizes {@code label} to the widest of {@code samples} (and at least its current text), again
     * whenever its font or padding (CSS: theme, zoom) or one of {@code triggers} changes.
     */
    static void keep(Label label, Supplier<List<String>> samples, Observable... triggers) {
        Runnable apply = () -> {
            Text probe = new Text();
            probe.setFont(label.getFont());
            double widest = 0;
            for (String s : samples.get()) {
                probe.setText(s);
                widest = Math.max(widest, probe.getLayoutBounds().getWidth());
            }
            // never narrower than what it needs now (a text the samples do not foresee)
            label.setMinWidth(Region.USE_PREF_SIZE);
            label.setPrefWidth(Region.USE_COMPUTED_SIZE);
            double w = Math.max(label.prefWidth(-1), Math.ceil(widest + label.snappedLeftInset()
                    + label.snappedRightInset()) + 1);
            label.setMinWidth(w);
            label.setPrefWidth(w);
        };
        label.fontProperty().addListener(o -> apply.run());
        label.paddingProperty().addListener(o -> apply.run());
        for (Observable t : triggers) {
            t.addListener(o -> apply.run());
        }
        apply.run();
    }
}
