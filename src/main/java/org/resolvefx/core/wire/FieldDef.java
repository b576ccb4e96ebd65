package org.resolvefx.core.wire;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

/**
 * One row of the declarative field table ({@link DnsFields}), the counterpart of an entry in
 * Wireshark's {@code hf_register_info} array: filter id, label, value kind, integer width in bytes,
 * bit mask, and optional value names. It knows how to turn a raw value into tshark's JSON value and
 * into the tree line Wireshark shows, so the walker never formats by hand.
 *
 * <p>Not a record because it keeps a small cache of the texts it made: the same counts, types,
 * classes and flags recur in nearly every message, and building their texts anew was most of the
 * dissector's cost. The cache is direct-mapped and lock-free; a lost race only costs a rebuild.
 */
public final class FieldDef {
    private final String id;
    private final String label;
    private final FieldKind kind;
    private final int width;
    private final long mask;
    private final IntFunction<String> names;
    private final IntFunction<String> unknown;
    private final String trueText;
    private final String falseText;
    private final LongFunction<String> suffix;
    private final Texts[] cache = new Texts[CACHE_SLOTS];

    private static final int CACHE_SLOTS = 256;

    /** Immutable pair of texts for one raw value; safely shared between threads through final fields. */
    private static final class Texts {
        final long key;
        final String json;
        final String display;

        Texts(long key, String json, String display) {
            this.key = key;
            this.json = json;
            this.display = display;
        }
    }

    /**
     * @param id        display-filter name ("dns.flags.opcode")
     * @param label     Wireshark's field name ("Opcode")
     * @param kind      how the value reads
     * @param width     size of the integer in bytes (1, 2 or 4); bit patterns and hex padding follow it
     * @param mask      bit mask inside the integer, 0 for whole-field values
     * @param names     value names (opcode -> "Standard query"), or null; returns null for unknown values
     * @param unknown   text for values {@code names} does not know, or null to print "Unknown"
     * @param trueText  boolean text for 1 (Wireshark's true_false_string), or null for "True"/"False"
     * @param falseText boolean text for 0
     * @param suffix    text Wireshark appends to the line for a raw value (" (6 days)"), or null
     */
    public FieldDef(String id, String label, FieldKind kind, int width, long mask, IntFunction<String> names,
                    IntFunction<String> unknown, String trueText, String falseText, LongFunction<String> suffix) {
        this.id = id;
        this.label = label;
        this.kind = kind;
        this.width = width;
        this.mask = mask;
        this.names = names;
        this.unknown = unknown;
        this.trueText = trueText;
        this.falseText = falseText;
        this.suffix = suffix;
    }

    FieldDef(String id, String label, FieldKind kind, int width, long mask, IntFunction<String> names,
             IntFunction<String> unknown, String trueText, String falseText) {
        this(id, label, kind, width, mask, names, unknown, trueText, falseText, null);
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public FieldKind kind() {
        return kind;
    }

    public int width() {
        return width;
    }

    public long mask() {
        return mask;
    }

    /** The same field with text appended to every line, computed from the raw value. */
    FieldDef withSuffix(LongFunction<String> appended) {
        return new FieldDef(id, label, kind, width, mask, names, unknown, trueText, falseText, appended);
    }

    static FieldDef dec(String id, String label, int width) {
        return new FieldDef(id, label, FieldKind.UINT_DEC, width, 0, null, null, null, null);
    }

    static FieldDef dec(String id, String label, int width, IntFunction<String> names, IntFunction<String> unknown) {
        return new FieldDef(id, label, FieldKind.UINT_DEC, width, 0, names, unknown, null, null);
    }

    static FieldDef hex(String id, String label, int width) {
        return new FieldDef(id, label, FieldKind.UINT_HEX, width, 0, null, null, null, null);
    }

    static FieldDef bits(String id, String label, FieldKind kind, int width, long mask, IntFunction<String> names) {
        return new FieldDef(id, label, kind, width, mask, names, null, null, null);
    }

    static FieldDef flag(String id, String label, int width, long mask, String trueText, String falseText) {
        return new FieldDef(id, label, FieldKind.BOOLEAN, width, mask, null, null, trueText, falseText);
    }

    static FieldDef of(String id, String label, FieldKind kind) {
        return new FieldDef(id, label, kind, 0, 0, null, null, null, null);
    }

    /**
     * A finished leaf span for an integer or boolean value at {@code offset}, texts from the cache.
     */
    FieldSpan span(int offset, int size, long raw) {
        long key = mask == 0 ? raw : raw & mask;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 56) & (CACHE_SLOTS - 1);
        Texts t = cache[slot];
        if (t == null || t.key != key) {
            t = new Texts(key, jsonValue(raw), display(raw));
            cache[slot] = t;
        }
        return new FieldSpan(id, label, t.json, t.display, offset, size, mask, List.of());
    }

