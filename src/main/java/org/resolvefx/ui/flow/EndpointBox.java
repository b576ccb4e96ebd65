package org.resolvefx.ui.flow;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.resolvefx.core.net.IpText;
import org.resolvefx.core.playback.EndpointMark;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Role;
import org.resolvefx.ui.i18n.I18n;

/**
 * A host of the figure: an icon, its role spelled out, its server name and its address. Marks from
 * playback go on and in the box: highlighted while the current event concerns it, crossed out with the
 * reason when it was skipped (lame, refused, unreachable), a cache badge on its corner when it
 * answered from its cache. Shared by the flow view's boxes and the sequence view's lifeline heads.
 */
final class EndpointBox extends Region {
    private final String endpointId;
    private final Role role;
    private final Endpoint endpoint;
    private final String displayName;
    private final Label roleLabel = new Label();
    private final Label nameLabel = new Label();
    private final Label addressLabel = new Label();
    private final FontIcon icon;
    private final HBox content;
    private final Path cross = new Path();
    private final Label skipPill = new Label();
    private final Label cacheBadge = new Label();
    private final Tooltip tooltip = new Tooltip();
    private EndpointMark mark;
    private double crossW = -1;
    private double crossH = -1;

    EndpointBox(String idPrefix, String endpointId, Role role, Endpoint endpoint, String displayName,
                DiagramMetrics m) {
        this.endpointId = endpointId;
        this.role = role;
        this.endpoint = endpoint;
        this.displayName = displayName;
        getStyleClass().addAll("flow-box", "role-" + role.name().toLowerCase(java.util.Locale.ROOT));
        setId(idPrefix + "box-" + endpointId);
        icon = new FontIcon(FlowTexts.roleIcon(role));
        icon.getStyleClass().add("flow-box-icon");
        icon.setIconSize((int) Math.round(m.em(1.9)));
        roleLabel.getStyleClass().add("flow-box-role");
        nameLabel.getStyleClass().add("flow-box-name");
        addressLabel.getStyleClass().add("flow-box-address");
        for (Label l : new Label[] {roleLabel, nameLabel, addressLabel}) {
            l.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            l.setMinWidth(0);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        VBox lines = new VBox(roleLabel, nameLabel, addressLabel);
        lines.getStyleClass().add("flow-box-lines");
        lines.setAlignment(Pos.CENTER_LEFT);
        lines.setMinWidth(0);
        HBox.setHgrow(lines, Priority.ALWAYS);
        content = new HBox(icon, lines);
        content.getStyleClass().add("flow-box-content");
        content.setAlignment(Pos.CENTER_LEFT);
        content.setMinWidth(0);

        cross.getStyleClass().add("flow-skip-cross");
        cross.setManaged(false);
        cross.setVisible(false);
        cross.setId(idPrefix + "skip-cross-" + endpointId);
        skipPill.getStyleClass().add("flow-skip-pill");
        skipPill.setManaged(false);
        skipPill.setVisible(false);
        skipPill.setId(idPrefix + "skip-mark-" + endpointId);
        FontIcon cacheIcon = new FontIcon(MaterialDesignC.CACHED);
        cacheIcon.getStyleClass().add("flow-cache-icon");
        cacheIcon.setIconSize((int) Math.round(m.em(1.0)));
        cacheBadge.setGraphic(cacheIcon);
        cacheBadge.getStyleClass().add("flow-cache-badge");
        cacheBadge.setManaged(false);
        cacheBadge.setVisible(false);
        cacheBadge.setId(idPrefix + "cache-badge-" + endpointId);
        getChildren().addAll(content, cross, skipPill, cacheBadge);

        tooltip.setShowDelay(Duration.millis(300));
        tooltip.setOnShowing(e -> tooltip.setText(tooltipText()));
        Tooltip.install(this, tooltip);
        refreshTexts();
    }

    String endpointId() {
        return endpointId;
    }

    /** True when this box already shows that host (so a rebuild can keep it). */
    boolean shows(Role r, Endpoint e, String name) {
        return role == r && java.util.Objects.equals(endpoint, e) && displayName.equals(name);
    }

    /** Texts in the current language. */
    void refreshTexts() {
        roleLabel.setText(FlowTexts.role(role));
        String name = endpoint != null && endpoint.serverName() != null ? FlowTexts.plain(endpoint.serverName()) : null;
        String address = endpoint != null ? IpText.format(endpoint.address())
                + (endpoint.port() != 0 && endpoint.port() != 53 ? ":" + endpoint.port() : "") : displayName;
        nameLabel.setText(name);
        nameLabel.setVisible(name != null);
        nameLabel.setManaged(name != null);
        addressLabel.setText(address);
        if (mark != null) {
            applyMark(mark, getStyleClass().contains("active"));
        }
    }

    /** Shows what playback says about this host now (touching only what changes: see {@link #toggle}). */
    void applyMark(EndpointMark newMark, boolean active) {
        this.mark = newMark;
        toggle("active", active);
        boolean skipped = newMark != null && newMark.isSkipped();
        toggle("skipped", skipped);
        boolean changed = show(cross, skipped) | show(skipPill, skipped);
        if (skipped) {
            changed |= setText(skipPill, FlowTexts.skipReason(newMark.skip().reason()));
        }
        boolean cache = newMark != null && newMark.answeredFromCache();
        toggle("cache-hit", cache);
        changed |= show(cacheBadge, cache);
        if (cache) {
            changed |= setText(cacheBadge, FlowTexts.cacheBadge(newMark.cacheHits()));
        }
        if (changed) {
            requestLayout();
        }
    }

    private static boolean show(javafx.scene.Node n, boolean visible) {
        if (n.isVisible() == visible) {
            return false;
        }
        n.setVisible(visible);
        return true;
    }

    private static boolean setText(Label l, String text) {
        if (text.equals(l.getText())) {
            return false;
        }
        l.setText(text);
        return true;
    }

    /** Marks go on in one fixed order, so that the same state always gives the same class list. */
    private static final java.util.List<String> MARK_ORDER = java.util.List.of("active", "skipped", "cache-hit");

    private void toggle(String styleClass, boolean on) {
        if (on == getStyleClass().contains(styleClass)) {
            return;
        }
        java.util.List<String> classes = new java.util.ArrayList<>(getStyleClass());
        classes.removeAll(MARK_ORDER);
        for (String c : MARK_ORDER) {
            if (c.equals(styleClass) ? on : getStyleClass().contains(c)) {
                classes.add(c);
            }
        }
        getStyleClass().setAll(classes);
    }

    /** Places and sizes the box: centre and size in the parent's coordinates. */
    void place(double cx, double cy, double w, double h) {
        setMinSize(w, h);
        setPrefSize(w, h);
        setMaxSize(w, h);
        resizeRelocate(cx - w / 2, cy - h / 2, w, h);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        content.resizeRelocate(0, 0, w, h);
        if (w != crossW || h != crossH) {
            // new path elements mark the cross for repainting: only when the box changed size
            crossW = w;
            crossH = h;
            double inset = h * 0.12;
            cross.getElements().setAll(new MoveTo(inset, inset), new LineTo(w - inset, h - inset),
                    new MoveTo(inset, h - inset), new LineTo(w - inset, inset));
        }
        if (skipPill.isVisible()) {
            skipPill.applyCss();
            double pw = Math.min(w, skipPill.prefWidth(-1));
            double ph = skipPill.prefHeight(pw);
            skipPill.resizeRelocate((w - pw) / 2, h - ph / 2, pw, ph);
        }
        if (cacheBadge.isVisible()) {
            cacheBadge.applyCss();
            double bw = cacheBadge.prefWidth(-1);
            double bh = cacheBadge.prefHeight(bw);
            cacheBadge.resizeRelocate(-bh * 0.3, -bh * 0.6, bw, bh);
        }
    }

    private String tooltipText() {
        StringBuilder t = new StringBuilder(FlowTexts.role(role)).append('\n').append(displayName);
        if (mark != null) {
            t.append('\n').append(I18n.get("flow.box.tip.asked", mark.queries(), mark.responses()));
            if (mark.timeouts() > 0) {
                t.append('\n').append(I18n.get("flow.box.tip.timeouts", mark.timeouts()));
            }
            if (mark.isSkipped()) {
                t.append('\n').append(I18n.get("flow.box.tip.skipped", FlowTexts.skipReason(mark.skip().reason()),
                        mark.skip().detail()));
            }
            if (mark.answeredFromCache()) {
                t.append('\n').append(FlowTexts.cacheBadge(mark.cacheHits()));
            }
        }
        return t.toString();
    }

    /** A one-line description of what the box shows, for tests comparing drawn states. */
    String describe() {
        StringBuilder b = new StringBuilder("box ").append(endpointId).append(' ').append(getStyleClass());
        b.append(" role='").append(roleLabel.getText()).append("' name='").append(nameLabel.getText())
                .append("' addr='").append(addressLabel.getText()).append('\'');
        if (skipPill.isVisible()) {
            b.append(" skip='").append(skipPill.getText()).append('\'');
        }
        if (cacheBadge.isVisible()) {
            b.append(" cache='").append(cacheBadge.getText()).append('\'');
        }
        b.append(String.format(java.util.Locale.ROOT, " at %.1f,%.1f", getLayoutX(), getLayoutY()));
        return b.toString();
    }
}
