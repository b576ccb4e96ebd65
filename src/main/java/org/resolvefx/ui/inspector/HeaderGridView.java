package org.resolvefx.ui.inspector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.resolvefx.core.wire.FieldSpan;
import org.resolvefx.ui.i18n.I18n;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;

/**
 * The 12-byte DNS header drawn as the RFC 1035 bit diagram: bit numbers across the top, byte
 * offsets down the side, one cell per field with its name and value. Selecting a field anywhere
 * highlights the bits it covers here; clicking a cell selects its field.
 */
public final class HeaderGridView extends VBox {
    private final InspectorViewModel model;
    private final Map<HeaderCell, CellNode> cells = new LinkedHashMap<>();
    private Set<String> differing = Set.of();

    public HeaderGridView(InspectorViewModel model) {
        this.model = model;
        getStyleClass().add("header-grid");
        Label title = new Label();
        title.textProperty().bind(I18n.text("inspector.header.title"));
        title.getStyleClass().add("pane-title");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("header-grid-cells");
        ColumnConstraints offsets = new ColumnConstraints();
        offsets.setMinWidth(28);
        grid.getColumnConstraints().add(offsets);
        for (int bit = 0; bit < 16; bit++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(-1);
            c.setHgrow(Priority.ALWAYS);
            c.setMinWidth(34);
            c.setFillWidth(true);
            grid.getColumnConstraints().add(c);
            Label n = new Label(Integer.toString(bit));
            n.getStyleClass().add("bit-number");
            n.setMaxWidth(Double.MAX_VALUE);
            n.setAlignment(Pos.CENTER);
            grid.add(n, bit + 1, 0);
        }
        for (int row = 0; row < 6; row++) {
            Label off = new Label(Integer.toString(2 * row));
            off.getStyleClass().add("byte-offset");
            grid.add(off, 0, row + 1);
        }
        for (HeaderCell hc : HeaderCell.ALL) {
            CellNode node = new CellNode(hc);
            cells.put(hc, node);
            grid.add(node, hc.firstBit() + 1, hc.row() + 1, hc.bitCount(), 1);
        }
        getChildren().addAll(title, grid);

        model.messageProperty().addListener((obs, o, n) -> refresh());
        model.selectedFieldProperty().addListener((obs, o, n) -> refreshHighlight());
        I18n.onLocaleChange(this, this::refresh);
        refresh();
    }

    /** Marks the cells whose value differs from the other message of a comparison (empty to clear). */
    public void setDiffering(Set<String> fieldIds) {
        this.differing = Set.copyOf(fieldIds);
        refreshHighlight();
    }

