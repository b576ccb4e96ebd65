package org.resolvefx.ui.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.ui.namespace.Fixtures.name;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.namespace.NamespaceNode;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.playback.Arrow;
import org.resolvefx.core.playback.NamespaceFocus;
import org.resolvefx.core.playback.Playback;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.trace.MessageFacts;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.xbill.DNS.Name;

class HighlightsTest {
    static final NamespaceTree TREE = Fixtures.defaultWorldTree();
    static final Trace TRACE = Fixtures.recursiveCold();
    static final Playback PLAYBACK = Playback.of(TRACE);

    static Highlights at(int k) {
        return Highlights.of(TREE, PLAYBACK.stateAt(k).namespaceFocus(), Set.of());
    }

    /** The position right after the first referral response sent by a server of the given role. */
    static int referralFrom(Role role) {
        for (int k = 1; k <= PLAYBACK.length(); k++) {
            PlaybackState s = PLAYBACK.stateAt(k);
            Optional<Arrow> a = s.currentArrow();
            if (!s.isMessageStep() || a.isEmpty() || !a.get().isResponse()) {
                continue;
            }
            Role from = TRACE.endpoint(a.get().fromId()).orElseThrow().role();
            MessageFacts f = MessageFacts.of(a.get().message()).orElseThrow();
            if (from == role && f.kind() == MessageFacts.Kind.REFERRAL) {
                return k;
            }
        }
        throw new AssertionError("no referral from " + role);
    }

    @Test
    void atTheStartNothingIsLitButTheQuestionIsCurrent() {
        Highlights h = at(0);
        assertThat(h.namesWith(NodeMark.ON_PATH)).isEmpty();
        assertThat(h.zonesWith(ZoneMark.TOUCHED)).isEmpty();
        assertThat(h.edges()).isEmpty();
        assertThat(h.namesWith(NodeMark.CURRENT)).containsExactly(name("www.p2p.tu-darmstadt.de."));
    }

    @Test
    void theRootsReferralMarksTheRootAsReferringOnlyWhileCurrent() {
        int k = referralFrom(Role.ROOT);
        assertThat(at(k - 1).zonesWith(ZoneMark.REFERRING)).isEmpty();
        Highlights h = at(k);
        assertThat(h.zonesWith(ZoneMark.REFERRING)).containsExactly(Name.root);
        assertThat(h.zonesWith(ZoneMark.REFERRED)).containsExactly(name("de."));
        assertThat(h.zonesWith(ZoneMark.TOUCHED)).contains(Name.root);
        assertThat(h.namesWith(NodeMark.ON_PATH)).contains(Name.root);
        // the referral is over once the resolver asks de
        int later = referralFrom(Role.TLD);
        assertThat(at(later).zonesWith(ZoneMark.REFERRING)).containsExactly(name("de."));
        assertThat(at(later).zonesWith(ZoneMark.TOUCHED)).contains(Name.root, name("de."));
        for (int i = k + 2; i < later; i++) {
            assertThat(at(i).zonesWith(ZoneMark.REFERRING)).as("position " + i).isEmpty();
        }
    }

    @Test
    void atTheEndThePathIsLitZoneByZoneAndCharonIsCurrent() {
        Highlights h = at(PLAYBACK.length());
        Name de = name("de.");
        Name tu = name("tu-darmstadt.de.");
        Name inf = name("informatik.tu-darmstadt.de.");
        Name charon = name("charon.dekanat.informatik.tu-darmstadt.de.");
        assertThat(h.zonesWith(ZoneMark.TOUCHED)).containsExactlyInAnyOrder(Name.root, de, tu, inf);
        assertThat(h.zoneOrder()).containsEntry(Name.root, 1).containsEntry(de, 2).containsEntry(tu, 3)
                .containsEntry(inf, 4);
        assertThat(h.namesWith(NodeMark.ON_PATH)).contains(Name.root, de, tu, inf, charon,
                name("dekanat.informatik.tu-darmstadt.de."), name("p2p.tu-darmstadt.de."),
                name("www.p2p.tu-darmstadt.de."));
        assertThat(h.namesWith(NodeMark.ON_PATH)).doesNotContain(name("com."), name("hrz.tu-darmstadt.de."));
        assertThat(h.namesWith(NodeMark.CURRENT)).containsExactly(charon);
        assertThat(h.namesWith(NodeMark.ALIAS)).containsExactly(name("www.p2p.tu-darmstadt.de."));
        assertThat(h.edge(de)).contains(EdgeMark.PATH);
        assertThat(h.edge(charon)).contains(EdgeMark.PATH);
        assertThat(h.edge(name("com."))).isEmpty();
    }

