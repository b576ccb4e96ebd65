package org.resolvefx.ui.namespace;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.resolvefx.ui.i18n.I18n;

/**
 * The key to the tree's marks, drawn with the same style classes as the tree itself, so it stays
 * true in every theme. Each mark has a shape or text of its own besides its colour.
 */
final class NamespaceLegend extends FlowPane {

    NamespaceLegend() {
        getStyleClass().add("ns-legend");
        getChildren().addAll(
                item(zoneSwatch(false), "namespace.legend.zone"),
                item(cutSwatch(), "namespace.legend.cut"),
                item(zoneSwatch(true), "namespace.legend.touched"),
                item(pathSwatch(), "namespace.legend.path"),
                item(tagSwatch("\u2192 ", "namespace.tag.referral", "referral"), "namespace.legend.referral"),
                item(tagSwatch("\u25b6 ", "namespace.tag.current", "current"), "namespace.legend.current"),
                item(tagSwatch("", "namespace.tag.alias", "alias"), "namespace.legend.alias"),
                item(tagSwatch("\u21aa ", "namespace.tag.side", "side"), "namespace.legend.side"),
                item(tagSwatch("\u2715 ", "namespace.tag.nxdomain", "nxdomain"), "namespace.legend.nxdomain"),
                item(toggleSwatch(), "namespace.legend.collapsed"));
    }

    private static Node item(Node graphic, String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.text(key));
        l.setGraphic(graphic);
        l.getStyleClass().add("ns-legend-item");
        return l;
    }

    private static Node zoneSwatch(boolean touched) {
        Rectangle outer = new Rectangle(0, 0, 30, 18);
        outer.getStyleClass().addAll("ns-legend-zone", "zone-c1");
        if (touched) {
            outer.getStyleClass().add("touched");
        }
        return new Group(outer);
    }

    private static Node cutSwatch() {
        Line edge = new Line(0, 0, 30, 0);
        edge.getStyleClass().addAll("ns-edge", "cut");
        Line bar = new Line(15, -7, 15, 7);
        bar.getStyleClass().add("ns-cut-mark");
        return new Group(edge, bar);
    }

    private static Node pathSwatch() {
        Line edge = new Line(0, 0, 16, 0);
        edge.getStyleClass().addAll("ns-edge", "on-path");
        Rectangle box = new Rectangle(16, -9, 22, 18);
        box.getStyleClass().add("ns-node-box");
        Group node = new Group(box);
        node.getStyleClass().addAll("ns-node", "on-path");
        return new Group(edge, node);
    }

    private static Node tagSwatch(String prefix, String key, String kind) {
        Label chip = new Label();
        chip.textProperty().bind(I18n.text(key).map(s -> prefix + s));
        chip.getStyleClass().addAll("ns-legend-chip", kind);
        return chip;
    }

    private static Node toggleSwatch() {
        Label chip = new Label();
        chip.textProperty().bind(I18n.text("namespace.collapsed", 3));
        chip.getStyleClass().addAll("ns-legend-chip", "collapsed");
        return chip;
    }
}
