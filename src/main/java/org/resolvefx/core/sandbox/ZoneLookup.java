package org.resolvefx.core.sandbox;

import java.util.List;
import java.util.Objects;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * What one zone says about one name and type (RFC 1034 4.3.2 step 3), before any CNAME is followed.
 * A closed set so that the responder handles every case.
 */
public sealed interface ZoneLookup {

    /** The records asked for (several RRsets for ANY); owners are the query name (also for wildcards). */
    record Found(List<Record> records, boolean fromWildcard) implements ZoneLookup {
        public Found {
            records = List.copyOf(records);
        }
    }

    /** The name is an alias; the lookup continues at the CNAME's target. */
    record Alias(CNAMERecord cname) implements ZoneLookup {
        public Alias {
            Objects.requireNonNull(cname, "cname");
        }
    }

    /** An ancestor of the name has a DNAME (RFC 6672): the name is rewritten below the DNAME's target. */
    record Redirect(DNAMERecord dname) implements ZoneLookup {
        public Redirect {
            Objects.requireNonNull(dname, "dname");
        }
    }

    /** The name is at or below a zone cut: the child zone's NS set (not authoritative here). */
    record Referral(Name cut, List<Record> nsRecords) implements ZoneLookup {
        public Referral {
            Objects.requireNonNull(cut, "cut");
            nsRecords = List.copyOf(nsRecords);
        }
    }

    /** The name exists (possibly as an empty non-terminal) but has no records of the type. */
    record NoData() implements ZoneLookup {
    }

    /** The name does not exist in the zone. */
    record NxDomain() implements ZoneLookup {
    }
}
