package org.resolvefx.core.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Text conversions that must match tshark 4.0 character for character: Wireshark's
 * {@code format_text} escaping, its "6 days, 1 hour" durations, its byte and time formats.
 * Written by hand because no library reproduces Wireshark's exact wording.
 */
final class WireText {
    private WireText() {
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    /** Wireshark shows at most this many bytes of an FT_BYTES field in the tree, then an ellipsis. */
    private static final int MAX_SHOWN_BYTES = 36;

    /**
     * Appends bytes as Wireshark's format_text does: printable ASCII as is, other ASCII as C escapes
     * (\n, \t, or octal \ooo), valid UTF-8 as the characters, invalid bytes as \xhh.
     */
    static void appendFormatted(StringBuilder sb, byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            int c = b[i++] & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else if (c < 0x80) {
                sb.append('\\');
                switch (c) {
                    case 7 -> sb.append('a');
                    case 8 -> sb.append('b');
                    case 12 -> sb.append('f');
                    case 10 -> sb.append('n');
                    case 13 -> sb.append('r');
                    case 9 -> sb.append('t');
                    case 11 -> sb.append('v');
                    default -> sb.append((char) ('0' + ((c >> 6) & 3))).append((char) ('0' + ((c >> 3) & 7)))
                            .append((char) ('0' + (c & 7)));
                }
            } else {
                int more;
                int cp;
                if ((c & 0xE0) == 0xC0) {
                    more = 1;
                    cp = c & 0x1F;
                } else if ((c & 0xF0) == 0xE0) {
                    more = 2;
                    cp = c & 0x0F;
                } else if ((c & 0xF8) == 0xF0) {
                    more = 3;
                    cp = c & 0x07;
                } else {
                    more = 0;
                    cp = 0xFFFD;
                }
                for (int k = 0; k < more; k++) {
                    if (i >= end || (b[i] & 0xC0) != 0x80) {
                        // not a continuation byte: replacement character, and the byte starts anew
                        cp = 0xFFFD;
                        break;
                    }
                    cp = (cp << 6) | (b[i] & 0x3F);
                    i++;
                }
                if (!Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    cp = 0xFFFD;
                }
                if (!Character.isISOControl(cp) && Character.isDefined(cp)) {
                    sb.appendCodePoint(cp);
                } else if (cp <= 0xFFFF) {
                    sb.append("\\u").append(HEX[(cp >> 12) & 0xF]).append(HEX[(cp >> 8) & 0xF])
                            .append(HEX[(cp >> 4) & 0xF]).append(HEX[cp & 0xF]);
                } else {
                    sb.append("\\U").append(String.format("%08x", cp));
                }
            }
        }
    }

    /**
     * Text read with ENC_ASCII as a C string: it stops at the first zero byte, bytes above 0x7f
     * become U+FFFD, the rest is escaped like format_text.
     */
    static String ascii(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                break;
            }
            if (c >= 0x80) {
                sb.append('\uFFFD');
            } else {
                appendFormatted(sb, b, i, 1);
            }
        }
        return sb.toString();
    }

    /** "29:b3:06" as tshark's JSON shows FT_BYTES. */
    static String bytesJson(byte[] b, int off, int len) {
        if (len <= 0) {
            return "";
        }
        char[] out = new char[len * 3 - 1];
        int p = 0;
        for (int i = 0; i < len; i++) {
            if (i > 0) {
                out[p++] = ':';
            }
            int v = b[off + i] & 0xFF;
            out[p++] = HEX[v >> 4];
            out[p++] = HEX[v & 0xF];
        }
        return new String(out);
    }

    /** "29b306..." as the tree shows FT_BYTES, cut after 36 bytes with an ellipsis; "<MISSING>" if empty. */
    static String bytesShown(byte[] b, int off, int len) {
        if (len <= 0) {
            return "<MISSING>";
        }
        int shown = Math.min(len, MAX_SHOWN_BYTES);
        StringBuilder sb = new StringBuilder(shown * 2 + 1);
        appendHex(sb, b, off, shown);
        if (len > MAX_SHOWN_BYTES) {
            sb.append('\u2026');
        }
        return sb.toString();
    }

    static void appendHex(StringBuilder sb, byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            int v = b[off + i] & 0xFF;
            sb.append(HEX[v >> 4]).append(HEX[v & 0xF]);
        }
    }

    /** "6 days", "1 hour, 30 minutes", "0 seconds": Wireshark's unsigned_time_secs_to_str. */
    static String duration(long seconds) {
        if (seconds == 0) {
            return "0 seconds";
        }
        long secs = seconds % 60;
        long t = seconds / 60;
        long mins = t % 60;
        t /= 60;
        long hours = t % 24;
        long days = t / 24;
        StringBuilder sb = new StringBuilder(32);
        unit(sb, days, "day");
        unit(sb, hours, "hour");
        unit(sb, mins, "minute");
        unit(sb, secs, "second");
        return sb.toString();
    }

    private static void unit(StringBuilder sb, long n, String name) {
        if (n == 0) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(", ");
        }
        sb.append(n).append(' ').append(name);
        if (n > 1) {
            sb.append('s');
        }
    }

    /**
     * "Jan  1, 2034 00:00:00.000000000 UTC": tshark's absolute time. tshark prints local time; this
     * prints UTC, and the golden files are made with TZ=UTC so that both agree.
     */
    static String absoluteTime(long epochSeconds) {
        ZonedDateTime t = Instant.ofEpochSecond(epochSeconds).atZone(ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(40);
        sb.append(MONTHS[t.getMonthValue() - 1]).append(' ');
        if (t.getDayOfMonth() < 10) {
            sb.append(' ');
        }
        sb.append(t.getDayOfMonth()).append(", ").append(t.getYear()).append(' ');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond()).append(".000000000 UTC");
        return sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
