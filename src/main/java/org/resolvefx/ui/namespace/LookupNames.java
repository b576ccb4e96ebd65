package org.resolvefx.ui.namespace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.resolvefx.core.playback.Arrow;
import org.resolvefx.core.playback.ArrowOutcome;
import org.resolvefx.core.playback.NamespaceFocus;
import org.resolvefx.core.playback.Playback;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.trace.MessageFacts;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;

/**
 * The names a trace is about, worked out once per trace (not per step): which names the default
 * view keeps expanded, which names must be in the drawn tree even if the world does not have them
 * (an NXDOMAIN question), and from which message on a name counts as answered NXDOMAIN.
 */
final class LookupNames {

    static final LookupNames NONE = new LookupNames(Set.of(), Set.of(), List.of());

    /** Every name the lookup touches: question, alias targets, side-lookup names, touched zones, NXDOMAIN names. */
    private final Set<Name> interesting;
    /** The names among those that are not zones (they may be missing from a world's tree). */
    private final Set<Name> asked;
    /** NXDOMAIN responses in arrow order: the arrow number and the name they deny. */
    private final List<Denial> denials;

    private record Denial(int arrowNumber, Name name) {
    }

    private LookupNames(Set<Name> interesting, Set<Name> asked, List<Denial> denials) {
        this.interesting = interesting;
        this.asked = asked;
        this.denials = denials;
    }

    static LookupNames of(Playback playback) {
        if (playback == null) {
            return NONE;
        }
        PlaybackState last = playback.last();
        NamespaceFocus f = last.namespaceFocus();
        Set<Name> asked = new LinkedHashSet<>();
        asked.add(playback.trace().question().name());
        asked.addAll(f.nameChain());
        asked.addAll(f.sideResolutions());
        List<Denial> denials = new ArrayList<>();
        for (Arrow a : last.arrows()) {
            if (a.isResponse() && a.rcode() == Rcode.NXDOMAIN && a.outcome() != ArrowOutcome.IGNORED) {
                // RFC 6604: after a CNAME the rcode is about the last name of the chain
                Optional<MessageFacts> facts = MessageFacts.of(a.message());
                if (facts.isPresent() && !facts.get().aliasChain().isEmpty()) {
                    Name denied = facts.get().finalName();
                    denials.add(new Denial(a.number(), denied));
                    asked.add(denied);
                }
            }
        }
        Set<Name> interesting = new LinkedHashSet<>(asked);
        interesting.addAll(f.zonePath());
        return new LookupNames(Collections.unmodifiableSet(interesting), Collections.unmodifiableSet(asked),
                List.copyOf(denials));
    }

    Set<Name> interesting() {
        return interesting;
    }

    Set<Name> asked() {
        return asked;
    }

    /** The names answered NXDOMAIN by the messages up to the cursor of {@code state}. */
    Set<Name> nxdomainAt(PlaybackState state) {
        if (state == null || denials.isEmpty()) {
            return Set.of();
        }
        int arrows = state.arrows().size();
        Set<Name> out = new LinkedHashSet<>();
        for (Denial d : denials) {
            if (d.arrowNumber() <= arrows) {
                out.add(d.name());
            }
        }
        return out;
    }
}
