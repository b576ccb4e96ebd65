package org.resolvefx.core.sandbox;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Reads an RFC 1035 master file with dnsjava's {@link Master} and checks what a zone needs
 * (one SOA at the apex, NS at the apex, no records outside the zone, no CNAME beside other data,
 * only loopback or documentation addresses). Every problem names the file and line.
 */
public final class ZoneFileParser {
    /** Large enough for any teaching zone, small enough that a pasted mistake cannot exhaust memory. */
    static final int MAX_RECORDS = 100_000;
    static final int MAX_TEXT_CHARS = 8_000_000;

    private ZoneFileParser() {
    }

    /**
     * Parses and checks a zone.
     *
     * @param origin the zone's name (relative names in the file are relative to it)
     * @param text   the master file text
     * @param source the file name to put in messages ("zones/de.zone")
     */
    public static ZoneContents parse(Name origin, String text, String source) throws WorldException {
        List<Located> located = read(origin, text, source);
        return check(origin, located, source);
    }

    /** A record and the line it ends on. */
    record Located(Record record, int line) {
    }

    static List<Located> read(Name origin, String text, String source) throws WorldException {
        if (!origin.isAbsolute()) {
            throw new WorldException(source, 0, "zone origin must be absolute: " + origin);
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new WorldException(source, 0, "zone file too large (" + text.length() + " characters, at most "
                    + MAX_TEXT_CHARS + ")");
        }
        LineCountingStream counting = new LineCountingStream(text.getBytes(StandardCharsets.UTF_8));
        List<Located> out = new ArrayList<>();
        // a one-byte buffer: dnsjava's Tokenizer uses a BufferedInputStream as it is, so the newlines
        // consumed so far tell on which line the record just returned ends (Master exposes no line)
        try (Master master = new Master(new BufferedInputStream(counting, 1), origin, 3600)) {
            master.disableIncludes(true); // a zone file must not read other files of the machine: $INCLUDE is an error
            int previous = 0;
            Record r;
            while ((r = master.nextRecord()) != null) {
                int line = Math.max(previous + 1, counting.newlines);
                previous = counting.newlines;
                out.add(new Located(r, line));
                if (out.size() > MAX_RECORDS) {
                    throw new WorldException(source, line, "too many records (more than " + MAX_RECORDS + ")");
                }
            }
        } catch (WorldException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new WorldException(source, lineOf(e, counting), describe(e), e);
        }
        return out;
    }

    static ZoneContents check(Name origin, List<Located> located, String source) throws WorldException {
        List<Record> records = new ArrayList<>();
        Map<Name, Integer> cnameLine = new HashMap<>();
        Map<Name, Integer> otherLine = new HashMap<>();
        int soaCount = 0;
        for (Located l : located) {
            Record r = l.record();
            Name owner = r.getName();
            if (r.getDClass() != DClass.IN) {
                throw new WorldException(source, l.line(), "only class IN is served, not " + DClass.string(r.getDClass()));
            }
            if (!owner.subdomain(origin)) {
                throw new WorldException(source, l.line(), "record owner " + owner + " is outside the zone " + origin);
            }
            if (r.getType() == Type.SOA) {
                if (!owner.equals(origin)) {
                    throw new WorldException(source, l.line(), "SOA owner " + owner + " is not the zone apex " + origin);
                }
                if (++soaCount > 1) {
                    throw new WorldException(source, l.line(), "a second SOA record; a zone has exactly one");
                }
            }
            if (r instanceof ARecord a && !SandboxAddresses.isAllowedInRecords(a.getAddress())
                    || r instanceof AAAARecord aaaa && !SandboxAddresses.isAllowedInRecords(aaaa.getAddress())) {
                throw new WorldException(source, l.line(), "address " + r.rdataToString() + " of " + owner
                        + " is outside 127.0.0.0/8, ::1 and the documentation prefixes (192.0.2.0/24, "
                        + "198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32): the sandbox must never send anyone "
                        + "to a real host");
            }
            if (r.getType() == Type.CNAME) {
                if (cnameLine.containsKey(owner)) {
                    throw new WorldException(source, l.line(), "a second CNAME at " + owner + " (first on line "
                            + cnameLine.get(owner) + "); an alias has exactly one target");
                }
                cnameLine.put(owner, l.line());
            } else if (!isDnssecType(r.getType())) {
                otherLine.putIfAbsent(owner, l.line());
            }
            Integer c = cnameLine.get(owner);
            Integer o = otherLine.get(owner);
            if (c != null && o != null) {
                throw new WorldException(source, Math.max(c, o), "CNAME and other data at " + owner
                        + " (lines " + Math.min(c, o) + " and " + Math.max(c, o) + "); an alias can have no other records"
                        + " (RFC 1034 3.6.2)");
            }
            records.add(r);
        }
        if (soaCount == 0) {
            throw new WorldException(source, 0, "zone " + origin + " has no SOA record at its apex");
        }
        boolean apexNs = false;
        for (Record r : records) {
            apexNs |= r.getType() == Type.NS && r.getName().equals(origin);
        }
        if (!apexNs) {
            throw new WorldException(source, 0, "zone " + origin + " has no NS records at its apex");
        }
        return new ZoneContents(origin, records);
    }

    private static boolean isDnssecType(int type) {
        return type == Type.RRSIG || type == Type.NSEC || type == Type.NSEC3;
    }

    private static final java.util.regex.Pattern TOKENIZER_LINE = java.util.regex.Pattern.compile("^<none>:(\\d+): ");

    /**
     * The line the failing token is on. dnsjava counts a line as soon as its newline is read, so an
     * error at the end of a line ("expected an address") carries the next line's number; our own count
     * of the bytes consumed knows better. dnsjava's number is the fallback.
     */
    private static int lineOf(Exception e, LineCountingStream counting) {
        if (counting.consumed > 0) {
            return counting.lastByte == '\n' ? counting.newlines : counting.newlines + 1;
        }
        String m = e.getMessage();
        if (m != null) {
            java.util.regex.Matcher matcher = TOKENIZER_LINE.matcher(m);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        return counting.newlines + 1;
    }

    /** dnsjava's message without its "<none>:12: " prefix (we add the real file name and line). */
    private static String describe(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "cannot read zone: " + e.getClass().getSimpleName();
        }
        m = TOKENIZER_LINE.matcher(m).replaceFirst("");
        return "syntax error: " + m;
    }

    /** Counts the newlines handed out, one byte at a time. */
    private static final class LineCountingStream extends InputStream {
        private final byte[] bytes;
        private int pos;
        int newlines;
        int consumed;
        int lastByte = -1;

        LineCountingStream(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            if (pos >= bytes.length) {
                return -1;
            }
            int c = bytes[pos++] & 0xFF;
            consumed++;
            lastByte = c;
            if (c == '\n') {
                newlines++;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }

        @Override
        public int available() {
            return 0; // never let a reader pull ahead of the line count
        }
    }

}
