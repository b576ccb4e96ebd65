package org.resolvefx.core.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resolvefx.core.net.Transport;

/**
 * DNS messages written as hex text, one message per paragraph (blank lines separate messages). Understood:
 * plain hex with any whitespace ("d4 b1 01 20", "d4b10120"), {@code 0x} and {@code \x} prefixes, colons, commas
 * and dashes between bytes, {@code #} comments, and dumps with an offset column and an ASCII column as
 * {@code xxd}, {@code tshark -x}, Wireshark's "Copy as Hex Dump" and {@code hexdump -C} print them. Parsed by hand: no library reads these dump layouts.
 *
 * <p>How the offset column is recognised: every line starts with a hex number followed by a colon (xxd), or
 * the paragraph's first line starts with a zero offset of at least four digits followed by two or more spaces
 * and every line starts with a larger hex number than the one before (tshark, hexdump). The offsets then say how
 * many bytes each line holds, which separates the hex from the ASCII column; on the last line the hex area ends at
 * the first gap of two or more blanks (or at a bar), as in all these layouts.
 */
final class HexTextSource extends AbstractSource {
    /** Longest line accepted: a 64 KiB message written on one line with separators fits. */
    static final int MAX_LINE = 512 * 1024;
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern ZERO_OFFSET = Pattern.compile("0{4,}(\\s{2,}|\\t).*");
    private static final Pattern OFFSET_TOKEN = Pattern.compile("(?:0[xX])?[0-9A-Fa-f]{2,}");

    private record Line(long number, long offset, String text) {
    }

    private long lineNumber;
    private long messages;
    /** Gap-separated groups of hex per dump line, learnt from the lines of the current paragraph. */
    private int hexGroups = 1;

    HexTextSource(ByteInput in, String name, long totalBytes) {
        super(in, name, totalBytes);
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.HEX_TEXT;
    }

