package org.resolvefx.ui.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.ui.namespace.Fixtures.name;

import org.junit.jupiter.api.Test;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.playback.Playback;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.trace.Trace;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;

class LookupNamesTest {

    @Test
    void theLecturesLookupIsAboutItsZonesAndBothNames() {
        LookupNames n = LookupNames.of(Playback.of(Fixtures.recursiveCold()));
        assertThat(n.interesting()).contains(Name.root, name("de."), name("tu-darmstadt.de."),
                name("informatik.tu-darmstadt.de."), name("www.p2p.tu-darmstadt.de."),
                name("charon.dekanat.informatik.tu-darmstadt.de."));
        assertThat(n.asked()).containsExactlyInAnyOrder(name("www.p2p.tu-darmstadt.de."),
                name("charon.dekanat.informatik.tu-darmstadt.de."));
        assertThat(LookupNames.NONE.interesting()).isEmpty();
        assertThat(LookupNames.of(null)).isSameAs(LookupNames.NONE);
    }

    @Test
    void nxdomainCountsFromTheResponseThatSaysIt() {
        Name nosuch = name("nosuchhost.tu-darmstadt.de.");
        Trace t = Fixtures.capture("d-nxdomain").stream().filter(x -> x.question().name().equals(nosuch))
                .findFirst().orElseThrow();
        Playback p = Playback.of(t);
        LookupNames n = LookupNames.of(p);
        assertThat(n.asked()).contains(nosuch);
        boolean seen = false;
        for (int k = 0; k <= p.length(); k++) {
            PlaybackState s = p.stateAt(k);
            boolean said = s.arrows().stream().anyMatch(a -> a.isResponse() && a.rcode() == Rcode.NXDOMAIN);
            assertThat(n.nxdomainAt(s).contains(nosuch)).as("position " + k).isEqualTo(said);
            seen |= said;
        }
        assertThat(seen).isTrue();
        // the world has no such name; the view adds it so that the mark has a node
        NamespaceTree shown = NamespaceView.withNames(Fixtures.defaultWorldTree(), n.asked());
        assertThat(shown.contains(nosuch)).isTrue();
        assertThat(shown.zoneOf(nosuch).name()).isEqualTo(name("tu-darmstadt.de."));
        assertThat(NamespaceView.withNames(Fixtures.defaultWorldTree(), java.util.Set.of(name("de."))))
                .isSameAs(Fixtures.defaultWorldTree());
    }
}
