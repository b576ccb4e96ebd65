package org.resolvefx.ui.inspector;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.resolvefx.core.wire.FieldSpan;
import org.resolvefx.core.wire.FieldPaths;

/**
 * State of one inspector: the message shown, the selected field and the byte cursor. Views bind
 * to it; selecting in one view (tree, grid, hex) moves the others.
 */
public final class InspectorViewModel {
    private final ReadOnlyObjectWrapper<InspectedMessage> message = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<FieldSpan> selectedField = new SimpleObjectProperty<>();
    private final IntegerProperty cursorByte = new SimpleIntegerProperty(-1);

    public ReadOnlyObjectProperty<InspectedMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public InspectedMessage message() {
        return message.get();
    }

    /** Shows a message; keeps the same field selected when the new message has it (handy when stepping). */
    public void show(InspectedMessage m) {
        String keepId = selectedField.get() == null ? null : selectedField.get().id();
        message.set(m);
        FieldSpan keep = m == null || keepId == null ? null
                : FieldPaths.firstById(m.dissection(), keepId).orElse(null);
        selectedField.set(keep);
        cursorByte.set(keep == null ? -1 : keep.offset());
    }

    public ObjectProperty<FieldSpan> selectedFieldProperty() {
        return selectedField;
    }

    public FieldSpan selectedField() {
        return selectedField.get();
    }

    public void selectField(FieldSpan f) {
        selectedField.set(f);
        if (f != null) {
            cursorByte.set(f.offset());
        }
    }

    /** Selects the field with this Wireshark id (the first in wire order); false when the message has none. */
    public boolean selectFieldById(String id) {
        InspectedMessage m = message.get();
        if (m == null) {
            return false;
        }
        return FieldPaths.firstById(m.dissection(), id).map(f -> {
            selectField(f);
            return true;
        }).orElse(false);
    }

    /**
     * Clicking a byte selects the innermost Wireshark field covering it, as in Wireshark's byte
     * pane: bit fields (which share their bytes) and ResolveFX's teaching sub-fields are chosen in
     * the tree or the header grid instead.
     */
    public void selectByte(int offset) {
        InspectedMessage m = message.get();
        if (m == null || offset < 0 || offset >= m.bytes().length) {
            return;
        }
        cursorByte.set(offset);
        selectedField.set(fieldForByte(m.dissection().fields(), offset));
    }

    static FieldSpan fieldForByte(List<FieldSpan> top, int offset) {
        FieldSpan wireshark = null;
        FieldSpan any = null;
        List<FieldSpan> level = top;
        boolean descended = true;
        while (descended) {
            descended = false;
            for (FieldSpan f : level) {
                if (f.mask() == 0 && f.covers(offset)) {
                    any = f;
                    if (f.isWiresharkField()) {
                        wireshark = f;
                    }
                    level = f.children();
                    descended = true;
                    break;
                }
            }
        }
        return wireshark != null ? wireshark : any;
    }

    public IntegerProperty cursorByteProperty() {
        return cursorByte;
    }
}