    /** Detection: text without control bytes whose first meaningful line starts with hex. */
    static boolean looksLikeHexText(byte[] head, int len) {
        if (len == 0) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            int c = head[i] & 0xFF;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                return false;
            }
            if (c == 0x7F) {
                return false;
            }
        }
        String text = new String(head, 0, len, StandardCharsets.UTF_8);
        for (String raw : text.split("\n", -1)) {
            String line = stripComment(raw).strip();
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            String first = line.split("\\s+", 2)[0];
            if (first.endsWith(":") && OFFSET_TOKEN.matcher(first.substring(0, first.length() - 1)).matches()) {
                return true;
            }
            // hex digits with the usual prefixes and separators; an odd count is reported later with its line
            String digits = first.replaceAll("0[xX]|\\\\[xX]|[:,\\-]", "");
            return !digits.isEmpty() && digits.chars().allMatch(c -> hexDigit((char) c) >= 0);
        }
        return false;
    }

    @Override
    protected DnsPacket read() throws IOException {
        List<Line> block = new ArrayList<>();
        long chars = 0;
        while (true) {
            long at = in.position();
            byte[] raw = in.readLine(MAX_LINE + 1);
            if (raw == null) {
                break;
            }
            lineNumber++;
            if (raw.length > MAX_LINE) {
                throw fault(at, "line " + lineNumber + " is longer than " + MAX_LINE + " characters");
            }
            String full = new String(raw, StandardCharsets.UTF_8);
            if (lineNumber == 1 && full.startsWith("\uFEFF")) {
                full = full.substring(1);
            }
            if (full.isBlank()) {
                if (!block.isEmpty()) {
                    break; // a blank line ends the message
                }
                continue;
            }
            String text = stripComment(full).stripTrailing();
            if (text.isBlank()) {
                continue; // a comment line does not end the message
            }
            chars += text.length();
            if (chars > 4L * MAX_LINE) {
                throw fault(at, "the message that starts at line " + block.get(0).number() + " is longer than a DNS"
                        + " message can be (65535 bytes)");
            }
            block.add(new Line(lineNumber, at, text));
        }
        if (block.isEmpty()) {
            return null;
        }
        byte[] message = parseBlock(block);
        messages++;
        framesRead = messages;
        return new DnsPacket(messages, Instant.EPOCH, CaptureFiles.UNKNOWN_ADDRESS, CaptureFiles.UNKNOWN_ADDRESS,
                Transport.UDP, message);
    }

    private static String stripComment(String s) {
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }

    private byte[] parseBlock(List<Line> block) throws CaptureException {
        long[] offsets = offsets(block);
        hexGroups = 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < block.size(); i++) {
            Line line = block.get(i);
            if (offsets == null) {
                for (String token : line.text().strip().split("[\\s,]+")) {
                    if (!token.isEmpty()) {
                        appendToken(out, token, line);
                    }
                }
            } else {
                // offsets count from the first line's (xxd -s starts elsewhere than 0)
                if (offsets[i] - offsets[0] != out.size()) {
                    throw fault(line, "offset 0x" + Long.toHexString(offsets[i]) + " does not follow the "
                            + out.size() + " bytes before it");
                }
                String rest = afterOffset(line.text());
                long step = i + 1 < block.size() ? offsets[i + 1] - offsets[i] : -1;
                if (step > MAX_LINE) {
                    throw fault(block.get(i + 1), "offset 0x" + Long.toHexString(offsets[i + 1])
                            + " is too far from the line before");
                }
                int expected = (int) step;
                dumpLine(out, rest, expected, line);
            }
            if (out.size() > CaptureFiles.MAX_DNS_MESSAGE) {
                throw fault(line, "the message that starts at line " + block.get(0).number()
                        + " is longer than a DNS message can be (65535 bytes)");
            }
        }
        if (out.size() == 0) {
            throw fault(block.get(0), "offsets but no hex bytes");
        }
        return out.toByteArray();
    }

    /** The offset column's values, or null when the paragraph has none. */
    private static long[] offsets(List<Line> block) {
        long[] values = new long[block.size()];
        boolean colons = true;
        for (int i = 0; i < block.size(); i++) {
            String first = block.get(i).text().strip().split("\\s+", 2)[0];
            if (!first.endsWith(":") || !OFFSET_TOKEN.matcher(first.substring(0, first.length() - 1)).matches()) {
                colons = false;
                break;
            }
        }
        if (!colons && !ZERO_OFFSET.matcher(block.get(0).text().strip()).matches()) {
            return null;
        }
        for (int i = 0; i < block.size(); i++) {
            String first = block.get(i).text().strip().split("\\s+", 2)[0];
            if (first.endsWith(":")) {
                first = first.substring(0, first.length() - 1);
            }
            if (!OFFSET_TOKEN.matcher(first).matches() || first.length() > 18) {
                return null;
            }
            String digits = first.startsWith("0x") || first.startsWith("0X") ? first.substring(2) : first;
            if (digits.length() > 15) {
                return null;
            }
            values[i] = Long.parseLong(digits, 16);
            if (i > 0 && values[i] <= values[i - 1]) {
                return null;
            }
        }
        return values;
    }

    private static String afterOffset(String text) {
        String s = text.strip();
        Matcher m = Pattern.compile("^\\S+\\s*").matcher(s);
        return m.find() ? s.substring(m.end()) : "";
    }

    /**
     * One dump line after its offset column. {@code expected} is how many bytes the next line's offset says this
     * line has, or -1 on the last line. The hex area ends at the ASCII column, which every dump layout separates
     * by at least two spaces (xxd, tshark -x) or a bar (hexdump -C); layouts with a wider gap inside the hex area
     * (hexdump -C after eight bytes) are learnt from the earlier lines of the paragraph.
     */
    private void dumpLine(ByteArrayOutputStream out, String rest, int expected, Line line) throws CaptureException {
        int start = out.size();
        Matcher tokens = TOKEN.matcher(rest);
        int group = 0;
        int previousEnd = -1;
        boolean bars = rest.indexOf('|') >= 0;
        while (tokens.find()) {
            String token = tokens.group();
            if (token.startsWith("|")) {
                break; // hexdump -C: the ASCII column
            }
            if (previousEnd >= 0 && isGap(rest, previousEnd, tokens.start())) {
                group++;
            }
            previousEnd = tokens.end();
            if (expected >= 0) {
                if (out.size() - start >= expected || hexToken(token, null) == null) {
                    break; // the promised bytes are read; the rest is the ASCII column
                }
                appendToken(out, token, line);
                hexGroups = Math.max(hexGroups, group + 1);
            } else {
                if ((!bars && group >= hexGroups) || hexToken(token, null) == null) {
                    break; // the ASCII column of the last line
                }
                appendToken(out, token, line);
            }
        }
        if (expected >= 0 && out.size() - start != expected) {
            throw fault(line, "the line holds " + (out.size() - start) + " bytes but the next offset says "
                    + expected);
        }
    }

    /** Two or more blanks (or a tab) between tokens separate the hex area from the ASCII column. */
    private static boolean isGap(String s, int from, int to) {
        return to - from >= 2 || s.substring(from, to).indexOf('\t') >= 0;
    }

    private void appendToken(ByteArrayOutputStream out, String token, Line line) throws CaptureException {
        String[] problem = new String[1];
        byte[] bytes = hexToken(token, problem);
        if (bytes == null) {
            throw fault(line, problem[0]);
        }
        out.write(bytes, 0, bytes.length);
    }

    /**
     * The bytes of one token ("d4b1", "0xd4", "d4:b1", "\xd4\xb1"), or null with the reason in {@code problem}.
     */
    static byte[] hexToken(String token, String[] problem) {
        String t = token;
        if (t.endsWith(",")) {
            t = t.substring(0, t.length() - 1);
        }
        StringBuilder digits = new StringBuilder();
        for (String part : t.split("[:\\-]|\\\\x|\\\\X", -1)) {
            String p = part;
            if (p.startsWith("0x") || p.startsWith("0X")) {
                p = p.substring(2);
            }
            if (p.isEmpty()) {
                continue;
            }
            if (p.length() % 2 != 0) {
                if (problem != null) {
                    problem[0] = "'" + token + "' has an odd number of hex digits";
                }
                return null;
            }
            digits.append(p);
        }
        if (digits.length() == 0) {
            if (problem != null) {
                problem[0] = "'" + token + "' is not hex";
            }
            return null;
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = hexDigit(digits.charAt(2 * i));
            int lo = hexDigit(digits.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                if (problem != null) {
                    problem[0] = "'" + token + "' is not hex";
                }
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** ASCII hex digits only (Character.digit would also take other scripts' digits). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private CaptureException fault(Line line, String problem) {
        return new CaptureException(name, messages + 1, line.offset(), "line " + line.number() + ": " + problem);
    }

    private CaptureException fault(long offset, String problem) {
        return new CaptureException(name, messages + 1, offset, problem);
    }
}
