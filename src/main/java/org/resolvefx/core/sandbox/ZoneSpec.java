package org.resolvefx.core.sandbox;

import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/**
 * One zone of a world: where it came from, its master-file text (for showing and what-if editing)
 * and its parsed, checked records.
 *
 * @param origin     the zone's apex ("tu-darmstadt.de.")
 * @param source     the file as named in messages ("zones/tu-darmstadt.de.zone")
 * @param masterText the RFC 1035 master file text
 * @param contents   the records, indexed for lookups
 */
public record ZoneSpec(Name origin, String source, String masterText, ZoneContents contents) {
    public ZoneSpec {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(masterText, "masterText");
        Objects.requireNonNull(contents, "contents");
        if (!origin.equals(contents.origin())) {
            throw new IllegalArgumentException("contents are for " + contents.origin() + ", not " + origin);
        }
    }

    /** Parses and checks master-file text into a zone. */
    public static ZoneSpec parse(Name origin, String source, String masterText) throws WorldException {
        return new ZoneSpec(origin, source, masterText, ZoneFileParser.parse(origin, masterText, source));
    }

    public List<Record> records() {
        return contents.records();
    }

    public SOARecord soa() {
        return contents.soa();
    }

    /** Apex NS names. */
    public List<Name> nsNames() {
        return contents.nsNames();
    }

    /** Child zone cuts (owners of NS records below the apex). */
    public List<Name> delegations() {
        return contents.delegations();
    }

    /** The zone with the same origin and new text (checked). */
    public ZoneSpec withText(String newText) throws WorldException {
        return parse(origin, source, newText);
    }

    /** "tu-darmstadt.de." or "." for the root. */
    public String originText() {
        return origin.toString();
    }
}
