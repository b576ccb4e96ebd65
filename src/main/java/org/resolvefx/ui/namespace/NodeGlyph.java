package org.resolvefx.ui.namespace;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import org.resolvefx.core.namespace.NamespaceNode;
import org.resolvefx.core.namespace.ZoneServer;
import org.resolvefx.ui.i18n.I18n;
import org.xbill.DNS.Name;

/**
 * One name of the tree as drawn: a box with the label; for a zone apex a caption below it (the zone
 * and its name servers, each with how a resolver gets its address); a toggle knob below that for
 * nodes with children ("−") or collapsed ones ("+N"); and tags above the box for what the lookup is
 * doing with the name right now. Local coordinates: x = 0 is the centre line, y = 0 the box top.
 */
final class NodeGlyph extends Group {
    /** How many server lines a zone caption lists before "+ N more". */
    static final int SERVER_LINES = 2;

    final NamespaceNode node;
    final Rectangle box = new Rectangle();
    final Text label;
    final Line strike = new Line();
    final List<Text> captions = new ArrayList<>();
    final Group toggle;
    final Group tags = new Group();
    private Shape toggleShape;
    private Text toggleText;
    private double boxW;
    private double boxH;
    private double blockW;
    private double blockH;
    private Set<NodeMark> marks = EnumSet.noneOf(NodeMark.class);

    NodeGlyph(NamespaceNode node, boolean hasVisibleChildren) {
        this.node = node;
        getStyleClass().add("ns-node");
        if (node.zoneApex()) {
            getStyleClass().add("apex");
        }
        if (node.isImplied()) {
            getStyleClass().add("implied");
        }
        if (node.nonexistent()) {
            getStyleClass().add("nonexistent");
        }
        box.getStyleClass().add("ns-node-box");
        label = text(node.label(), "ns-node-label");
        strike.getStyleClass().add("ns-strike");
        strike.setVisible(false);
        getChildren().addAll(box, label, strike);
        if (node.zoneApex()) {
            captions.add(text(zoneTitle(node.name()), "ns-caption", "ns-caption-zone"));
            if (!node.isCollapsed()) {
                List<ZoneServer> servers = node.nameServers();
                int shown = Math.min(servers.size(), SERVER_LINES);
                for (int i = 0; i < shown; i++) {
                    ZoneServer s = servers.get(i);
                    ServerKind kind = ServerKind.of(node.name(), s);
                    captions.add(text(kind.caption(s.name()), "ns-caption", kind.styleClass()));
                }
                if (shown < servers.size()) {
                    captions.add(text(I18n.get("namespace.server.more", servers.size() - shown), "ns-caption",
                            "ns-caption-more"));
                }
            }
            getChildren().addAll(captions);
        }
        if (node.isCollapsed()) {
            toggleText = text(I18n.get("namespace.collapsed", node.hiddenDescendants()), "ns-toggle-text");
            toggleShape = new Rectangle();
            toggle = new Group(toggleShape, toggleText);
            toggle.getStyleClass().addAll("ns-toggle", "collapsed");
        } else if (hasVisibleChildren) {
            toggleText = text("\u2212", "ns-toggle-text");
            toggleShape = new Circle();
            toggle = new Group(toggleShape, toggleText);
            toggle.getStyleClass().addAll("ns-toggle", "expanded");
        } else {
            toggle = null;
        }
        if (toggle != null) {
            toggleShape.getStyleClass().add("ns-toggle-shape");
            getChildren().add(toggle);
        }
        tags.getStyleClass().add("ns-tags");
        getChildren().add(tags);
    }

    static String zoneTitle(Name zone) {
        return zone.equals(Name.root) ? I18n.get("namespace.zone.root") : I18n.get("namespace.zone", text(zone));
    }