    /** The value under the mask, shifted down (opcode bits 0x7800 of 0x2800 give 5). */
    public long extract(long raw) {
        if (mask == 0) {
            return raw;
        }
        return (raw & mask) >>> Long.numberOfTrailingZeros(mask);
    }

    /** The value as tshark's JSON shows it ("1", "0x0001", "0x00"). */
    public String jsonValue(long raw) {
        long v = extract(raw);
        switch (kind) {
            case BOOLEAN:
                return v != 0 ? "1" : "0";
            case UINT_HEX:
                return hexPadded(v, width);
            default:
                return Long.toString(v);
        }
    }

    /** The value text inside the tree line, without label ("Standard query (0)", "IN (0x0001)"). */
    public String shownValue(long raw) {
        long v = extract(raw);
        switch (kind) {
            case BOOLEAN:
                if (trueText != null) {
                    return v != 0 ? trueText : falseText;
                }
                return v != 0 ? "True" : "False";
            case UINT_HEX: {
                String hex = hexPadded(v, width);
                if (names == null) {
                    return hex;
                }
                return named((int) v, hex);
            }
            default: {
                if (names == null) {
                    return Long.toString(v);
                }
                return named((int) v, Long.toString(v));
            }
        }
    }

    /** "IN (0x0001)"; for unknown values Wireshark's "Unknown (0x0007)", or ours "CLASS7 (0x0007)". */
    private String named(int v, String number) {
        String n = names.apply(v);
        if (n == null) {
            n = unknown != null ? unknown.apply(v) : "Unknown";
        }
        return n + " (" + number + ")";
    }

    /** The full tree line for an integer or boolean value, with bit pattern when masked. */
    public String display(long raw) {
        return display(raw, suffix == null ? "" : suffix.apply(raw));
    }

    /** As {@link #display(long)}, with text Wireshark appends to the item (" (6 days)"). */
    public String display(long raw, String appended) {
        StringBuilder sb = new StringBuilder(64);
        if (mask != 0) {
            appendBitPattern(sb, raw, mask, width);
            sb.append(" = ");
        }
        return sb.append(label).append(": ").append(shownValue(raw)).append(appended).toString();
    }

    static String hexPadded(long v, int width) {
        String h = Long.toHexString(v);
        int digits = Math.max(2, width * 2);
        StringBuilder sb = new StringBuilder(2 + digits).append("0x");
        for (int i = h.length(); i < digits; i++) {
            sb.append('0');
        }
        return sb.append(h).toString();
    }

    /** ".000 0... .... ...." style: the masked bits of {@code raw}, dots elsewhere, a space every 4 bits. */
    static void appendBitPattern(StringBuilder sb, long raw, long mask, int width) {
        int bits = width * 8;
        for (int i = bits - 1; i >= 0; i--) {
            if ((mask >>> i & 1) != 0) {
                sb.append((raw >>> i & 1) != 0 ? '1' : '0');
            } else {
                sb.append('.');
            }
            if (i % 4 == 0 && i != 0) {
                sb.append(' ');
            }
        }
    }
}
