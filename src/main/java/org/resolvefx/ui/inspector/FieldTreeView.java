package org.resolvefx.ui.inspector;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.resolvefx.core.wire.DissectionError;
import org.resolvefx.core.wire.FieldSpan;

/**
 * All sections and fields of the message as a tree, in wire order, with Wireshark's wording.
 * Faults found by the dissector appear as marked rows where decoding stopped.
 */
public final class FieldTreeView extends TreeView<FieldSpan> {
    static final String ERROR_ID = "resolvefx.error";

    private final InspectorViewModel model;
    private final Map<FieldSpan, TreeItem<FieldSpan>> items = new IdentityHashMap<>();
    private boolean syncing;

    public FieldTreeView(InspectorViewModel model) {
        this.model = model;
        getStyleClass().add("field-tree");
        setShowRoot(false);
        setRoot(new TreeItem<>());
        setCellFactory(tv -> new FieldCell());
        getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (!syncing) {
                syncing = true;
                try {
                    model.selectField(n == null ? null : n.getValue());
                } finally {
                    syncing = false;
                }
            }
        });
        model.messageProperty().addListener((obs, o, n) -> rebuild());
        model.selectedFieldProperty().addListener((obs, o, n) -> reveal(n));
        rebuild();
    }

    private void rebuild() {
        syncing = true;
        try {
            items.clear();
            TreeItem<FieldSpan> root = new TreeItem<>();
            InspectedMessage m = model.message();
            if (m != null) {
                for (FieldSpan f : m.dissection().fields()) {
                    root.getChildren().add(item(f, 0));
                }
                for (DissectionError e : m.dissection().errors()) {
                    int len = Math.max(0, Math.min(1, m.bytes().length - e.offset()));
                    FieldSpan err = new FieldSpan(ERROR_ID, "Malformed", e.message(), "⚠ " + e.message(),
                            Math.min(e.offset(), m.bytes().length), len, 0, List.of());
                    TreeItem<FieldSpan> ti = new TreeItem<>(err);
                    items.put(err, ti);
                    root.getChildren().add(ti);
                }
            }
            setRoot(root);
            getSelectionModel().clearSelection();
        } finally {
            syncing = false;
        }
        reveal(model.selectedField());
    }

    private TreeItem<FieldSpan> item(FieldSpan f, int depth) {
        TreeItem<FieldSpan> ti = new TreeItem<>(f);
        items.put(f, ti);
        for (FieldSpan c : f.children()) {
            ti.getChildren().add(item(c, depth + 1));
        }
        // open the sections and records, keep flag bits and name labels folded until asked for
        ti.setExpanded(depth == 0 || (depth == 1 && f.id().startsWith("resolvefx.")));
        return ti;
    }

    private void reveal(FieldSpan f) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            TreeItem<FieldSpan> ti = f == null ? null : items.get(f);
            if (ti == null) {
                getSelectionModel().clearSelection();
                return;
            }
            for (TreeItem<FieldSpan> p = ti.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            getSelectionModel().select(ti);
            int row = getRow(ti);
            if (row >= 0) {
                scrollTo(Math.max(0, row - 3));
            }
        } finally {
            syncing = false;
        }
    }

    /** Every field in the tree, depth first (for tests and "copy as text"). */
    public List<FieldSpan> allFields() {
        List<FieldSpan> out = new ArrayList<>();
        collect(getRoot(), out);
        return out;
    }

    private static void collect(TreeItem<FieldSpan> ti, List<FieldSpan> out) {
        for (TreeItem<FieldSpan> c : ti.getChildren()) {
            out.add(c.getValue());
            collect(c, out);
        }
    }

    private static final class FieldCell extends TreeCell<FieldSpan> {
        @Override
        protected void updateItem(FieldSpan f, boolean empty) {
            super.updateItem(f, empty);
            getStyleClass().removeAll("teaching-field", "error-field", "group-field");
            if (empty || f == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(f.display());
            if (f.id().equals(ERROR_ID)) {
                getStyleClass().add("error-field");
            } else if (f.id().startsWith("resolvefx.name.")) {
                getStyleClass().add("teaching-field");
            } else if (f.id().startsWith("resolvefx.")) {
                getStyleClass().add("group-field");
            }
        }
    }
}
