package org.resolvefx.core.wire;

import java.util.List;

/** Plain-text renderings of a dissection for copy-as-text and the command line. */
public final class DissectionText {
    private DissectionText() {
    }

    /**
     * An indented tree like {@code tshark -V -O dns} prints: a "Domain Name System (query)" line,
     * then every field's display line, four spaces deeper per level, then any faults.
     */
    public static String render(Dissection d, byte[] message) {
        StringBuilder sb = new StringBuilder(2048);
        boolean response = message != null && message.length > 2 && (message[2] & 0x80) != 0;
        sb.append("Domain Name System (").append(response ? "response" : "query").append(")\n");
        for (FieldSpan f : d.fields()) {
            render(f, 1, sb);
        }
        for (DissectionError e : d.errors()) {
            sb.append("    [Malformed at byte ").append(e.offset()).append(": ").append(e.message()).append("]\n");
        }
        return sb.toString();
    }

    private static void render(FieldSpan f, int depth, StringBuilder sb) {
        for (int i = 0; i < depth; i++) {
            sb.append("    ");
        }
        sb.append(f.display()).append('\n');
        List<FieldSpan> children = f.children();
        for (FieldSpan c : children) {
            render(c, depth + 1, sb);
        }
    }

    /**
     * A hex dump as tshark -x prints it: offset (4 hex digits), 16 bytes, and the bytes as ASCII
     * (printable characters, '.' otherwise).
     * <pre>0000  6e cf 01 20 00 01 00 00 00 00 00 01 03 77 77 77   n.. .........www</pre>
     */
    public static String hexDump(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 5 + 16);
        for (int row = 0; row < bytes.length; row += 16) {
            String off = Integer.toHexString(row);
            for (int i = off.length(); i < 4; i++) {
                sb.append('0');
            }
            sb.append(off).append("  ");
            for (int i = 0; i < 16; i++) {
                if (row + i < bytes.length) {
                    WireText.appendHex(sb, bytes, row + i, 1);
                    sb.append(' ');
                } else {
                    sb.append("   ");
                }
            }
            sb.append("  ");
            for (int i = row; i < Math.min(row + 16, bytes.length); i++) {
                int c = bytes[i] & 0xFF;
                sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
