package org.resolvefx.ui.inspector;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.resolvefx.core.wire.FieldSpan;

/**
 * The message bytes as a hex dump: offset, sixteen bytes, and their ASCII. The bytes of the
 * selected field are highlighted; clicking a byte (or moving the cursor with the arrow keys)
 * selects the innermost field covering it. Rows are virtualised, so 64 KB TCP messages scroll
 * as smoothly as 50-byte queries.
 */
public final class HexDumpView extends ListView<Integer> {
    static final int BYTES_PER_ROW = 16;

    private final InspectorViewModel model;

    public HexDumpView(InspectorViewModel model) {
        this.model = model;
        getStyleClass().add("hex-dump");
        setCellFactory(lv -> new RowCell());
        setFocusTraversable(true);
        model.messageProperty().addListener((obs, o, n) -> rebuild());
        model.selectedFieldProperty().addListener((obs, o, n) -> {
            refresh();
            if (n != null) {
                scrollToByte(n.offset());
            }
        });
        model.cursorByteProperty().addListener((obs, o, n) -> refresh());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        rebuild();
    }

    private void rebuild() {
        InspectedMessage m = model.message();
        int rows = m == null ? 0 : (m.bytes().length + BYTES_PER_ROW - 1) / BYTES_PER_ROW;
        ObservableList<Integer> list = FXCollections.observableArrayList();
        for (int r = 0; r < rows; r++) {
            list.add(r);
        }
        setItems(list);
    }

    private void scrollToByte(int offset) {
        int row = offset / BYTES_PER_ROW;
        if (row >= 0 && row < getItems().size()) {
            scrollTo(Math.max(0, row - 2));
        }
    }

    private void onKey(KeyEvent e) {
        InspectedMessage m = model.message();
        if (m == null || m.bytes().length == 0) {
            return;
        }
        int cur = Math.max(0, model.cursorByteProperty().get());
        int next = switch (e.getCode()) {
            case LEFT -> cur - 1;
            case RIGHT -> cur + 1;
            case UP -> cur - BYTES_PER_ROW;
            case DOWN -> cur + BYTES_PER_ROW;
            case HOME -> e.isControlDown() ? 0 : cur - cur % BYTES_PER_ROW;
            case END -> e.isControlDown() ? m.bytes().length - 1 : cur - cur % BYTES_PER_ROW + BYTES_PER_ROW - 1;
            default -> Integer.MIN_VALUE;
        };
        if (next == Integer.MIN_VALUE) {
            return;
        }
        e.consume();
        next = Math.max(0, Math.min(m.bytes().length - 1, next));
        model.selectByte(next);
        scrollToByte(next);
    }

    private final class RowCell extends ListCell<Integer> {
        private final Label offset = new Label();
        private final Label[] hex = new Label[BYTES_PER_ROW];
        private final Label[] ascii = new Label[BYTES_PER_ROW];
        private final HBox box = new HBox();

        RowCell() {
            getStyleClass().add("hex-row");
            offset.getStyleClass().add("hex-offset");
            box.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(offset);
            for (int i = 0; i < BYTES_PER_ROW; i++) {
                hex[i] = byteLabel(i, "hex-byte");
                if (i == BYTES_PER_ROW / 2) {
                    Region gap = new Region();
                    gap.getStyleClass().add("hex-gap");
                    box.getChildren().add(gap);
                }
                box.getChildren().add(hex[i]);
            }
            Region gap = new Region();
            gap.getStyleClass().add("hex-ascii-gap");
            box.getChildren().add(gap);
            for (int i = 0; i < BYTES_PER_ROW; i++) {
                ascii[i] = byteLabel(i, "hex-ascii");
                box.getChildren().add(ascii[i]);
            }
        }

        private Label byteLabel(int col, String cls) {
            Label l = new Label();
            l.getStyleClass().add(cls);
            l.setOnMouseClicked(e -> {
                Integer row = getItem();
                if (row != null) {
                    model.selectByte(row * BYTES_PER_ROW + col);
                    HexDumpView.this.requestFocus();
                }
            });
            return l;
        }

        @Override
        protected void updateItem(Integer row, boolean empty) {
            super.updateItem(row, empty);
            InspectedMessage m = model.message();
            if (empty || row == null || m == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            byte[] b = m.bytes();
            FieldSpan sel = model.selectedField();
            int cursor = model.cursorByteProperty().get();
            offset.setText(String.format("%04x", row * BYTES_PER_ROW));
            for (int i = 0; i < BYTES_PER_ROW; i++) {
                int off = row * BYTES_PER_ROW + i;
                boolean present = off < b.length;
                hex[i].setText(present ? String.format("%02x", b[off] & 0xFF) : "  ");
                int c = present ? b[off] & 0xFF : ' ';
                ascii[i].setText(present ? (c >= 0x20 && c < 0x7F ? Character.toString((char) c) : "·") : " ");
                boolean hl = present && sel != null && sel.covers(off);
                mark(hex[i], "hl", hl);
                mark(ascii[i], "hl", hl);
                mark(hex[i], "cursor", present && off == cursor);
                hex[i].getProperties().put("offset", off);
                hex[i].setId(present ? "hex-" + off : null);
            }
            setGraphic(box);
            setText(null);
        }

        private void mark(Label l, String cls, boolean on) {
            if (on && !l.getStyleClass().contains(cls)) {
                l.getStyleClass().add(cls);
            } else if (!on) {
                l.getStyleClass().remove(cls);
            }
        }
    }
}