    /** The grid cell of a header field, for tests and keyboard focus. */
    public javafx.scene.Node cellFor(String fieldId) {
        for (Map.Entry<HeaderCell, CellNode> e : cells.entrySet()) {
            if (e.getKey().fieldId().equals(fieldId)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("no header cell for " + fieldId);
    }

    private void refresh() {
        InspectedMessage m = model.message();
        for (CellNode c : cells.values()) {
            c.update(m == null ? new byte[0] : m.bytes());
        }
        refreshHighlight();
    }

    private void refreshHighlight() {
        FieldSpan f = model.selectedField();
        for (Map.Entry<HeaderCell, CellNode> e : cells.entrySet()) {
            HeaderCell hc = e.getKey();
            boolean on = f != null && hc.touchedBy(f.offset(), f.length(), f.mask());
            setStyle(e.getValue(), "selected", on);
            boolean diff = differing.contains(hc.fieldId());
            setStyle(e.getValue(), "differs", diff);
            e.getValue().differsMark.setVisible(diff);
        }
    }

    private static void setStyle(javafx.scene.Node n, String cls, boolean on) {
        if (on && !n.getStyleClass().contains(cls)) {
            n.getStyleClass().add(cls);
        } else if (!on) {
            n.getStyleClass().remove(cls);
        }
    }

    static String valueText(HeaderCell hc, int v) {
        if (v < 0) {
            return "—";
        }
        return switch (hc.fieldId()) {
            case "dns.id" -> String.format("0x%04x", v);
            default -> Integer.toString(v);
        };
    }

    static String meaningText(HeaderCell hc, int v) {
        if (v < 0) {
            return "";
        }
        return switch (hc.fieldId()) {
            case "dns.flags.opcode" -> Opcode.string(v);
            case "dns.flags.rcode" -> Rcode.string(v);
            case "dns.flags.response" -> I18n.get(v == 1 ? "header.qr.response" : "header.qr.query");
            default -> "";
        };
    }

    /** One field's cell: short name over value, bit digits for multi-bit flag fields. */
    private final class CellNode extends VBox {
        private final HeaderCell cell;
        private final Label value = new Label();
        private final Label bits = new Label();
        private final Label meaning = new Label();
        private final Label differsMark = new Label("≠");
        private final Tooltip tooltip = new Tooltip();

        CellNode(HeaderCell cell) {
            this.cell = cell;
            getStyleClass().addAll("header-cell", cell.bitCount() == 1 ? "header-cell-bit" : "header-cell-wide");
            setAlignment(Pos.CENTER);
            setMaxWidth(Double.MAX_VALUE);
            setFocusTraversable(true);
            setId("hdr-" + cell.fieldId().replace('.', '-'));
            getProperties().put("fieldId", cell.fieldId());
            Label name = new Label(cell.shortName());
            name.getStyleClass().add("header-cell-name");
            // a bit cell is narrow: its name must never turn into "..."
            name.setMinWidth(Region.USE_PREF_SIZE);
            value.setMinWidth(Region.USE_PREF_SIZE);
            value.getStyleClass().add("header-cell-value");
            bits.getStyleClass().add("header-cell-bits");
            meaning.getStyleClass().add("header-cell-meaning");
            differsMark.getStyleClass().add("differs-mark");
            differsMark.setVisible(false);
            differsMark.setManaged(true);
            javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(2, name, differsMark);
            top.setAlignment(Pos.CENTER);
            getChildren().addAll(top, value);
            if (cell.row() == 1 && cell.bitCount() > 1) {
                getChildren().addAll(bits, meaning);
            } else if (cell.fieldId().equals("dns.flags.response")) {
                getChildren().add(meaning);
            }
            tooltip.setShowDelay(Duration.millis(250));
            tooltip.setShowDuration(Duration.seconds(30));
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(420);
            Tooltip.install(this, tooltip);
            setOnMouseClicked(e -> select());
            setOnKeyPressed(e -> {
                switch (e.getCode()) {
                    case ENTER, SPACE -> {
                        select();
                        e.consume();
                    }
                    default -> { }
                }
            });
            focusedProperty().addListener((obs, o, n) -> {
                if (n) {
                    select();
                }
            });
        }

        private void select() {
            if (!model.selectFieldById(cell.fieldId())) {
                // tshark leaves AA, RA and RCODE out of queries; then the flags word is the field
                if (!model.selectFieldById("dns.flags")) {
                    model.selectByte(cell.byteOffset());
                }
            }
        }

        void update(byte[] message) {
            int v = cell.valueIn(message);
            value.setText(valueText(cell, v));
            StringBuilder digits = new StringBuilder();
            for (int i = cell.bitCount() - 1; i >= 0 && v >= 0; i--) {
                digits.append((v >> i) & 1);
                if (i > 0) {
                    digits.append(' ');
                }
            }
            bits.setText(digits.toString());
            meaning.setText(meaningText(cell, v));
            boolean set = cell.bitCount() == 1 && v == 1;
            HeaderGridView.setStyle(this, "bit-set", set);
            String mask = String.format("0x%04x", cell.mask());
            String pos = cell.bitCount() == 1
                    ? I18n.get("header.tooltip.bit", cell.firstBit(), cell.byteOffset(), mask)
                    : I18n.get("header.tooltip.bits", cell.firstBit(), cell.firstBit() + cell.bitCount() - 1,
                            cell.byteOffset(), mask);
            tooltip.setText(cell.shortName() + " (" + cell.fieldId() + ") = " + valueText(cell, v)
                    + (meaningText(cell, v).isEmpty() ? "" : " " + meaningText(cell, v)) + "\n" + pos + "\n\n"
                    + FieldHelp.explain(cell.fieldId()));
        }
    }
}
