package org.resolvefx.core.wire;

import java.util.List;

/**
 * The result of dissecting one DNS message: top-level field spans in wire order (header fields,
 * then section groups with their records), plus any faults found. Never null; a message that
 * is garbage from byte 0 gives the fields decoded before the fault and at least one error.
 */
public record Dissection(List<FieldSpan> fields, List<DissectionError> errors) {
    public Dissection {
        fields = List.copyOf(fields);
        errors = List.copyOf(errors);
    }

    public boolean isComplete() {
        return errors.isEmpty();
    }
}
