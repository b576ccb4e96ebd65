package org.resolvefx.ui.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.resolvefx.ui.i18n.I18n;

/**
 * The legend of both views: one sample per visual, drawn by the same code as the real thing (an
 * {@link ArrowGlyph} without badge for the arrow kinds), and its meaning in words. Only the visuals
 * the trace uses are listed, plus recursive and iterative always (the lecture's distinction).
 */
final class FlowLegend extends VBox {
    private final List<String> keys;

    private FlowLegend(List<String> keys) {
        this.keys = keys;
    }

    /**
     * @param present visuals the trace uses (keys of {@link FlowTexts#legendKeys()})
     * @param columns 1 or more
     */
    static FlowLegend of(Set<String> present, DiagramMetrics m, int columns) {
        List<String> keys = new ArrayList<>();
        for (String k : FlowTexts.legendKeys()) {
            if (k.equals("recursive") || k.equals("iterative") || present.contains(k)) {
                keys.add(k);
            }
        }
        FlowLegend legend = new FlowLegend(List.copyOf(keys));
        legend.getStyleClass().add("flow-legend");
        legend.setId("flow-legend");
        Label title = new Label(I18n.get("flow.legend.title"));
        title.getStyleClass().add("flow-legend-title");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("flow-legend-grid");
        int rows = (keys.size() + columns - 1) / columns;
        for (int i = 0; i < keys.size(); i++) {
            int col = i / rows;
            int row = i % rows;
            String key = keys.get(i);
            Node sample = sample(key, m);
            Label text = new Label(I18n.get("flow.legend." + key));
            text.getStyleClass().add("flow-legend-text");
            text.setId("legend-" + key);
            grid.add(sample, col * 2, row);
            grid.add(text, col * 2 + 1, row);
            GridPane.setValignment(sample, VPos.CENTER);
        }
        legend.getChildren().addAll(title, grid);
        return legend;
    }

    List<String> keys() {
        return keys;
    }

    /** The visuals a whole trace uses (from its final playback state). */
    static java.util.Set<String> presentIn(org.resolvefx.core.playback.Playback p) {
        java.util.Set<String> present = new java.util.LinkedHashSet<>();
        var last = p.last();
        for (var a : last.arrows()) {
            if (a.transport() == org.resolvefx.core.net.Transport.TCP) {
                present.add("tcp");
            }
            if (a.isRetry()) {
                present.add("retry");
            }
            switch (a.outcome()) {
                case LOST -> present.add("lost");
                case IGNORED -> present.add("ignored");
                case ERROR, MALFORMED -> present.add("error");
                case DELIVERED, TRUNCATED -> {
                }
            }
        }
        if (!last.arrows().isEmpty()) {
            present.add("current");
        }
        for (var m : last.endpointMarks().values()) {
            if (m.isSkipped()) {
                present.add("skipped");
            }
            if (m.answeredFromCache()) {
                present.add("cache");
            }
        }
        return present;
    }

    /** A sample drawing 3 em wide. */
    private static Node sample(String key, DiagramMetrics m) {
        double w = m.em(3.2);
        double h = m.em(1.5);
        double y = h / 2;
        Group g = new Group();
        // an invisible frame keeps all samples the same size
        Rectangle frame = new Rectangle(0, 0, w, h);
        frame.getStyleClass().addAll("flow-legend-frame", "svg-skip");
        g.getChildren().add(frame);
        switch (key) {
            case "recursive", "iterative", "current", "tcp", "lost", "ignored", "error" -> {
                List<String> classes = new ArrayList<>(List.of("flow-arrow"));
                classes.add(key.equals("recursive") ? "recursive" : "iterative");
                if (!key.equals("recursive") && !key.equals("iterative") && !key.equals("current")) {
                    classes.add(key);
                }
                classes.add(key.equals("ignored") ? "pattern-dotted"
                        : key.equals("recursive") || key.equals("tcp") ? "pattern-solid" : "pattern-dashed");
                ArrowLook look = new ArrowLook(0, classes, key.equals("lost"), key.equals("ignored"),
                        key.equals("tcp"), 1, key.equals("error") ? "ERR" : null, false);
                ArrowGlyph glyph = new ArrowGlyph("legend-");
                glyph.draw(look, ArrowGlyph.Geometry.line(m.em(0.2), y, w - m.em(0.1), y), null, m);
                if (key.equals("current")) {
                    glyph.setState("current", true);
                }
                glyph.lines.setId(null);
                glyph.lines.setMouseTransparent(true);
                g.getChildren().add(glyph.lines);
            }
            case "retry" -> {
                Path loop = new Path();
                loop.getStyleClass().add("flow-retry-loop");
                ArrowGlyph.loop(loop, m.em(0.9), y, m.em(0.42), m.em(0.34));
                Text n = new Text("2");
                n.getStyleClass().addAll(DiagramMetrics.TAG, "flow-retry-number");
                n.setTextOrigin(VPos.CENTER);
                n.setX(m.em(1.55));
                n.setY(y);
                Group mark = new Group(loop, n);
                mark.getStyleClass().addAll("flow-arrow", "iterative", "retry");
                g.getChildren().add(mark);
            }
            case "skipped" -> {
                Rectangle box = new Rectangle(m.em(0.4), m.em(0.15), w - m.em(0.8), h - m.em(0.3));
                box.getStyleClass().add("flow-legend-box");
                Path cross = new Path(new MoveTo(box.getX(), box.getY()),
                        new LineTo(box.getX() + box.getWidth(), box.getY() + box.getHeight()),
                        new MoveTo(box.getX(), box.getY() + box.getHeight()),
                        new LineTo(box.getX() + box.getWidth(), box.getY()));
                cross.getStyleClass().add("flow-skip-cross");
                g.getChildren().addAll(box, cross);
            }
            case "cache" -> {
                FontIcon icon = new FontIcon(MaterialDesignC.CACHED);
                icon.getStyleClass().add("flow-cache-icon");
                icon.setIconSize((int) Math.round(m.em(1.0)));
                Label badge = new Label();
                badge.setGraphic(icon);
                badge.getStyleClass().add("flow-cache-badge");
                badge.setLayoutX(m.em(0.6));
                badge.setLayoutY(m.em(0.05));
                g.getChildren().add(badge);
            }
            default -> throw new IllegalArgumentException("no legend sample for " + key);
        }
        return g;
    }
}