    @Test
    void litNamesAlwaysHaveLitParentsAndTouchedZonesAreOnThePath() {
        for (int k = 0; k <= PLAYBACK.length(); k++) {
            Highlights h = at(k);
            for (Name n : h.namesWith(NodeMark.ON_PATH)) {
                if (n.labels() > 1) {
                    assertThat(h.node(new Name(n, 1))).as("parent of " + n + " at " + k).contains(NodeMark.ON_PATH);
                    assertThat(h.edge(n)).as("edge into " + n + " at " + k).contains(EdgeMark.PATH);
                }
            }
            for (Name z : h.zonesWith(ZoneMark.TOUCHED)) {
                assertThat(h.node(z)).as(z + " at " + k).contains(NodeMark.ON_PATH);
            }
            // zones light up one after the other and never go dark while stepping forward
            if (k > 0) {
                assertThat(h.zonesWith(ZoneMark.TOUCHED)).containsAll(at(k - 1).zonesWith(ZoneMark.TOUCHED));
            }
        }
    }

    @Test
    void sideLookupNamesAreMarkedApart() {
        Name www = name("www.pbs.org.");
        Name ns1 = name("ns1.pbsdns.net.");
        NamespaceFocus during = new NamespaceFocus(List.of(Name.root, name("org."), name("net."), name("pbsdns.net.")),
                Optional.empty(), Optional.empty(), Optional.of(name("pbsdns.net.")), www, List.of(www), List.of(ns1),
                Optional.of(ns1));
        Highlights h = Highlights.of(TREE, during, Set.of());
        assertThat(h.node(ns1)).contains(NodeMark.SIDE_LOOKUP, NodeMark.SIDE_ACTIVE, NodeMark.SIDE_PATH)
                .doesNotContain(NodeMark.ON_PATH);
        assertThat(h.edge(ns1)).contains(EdgeMark.SIDE_PATH);
        assertThat(h.node(name("pbsdns.net."))).contains(NodeMark.ON_PATH);
        assertThat(h.node(www)).contains(NodeMark.CURRENT).doesNotContain(NodeMark.ON_PATH);
        assertThat(h.zonesWith(ZoneMark.ASKED)).containsExactly(name("pbsdns.net."));

        NamespaceFocus after = new NamespaceFocus(List.of(Name.root, name("org."), name("net."), name("pbsdns.net."),
                name("pbs.org.")), Optional.empty(), Optional.empty(), Optional.of(name("pbs.org.")), www, List.of(www),
                List.of(ns1), Optional.empty());
        Highlights h2 = Highlights.of(TREE, after, Set.of());
        assertThat(h2.node(ns1)).contains(NodeMark.SIDE_LOOKUP).doesNotContain(NodeMark.SIDE_ACTIVE);
        assertThat(h2.node(www)).contains(NodeMark.CURRENT, NodeMark.ON_PATH);
        assertThat(h2.zoneOrder()).containsEntry(name("pbs.org."), 5);

        // the side name's own zone not yet touched: marked, but no path to it
        NamespaceFocus early = new NamespaceFocus(List.of(Name.root, name("org.")), Optional.empty(), Optional.empty(),
                Optional.of(name("org.")), www, List.of(www), List.of(ns1), Optional.of(ns1));
        assertThat(Highlights.of(TREE, early, Set.of()).node(ns1)).contains(NodeMark.SIDE_LOOKUP)
                .doesNotContain(NodeMark.SIDE_PATH);
    }

    @Test
    void nxdomainNamesAreMarkedWhenInTheTree() {
        Name there = name("www.networkutopia.com.");
        NamespaceFocus f = new NamespaceFocus(List.of(), Optional.empty(), Optional.empty(), Optional.empty(), there,
                List.of(there), List.of(), Optional.empty());
        Highlights h = Highlights.of(TREE, f, Set.of(there, name("not.in.the.tree.")));
        assertThat(h.namesWith(NodeMark.NXDOMAIN)).containsExactly(there);
    }

    @Test
    void noFocusNoMarks() {
        assertThat(Highlights.of(TREE, null, Set.of())).isEqualTo(Highlights.NONE);
        assertThat(Highlights.NONE.describe()).isEmpty();
    }

    @Test
    void describeListsEveryMarkSorted() {
        String d = at(PLAYBACK.length()).describe();
        List<String> lines = d.lines().toList();
        assertThat(lines).contains("zone . [TOUCHED] #1", "node charon.dekanat.informatik.tu-darmstadt.de. [ON_PATH, CURRENT]");
        assertThat(lines.stream().filter(l -> l.startsWith("node ")).count()).isEqualTo(at(PLAYBACK.length()).nodes()
                .size());
        for (NamespaceNode n : TREE.nodes()) {
            assertThat(at(0).node(n.name())).isSubsetOf(Set.of(NodeMark.CURRENT));
        }
    }
}