    /** A name without the final dot ("tu-darmstadt.de"), "." for the root. */
    static String text(Name n) {
        String s = n.toString();
        return s.length() > 1 && s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static Text text(String s, String... styleClasses) {
        Text t = new Text(s);
        t.setTextOrigin(VPos.TOP);
        t.getStyleClass().addAll(styleClasses);
        return t;
    }

    /** Places the parts once CSS has given the texts their fonts. */
    void arrange(Metrics m) {
        double lw = label.getLayoutBounds().getWidth();
        double lh = label.getLayoutBounds().getHeight();
        boxW = Math.max(lw + 2 * m.padX(), m.minBoxWidth());
        boxH = lh + 2 * m.padY();
        box.setX(-boxW / 2);
        box.setY(0);
        box.setWidth(boxW);
        box.setHeight(boxH);
        box.setArcWidth(0.5 * m.em());
        box.setArcHeight(0.5 * m.em());
        label.setX(-lw / 2);
        label.setY(m.padY());
        strike.setStartX(-lw / 2 - 0.15 * m.em());
        strike.setEndX(lw / 2 + 0.15 * m.em());
        strike.setStartY(m.padY() + lh * 0.55);
        strike.setEndY(m.padY() + lh * 0.55);
        double width = boxW;
        double y = boxH;
        if (!captions.isEmpty()) {
            y += m.captionGap();
            for (Text t : captions) {
                double w = t.getLayoutBounds().getWidth();
                t.setX(-w / 2);
                t.setY(y);
                y += t.getLayoutBounds().getHeight();
                width = Math.max(width, w);
            }
        }
        if (toggle != null) {
            double r = m.toggleRadius();
            double tw = toggleText.getLayoutBounds().getWidth();
            double th = toggleText.getLayoutBounds().getHeight();
            double cy = y + m.toggleGap() + r;
            if (toggleShape instanceof Circle c) {
                c.setCenterX(0);
                c.setCenterY(cy);
                c.setRadius(r);
                width = Math.max(width, 2 * r);
            } else if (toggleShape instanceof Rectangle pill) {
                double pw = Math.max(tw + 0.8 * m.em(), 2 * r);
                pill.setX(-pw / 2);
                pill.setY(cy - r);
                pill.setWidth(pw);
                pill.setHeight(2 * r);
                pill.setArcWidth(2 * r);
                pill.setArcHeight(2 * r);
                width = Math.max(width, pw);
            }
            toggleText.setX(-tw / 2);
            toggleText.setY(cy - th / 2);
            y = cy + r;
        }
        blockW = width;
        blockH = y;
    }

    double boxWidth() {
        return boxW;
    }

    double boxHeight() {
        return boxH;
    }

    /** Width the layout reserves: the widest of box, caption and toggle. */
    double blockWidth() {
        return blockW;
    }

    /** From the box top to the bottom of the toggle (where edges to the children start). */
    double blockHeight() {
        return blockH;
    }

    Set<NodeMark> marks() {
        return marks;
    }

    /** Sets the mark style classes (only the ones that changed are touched). */
    void setMarks(Set<NodeMark> newMarks) {
        for (NodeMark m : NodeMark.values()) {
            boolean want = newMarks.contains(m);
            if (want != marks.contains(m)) {
                if (want) {
                    getStyleClass().add(m.styleClass());
                } else {
                    getStyleClass().remove(m.styleClass());
                }
            }
        }
        marks = newMarks.isEmpty() ? EnumSet.noneOf(NodeMark.class) : EnumSet.copyOf(newMarks);
        strike.setVisible(marks.contains(NodeMark.NXDOMAIN));
    }

    /**
     * Replaces the tags above the box: {@code order} (the zone's place in the lookup's path, 0 for
     * none) left of the centre line, the others right of it (stacked upwards), clear of the edge
     * coming in from above.
     */
    void setTags(int order, List<Tag> right, Metrics m) {
        tags.getChildren().clear();
        if (order <= 0 && right.isEmpty()) {
            return;
        }
        List<Group> made = new ArrayList<>();
        Group orderTag = order > 0 ? tag(Integer.toString(order), "order") : null;
        if (orderTag != null) {
            made.add(orderTag);
        }
        List<Group> rightTags = new ArrayList<>();
        for (Tag t : right) {
            Group g = tag(t.text(), t.styleClass());
            rightTags.add(g);
            made.add(g);
        }
        tags.getChildren().addAll(made);
        tags.applyCss();
        double bottom = -m.tagGap();
        if (orderTag != null) {
            double w = layoutTag(orderTag, m);
            double h = ((Rectangle) orderTag.getChildren().get(0)).getHeight();
            orderTag.setLayoutX(-0.35 * m.em() - w);
            orderTag.setLayoutY(bottom - h);
        }
        // several tags stack upwards, so each stays over its own box instead of running into the neighbour's
        double y = bottom;
        for (Group g : rightTags) {
            layoutTag(g, m);
            double h = ((Rectangle) g.getChildren().get(0)).getHeight();
            g.setLayoutX(0.35 * m.em());
            g.setLayoutY(y - h);
            y -= h + 0.15 * m.em();
        }
    }

    private static Group tag(String s, String kind) {
        Rectangle bg = new Rectangle();
        bg.getStyleClass().add("ns-tag-box");
        Text t = text(s, "ns-tag-text");
        Group g = new Group(bg, t);
        g.getStyleClass().addAll("ns-tag", kind);
        return g;
    }

    private static double layoutTag(Group g, Metrics m) {
        Rectangle bg = (Rectangle) g.getChildren().get(0);
        Text t = (Text) g.getChildren().get(1);
        double tw = t.getLayoutBounds().getWidth();
        double th = t.getLayoutBounds().getHeight();
        double w = tw + 2 * m.tagPadX();
        double h = th + 2 * m.tagPadY();
        bg.setWidth(w);
        bg.setHeight(h);
        bg.setArcWidth(h * 0.6);
        bg.setArcHeight(h * 0.6);
        t.setX(m.tagPadX());
        t.setY(m.tagPadY());
        return w;
    }

    /** The texts of the tags currently shown, left to right (for tests and the hover card). */
    List<String> tagTexts() {
        List<String> out = new ArrayList<>();
        for (Node n : tags.getChildren()) {
            if (n instanceof Group g && g.getChildren().size() > 1 && g.getChildren().get(1) instanceof Text t) {
                out.add(t.getText());
            }
        }
        return out;
    }

    /** One tag: its text and the style class of its kind. */
    record Tag(String text, String styleClass) {
    }
}
