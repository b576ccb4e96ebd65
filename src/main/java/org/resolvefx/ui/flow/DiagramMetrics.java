package org.resolvefx.ui.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The sizes of the classroom diagrams, all derived from the theme's root font size (em), and the
 * fonts that flow.css gives the diagram's texts. The fonts are read from probe texts that carry the
 * same style classes as the real ones, so that what is measured for placement is what is drawn (an
 * author stylesheet wins over fonts set in code, so measuring with a font chosen in code would lie).
 */
final class DiagramMetrics {
    static final String LABEL = "flow-label-text";
    static final String BADGE = "flow-badge-text";
    static final String TAG = "flow-tag-text";
    static final String NOTE = "flow-note-text";
    static final String TIME = "flow-time-text";
    private static final String EM = "flow-em-probe";

    /** The root font size in pixels (14 in the light and dark themes, 20 on the projector). */
    final double em;
    private final Map<String, Font> fonts;
    private final Text measurer = new Text();

    private DiagramMetrics(double em, Map<String, Font> fonts) {
        this.em = em;
        this.fonts = fonts;
    }

    /**
     * Probe texts to put somewhere into the view's scene graph (unmanaged, invisible to the eye), so
     * that CSS resolves their fonts like those of the real texts.
     */
    static Group probes() {
        Group g = new Group();
        for (String c : new String[] {EM, LABEL, BADGE, TAG, NOTE, TIME}) {
            Text t = new Text("M");
            t.setTextOrigin(javafx.geometry.VPos.TOP); // inside the view's bounds: snapshots stay tight
            t.getStyleClass().add(c);
            g.getChildren().add(t);
        }
        g.setManaged(false);
        g.setOpacity(0);
        g.setMouseTransparent(true);
        g.setId("flow-probes");
        return g;
    }

    /** Reads the fonts of the probes (CSS must have been applied to them). */
    static DiagramMetrics read(Group probes) {
        probes.applyCss();
        Map<String, Font> fonts = new LinkedHashMap<>();
        double em = 14;
        for (var n : probes.getChildren()) {
            Text t = (Text) n;
            String c = t.getStyleClass().get(0);
            if (c.equals(EM)) {
                em = t.getFont().getSize();
            } else {
                fonts.put(c, t.getFont());
            }
        }
        return new DiagramMetrics(em, fonts);
    }

    /** The font of the probe with that style class. */
    Font font(String styleClass) {
        Font f = fonts.get(styleClass);
        return f != null ? f : Font.font(em);
    }

    double width(String text, String styleClass) {
        return bounds(text, styleClass).getWidth();
    }

    double height(String styleClass) {
        return bounds("Mg", styleClass).getHeight();
    }

    private Bounds bounds(String text, String styleClass) {
        measurer.setFont(font(styleClass));
        measurer.setText(text);
        return measurer.getLayoutBounds();
    }

    /** A size in em as pixels. */
    double em(double ems) {
        return ems * em;
    }

    /** True when the probes would give other fonts now (theme or root size changed). */
    boolean differsFrom(DiagramMetrics o) {
        return o == null || em != o.em || !fonts.equals(o.fonts);
    }
}
