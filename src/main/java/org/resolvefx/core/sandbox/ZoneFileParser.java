package org.resolvefx.core.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
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
        List<Located> out = new ArrayList<>();
        try {
            MasterFileReader.read(text, origin, 3600, (r, line) -> {
                out.add(new Located(r, line));
                if (out.size() > MAX_RECORDS) {
                    throw new WorldException(source, line, "too many records (more than " + MAX_RECORDS + ")");
                }
            });
        } catch (MasterFileReader.Fault e) {
            throw new WorldException(source, e.line(), e.getMessage(), e);
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
}
