package org.resolvefx.ui.namespace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.resolvefx.core.namespace.KnowledgeSource;
import org.resolvefx.core.namespace.NamespaceNode;
import org.resolvefx.core.namespace.ZoneServer;
import org.resolvefx.ui.i18n.I18n;
import org.xbill.DNS.Name;

/**
 * What hovering a name shows: the name, its zone (and, for an apex, the zone's servers), the records
 * known at the name and what the lookup is doing with it now. One card for the whole view, shown in
 * the viewport's overlay (a tooltip per node would cost thousands of objects on big trees).
 */
final class HoverCard extends VBox {
    /** Records listed before "+ N more". */
    static final int MAX_RECORDS = 12;
    static final int MAX_SERVERS = 6;
    /** Characters of one record line (long TXT or DNSSEC records would make the card wider than the view). */
    static final int MAX_LINE = 110;

    HoverCard() {
        getStyleClass().add("ns-hover-card");
        setManaged(false);
        setVisible(false);
        setMouseTransparent(true);
    }

    void show(NamespaceNode node, Set<NodeMark> marks) {
        getChildren().setAll(lines(node, marks).stream().map(this::line).toList());
        setVisible(true);
        // unmanaged: size it here, after CSS has given the labels their fonts
        applyCss();
        autosize();
    }

    void hide() {
        setVisible(false);
    }

    private Label line(Line l) {
        Label label = new Label(l.text());
        label.getStyleClass().add(l.styleClass());
        label.setWrapText(false);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /** The card's text, line by line (also what tests read). */
    static List<Line> lines(NamespaceNode node, Set<NodeMark> marks) {
        List<Line> out = new ArrayList<>();
        out.add(new Line(NodeGlyph.text(node.name()), "ns-hover-title"));
        Name zone = node.zone();
        if (node.zoneApex()) {
            out.add(new Line(node.name().equals(Name.root) ? I18n.get("namespace.hover.rootApex")
                    : I18n.get("namespace.hover.apex", NodeGlyph.text(zone)), "ns-hover-zone"));
            List<ZoneServer> servers = node.nameServers();
            for (int i = 0; i < servers.size() && i < MAX_SERVERS; i++) {
                ZoneServer s = servers.get(i);
                out.add(new Line("  " + ServerKind.of(zone, s).caption(s.name()) + addresses(s), "ns-hover-server"));
            }
            if (servers.size() > MAX_SERVERS) {
                out.add(new Line("  " + I18n.get("namespace.server.more", servers.size() - MAX_SERVERS),
                        "ns-hover-server"));
            }
        } else {
            out.add(new Line(I18n.get("namespace.hover.inZone", NodeGlyph.zoneTitle(zone)), "ns-hover-zone"));
        }
        if (node.isImplied()) {
            out.add(new Line(I18n.get("namespace.hover.implied"), "ns-hover-note"));
        }
        if (node.nonexistent()) {
            out.add(new Line(I18n.get("namespace.hover.nonexistent"), "ns-hover-note"));
        }
        List<String> records = node.records();
        if (!records.isEmpty()) {
            out.add(new Line(I18n.get("namespace.hover.records"), "ns-hover-heading"));
            for (int i = 0; i < records.size() && i < MAX_RECORDS; i++) {
                String r = records.get(i);
                out.add(new Line(r.length() > MAX_LINE ? r.substring(0, MAX_LINE - 1) + "\u2026" : r,
                        "ns-hover-record"));
            }
            if (records.size() > MAX_RECORDS) {
                out.add(new Line(I18n.get("namespace.hover.moreRecords", records.size() - MAX_RECORDS),
                        "ns-hover-record"));
            }
        }
        if (!node.sources().isEmpty()) {
            List<String> from = new ArrayList<>();
            for (KnowledgeSource s : KnowledgeSource.values()) {
                if (node.sources().contains(s)) {
                    from.add(I18n.get("namespace.source." + s.name()));
                }
            }
            out.add(new Line(I18n.get("namespace.hover.knownFrom", String.join(", ", from)), "ns-hover-note"));
        }
        if (node.isCollapsed()) {
            out.add(new Line(I18n.get("namespace.hover.hidden", node.hiddenDescendants()), "ns-hover-note"));
        }
        for (NodeMark m : marks) {
            out.add(new Line(I18n.get("namespace.mark." + m.styleClass()), "ns-hover-mark"));
        }
        return out;
    }

    private static String addresses(ZoneServer s) {
        if (s.addresses().isEmpty()) {
            return "";
        }
        List<String> a = new ArrayList<>();
        for (var addr : s.addresses()) {
            a.add(org.resolvefx.core.net.IpText.format(addr));
        }
        return "  " + String.join(", ", a);
    }

    /** One line of the card and its style class. */
    record Line(String text, String styleClass) {
    }
}
