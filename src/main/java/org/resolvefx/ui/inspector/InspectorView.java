package org.resolvefx.ui.inspector;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.resolvefx.ui.i18n.I18n;

/**
 * The packet inspector: one message in full, or in compare mode two messages side by side (a
 * query and its response are paired automatically) with the header bits and counts that differ
 * marked in both grids.
 */
public final class InspectorView extends BorderPane {
    private final InspectorPane primary = new InspectorPane();
    /**
     * The right-hand pane of compare mode, made when first needed: each pane is a few hundred nodes, and
     * building two unused ones (one per inspector) was a tenth of a second of start-up.
     */
    private InspectorPane secondary;
    private double wideFromEm = Double.NaN;
    private final SplitPane split = new SplitPane(primary);
    private final ToggleButton compareButton = new ToggleButton();
    private final Label title = new Label();
    private final BooleanProperty compareMode = new SimpleBooleanProperty(false);
    private Function<InspectedMessage, Optional<InspectedMessage>> partnerLookup = m -> Optional.empty();
    private InspectedMessage current;

    public InspectorView() {
        getStyleClass().add("inspector-view");
        setId("inspector");
        title.textProperty().bind(I18n.text("inspector.title"));
        title.getStyleClass().add("view-title");
        compareButton.textProperty().bind(I18n.text("inspector.compare"));
        compareButton.setId("compare-toggle");
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.text("inspector.compare.tooltip"));
        compareButton.setTooltip(tip);
        compareButton.setDisable(true);
        compareButton.selectedProperty().addListener((obs, o, n) -> setCompare(n));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, compareButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("view-toolbar");
        setTop(bar);
        setCenter(split);
    }

    /** See {@link InspectorPane#setWideLayoutFrom(double)}; applies to both panes. */
    public void setWideLayoutFrom(double em) {
        wideFromEm = em;
        primary.setWideLayoutFrom(em);
        if (secondary != null) {
            secondary.setWideLayoutFrom(em);
        }
    }

    public InspectorPane primary() {
        return primary;
    }

    public InspectorPane secondary() {
        if (secondary == null) {
            secondary = new InspectorPane();
            if (!Double.isNaN(wideFromEm)) {
                secondary.setWideLayoutFrom(wideFromEm);
            }
        }
        return secondary;
    }

    public BooleanProperty compareModeProperty() {
        return compareMode;
    }

    public ToggleButton compareButton() {
        return compareButton;
    }

    /** How to find the other half of a query/response pair, for the compare button. */
    public void setPartnerLookup(Function<InspectedMessage, Optional<InspectedMessage>> lookup) {
        this.partnerLookup = lookup;
        show(current);
    }

    /** Shows one message; in compare mode its partner goes beside it. */
    public void show(InspectedMessage m) {
        current = m;
        primary.show(m);
        Optional<InspectedMessage> partner = m == null ? Optional.empty() : partnerLookup.apply(m);
        compareButton.setDisable(partner.isEmpty());
        if (compareMode.get()) {
            if (partner.isPresent()) {
                showPair(m, partner.get());
            } else {
                compareButton.setSelected(false);
            }
        }
    }

    /** Compares two given messages side by side (query on the left when there is one). */
    public void compare(InspectedMessage a, InspectedMessage b) {
        current = a;
        primary.show(a);
        compareButton.setDisable(false);
        if (!compareButton.isSelected()) {
            compareButton.setSelected(true);
        }
        showPair(a, b);
    }

    private void setCompare(boolean on) {
        compareMode.set(on);
        if (on) {
            Optional<InspectedMessage> partner = current == null ? Optional.empty() : partnerLookup.apply(current);
            if (partner.isPresent()) {
                showPair(current, partner.get());
            } else if (secondary != null && secondary.model().message() != null && split.getItems().size() == 2) {
                markDifferences();
            } else {
                compareButton.setSelected(false);
            }
        } else {
            split.getItems().setAll(primary);
            primary.headerGrid().setDiffering(Set.of());
            if (secondary != null) {
                secondary.headerGrid().setDiffering(Set.of());
            }
        }
    }

    private void showPair(InspectedMessage a, InspectedMessage b) {
        InspectedMessage left = a;
        InspectedMessage right = b;
        if (a.isResponse() && !b.isResponse()) {
            left = b;
            right = a;
        }
        primary.show(left);
        secondary().show(right);
        if (split.getItems().size() != 2) {
            split.getItems().setAll(primary, secondary());
            split.setDividerPositions(0.5);
        }
        markDifferences();
    }

    private void markDifferences() {
        Set<String> diff = differingHeaderFields(primary.model().message(), secondary().model().message());
        primary.headerGrid().setDiffering(diff);
        secondary().headerGrid().setDiffering(diff);
    }

    /** The header fields (by Wireshark id) whose values differ between two messages. */
    public static Set<String> differingHeaderFields(InspectedMessage a, InspectedMessage b) {
        Set<String> out = new LinkedHashSet<>();
        if (a == null || b == null) {
            return out;
        }
        for (HeaderCell c : HeaderCell.ALL) {
            if (!c.fieldId().equals("dns.id") && c.valueIn(a.bytes()) != c.valueIn(b.bytes())) {
                out.add(c.fieldId());
            }
        }
        if (HeaderCell.ALL.get(0).valueIn(a.bytes()) != HeaderCell.ALL.get(0).valueIn(b.bytes())) {
            out.add("dns.id");
        }
        return out;
    }
}
