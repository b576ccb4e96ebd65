package org.resolvefx.core.wire;

import java.util.List;
import java.util.Objects;

/**
 * One field of a dissected DNS message: what it is, what it says, and which bytes (and bits) it
 * occupies. Modelled on Wireshark's protocol tree items so students meet the same names.
 *
 * @param id       Wireshark display-filter name ("dns.flags.recdesired"); grouping nodes without a
 *                 Wireshark field use ids under "resolvefx." (e.g. "resolvefx.queries"), and so do
 *                 teaching additions such as the label of a name ("resolvefx.name.label")
 * @param label    short human name ("Recursion desired")
 * @param value    the value as tshark's JSON output shows it ("1", "0x0db2", "www.example.com", "0x0001")
 * @param display  the full line as Wireshark's tree shows it
 *                 (".... ...1 .... .... = Recursion desired: Do query recursively")
 * @param offset   first byte, counted from the first byte of the DNS message
 * @param length   number of bytes
 * @param mask     bit mask within those bytes for bit fields (as tshark's raw JSON gives it), 0 if none
 * @param children sub-fields, in wire order
 */
public record FieldSpan(String id, String label, String value, String display, int offset, int length, long mask,
                        List<FieldSpan> children) {

    public FieldSpan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(display, "display");
        children = List.copyOf(children);
    }

    /** True for fields Wireshark itself has (ids starting with "dns."). */
    public boolean isWiresharkField() {
        return id.startsWith("dns.");
    }

    /** One past the last byte. */
    public int end() {
        return offset + length;
    }

    public boolean covers(int byteOffset) {
        return byteOffset >= offset && byteOffset < offset + length;
    }
}
