package org.resolvefx.core.playback;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * What the namespace tree lights up at the cursor.
 *
 * @param zonePath           zones the lookup has touched so far, in order ({@code . -> de. -> tu-darmstadt.de.}):
 *                           a zone is touched when one of its servers is asked or a referral to it is followed
 * @param referringZone      the zone whose server has just handed out a referral (current event only)
 * @param referredZone       the zone that referral points to (current event only)
 * @param askedZone          the zone of the server asked last, when known
 * @param currentName        the name being resolved now: the question, then each CNAME/DNAME target
 * @param nameChain          the question name followed by every alias target so far
 * @param sideResolutions    server names looked up on the side because a delegation had no glue
 * @param activeSideResolution the side lookup under way at the cursor, if any
 */
public record NamespaceFocus(List<Name> zonePath, Optional<Name> referringZone, Optional<Name> referredZone,
                             Optional<Name> askedZone, Name currentName, List<Name> nameChain,
                             List<Name> sideResolutions, Optional<Name> activeSideResolution) {

    public NamespaceFocus {
        zonePath = List.copyOf(zonePath);
        Objects.requireNonNull(referringZone, "referringZone");
        Objects.requireNonNull(referredZone, "referredZone");
        Objects.requireNonNull(askedZone, "askedZone");
        Objects.requireNonNull(currentName, "currentName");
        nameChain = List.copyOf(nameChain);
        sideResolutions = List.copyOf(sideResolutions);
        Objects.requireNonNull(activeSideResolution, "activeSideResolution");
    }

    /** True when the zone has been touched by the lookup so far. */
    public boolean touched(Name zone) {
        return zonePath.contains(zone);
    }
}
