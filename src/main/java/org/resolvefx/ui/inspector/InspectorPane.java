package org.resolvefx.ui.inspector;

import java.util.HexFormat;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.resolvefx.core.wire.DissectionText;
import org.resolvefx.core.wire.FieldSpan;
import org.resolvefx.ui.common.ClipboardText;
import org.resolvefx.ui.i18n.I18n;

/**
 * Everything about one message: caption, the header bit grid, the field tree, the hex dump and a
 * details line explaining the selected field.
 */
public final class InspectorPane extends BorderPane {
    private final InspectorViewModel model = new InspectorViewModel();
    private final HeaderGridView headerGrid = new HeaderGridView(model);
    private final FieldTreeView fieldTree = new FieldTreeView(model);
    private final HexDumpView hexDump = new HexDumpView(model);
    private final Label caption = new Label();
    private final Label details = new Label();
    private final Label explanation = new Label();

    public InspectorPane() {
        getStyleClass().add("inspector-pane");
        caption.getStyleClass().add("inspector-caption");
        caption.setMaxWidth(Double.MAX_VALUE);
        details.getStyleClass().add("field-details");
        explanation.getStyleClass().add("field-explanation");
        explanation.setWrapText(true);

        Label treeTitle = new Label();
        treeTitle.textProperty().bind(I18n.text("inspector.tree.title"));
        treeTitle.getStyleClass().add("pane-title");
        VBox treeBox = new VBox(treeTitle, fieldTree);
        VBox.setVgrow(fieldTree, Priority.ALWAYS);

        Label hexTitle = new Label();
        hexTitle.textProperty().bind(I18n.text("inspector.hex.title"));
        hexTitle.getStyleClass().add("pane-title");
        VBox hexBox = new VBox(hexTitle, hexDump);
        VBox.setVgrow(hexDump, Priority.ALWAYS);

        this.treeBox = treeBox;
        this.hexBox = hexBox;
        arrange(true);
        // wide panes put the tree beside grid and bytes; narrow ones (compare mode, small screens)
        // stack grid, tree and bytes so that the bit grid never has to squeeze its labels
        widthProperty().addListener((obs, o, n) -> fitWidth(n.doubleValue()));

        VBox bottom = new VBox(2, details, explanation);
        bottom.getStyleClass().add("field-details-bar");
        bottom.setPadding(new Insets(6, 10, 6, 10));

        setTop(caption);
        setBottom(bottom);

        fieldTree.setContextMenu(copyMenu());
        hexDump.setContextMenu(copyMenu());
        model.selectedFieldProperty().addListener((obs, o, n) -> updateDetails());
        model.messageProperty().addListener((obs, o, n) -> {
            caption.setText(n == null ? "" : n.caption());
            updateDetails();
        });
        I18n.onLocaleChange(this, this::updateDetails);
        updateDetails();
    }

    /** Width (in em of the current font) from which the tree goes beside the grid instead of below it. */
    private double wideFromEm = 80;
    private final VBox treeBox;
    private final VBox hexBox;
    private boolean wide;

    /** The current type size (theme and zoom), read from a label that CSS has styled. */
    private double fontSize() {
        return caption.getFont().getSize();
    }

    private void arrange(boolean wideLayout) {
        this.wide = wideLayout;
        SplitPane main;
        if (wideLayout) {
            SplitPane left = new SplitPane(headerGrid, hexBox);
            left.setOrientation(Orientation.VERTICAL);
            left.setDividerPositions(0.55);
            main = new SplitPane(left, treeBox);
            main.setDividerPositions(0.55);
        } else {
            main = new SplitPane(headerGrid, treeBox, hexBox);
            main.setOrientation(Orientation.VERTICAL);
            main.setDividerPositions(0.36, 0.7);
        }
        setCenter(main);
    }

    /**
     * From which width (in em) the field tree goes beside grid and bytes. Where height is scarce
     * (the inspector under the classroom views) a lower threshold keeps the grid from being stacked.
     */
    public void setWideLayoutFrom(double em) {
        wideFromEm = em;
        fitWidth(getWidth());
    }

    /**
     * Picks the arrangement for a width. Before its first layout the pane has no width yet: arranging then
     * would build split panes (and at start-up their skins) only to replace them at the first layout.
     */
    private void fitWidth(double width) {
        if (width <= 0) {
            return;
        }
        boolean wide = width >= wideFromEm * fontSize();
        if (wide != this.wide) {
            arrange(wide);
        }
    }

    public InspectorViewModel model() {
        return model;
    }

    public HeaderGridView headerGrid() {
        return headerGrid;
    }

    public FieldTreeView fieldTree() {
        return fieldTree;
    }

    public HexDumpView hexDump() {
        return hexDump;
    }

    public void show(InspectedMessage m) {
        model.show(m);
    }

    private ContextMenu copyMenu() {
        MenuItem value = new MenuItem();
        value.textProperty().bind(I18n.text("inspector.copy.value"));
        value.setOnAction(e -> copySelectedValue());
        MenuItem hex = new MenuItem();
        hex.textProperty().bind(I18n.text("inspector.copy.hex"));
        hex.setOnAction(e -> copyMessageHex());
        MenuItem text = new MenuItem();
        text.textProperty().bind(I18n.text("inspector.copy.text"));
        text.setOnAction(e -> copyDissectionText());
        return new ContextMenu(value, hex, text);
    }

    /** Copies the selected field's value; returns what was copied (empty when nothing is selected). */
    public String copySelectedValue() {
        FieldSpan f = model.selectedField();
        if (f == null) {
            return "";
        }
        ClipboardText.put(f.value());
        return f.value();
    }

    public String copyMessageHex() {
        InspectedMessage m = model.message();
        if (m == null) {
            return "";
        }
        String hex = HexFormat.ofDelimiter(" ").formatHex(m.bytes());
        ClipboardText.put(hex);
        return hex;
    }

    public String copyDissectionText() {
        InspectedMessage m = model.message();
        if (m == null) {
            return "";
        }
        String text = m.caption() + "\n" + DissectionText.render(m.dissection(), m.bytes());
        ClipboardText.put(text);
        return text;
    }

    private void updateDetails() {
        FieldSpan f = model.selectedField();
        if (f == null) {
            InspectedMessage m = model.message();
            details.setText(m == null ? "" : I18n.get("inspector.details.none", m.bytes().length));
            explanation.setText(I18n.get("inspector.details.hint"));
            return;
        }
        String bytes = f.length() == 1 ? I18n.get("inspector.details.byte", f.offset())
                : I18n.get("inspector.details.bytes", f.offset(), f.end() - 1);
        String mask = f.mask() == 0 ? "" : " · " + I18n.get("inspector.details.mask",
                String.format("0x%0" + (2 * f.length()) + "x", f.mask()));
        details.setText(f.id() + " · " + f.label() + " = " + f.value() + " · " + bytes + mask);
        explanation.setText(FieldHelp.explain(f.id()));
    }
}
