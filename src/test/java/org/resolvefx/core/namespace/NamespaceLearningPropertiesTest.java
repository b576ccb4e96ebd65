package org.resolvefx.core.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.playback.CaptureFixture;
import org.resolvefx.core.playback.TraceKit;
import org.resolvefx.core.trace.WireMessage;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Fuzzing the learner (it parses messages): it never throws, and what it builds is always a proper tree. */
class NamespaceLearningPropertiesTest {

    private static final List<byte[]> REAL = CaptureFixture.read("a-recursive-cold.pcap").stream()
            .map(CaptureFixture.Captured::dns).toList();
    private static final SocketAddr HERE = SocketAddr.parse("127.0.0.1:53", 53);

    @Property
    void mutatedRealMessagesNeverBreakTheLearner(@ForAll @IntRange(min = 0, max = 13) int which,
                                                 @ForAll @Size(max = 8) List<@IntRange(min = 0) Integer> flips,
                                                 @ForAll @IntRange(min = 0, max = 400) int cut) {
        byte[] b = REAL.get(which).clone();
        for (int f : flips) {
            b[f % b.length] ^= (byte) (1 << (f / b.length % 8));
        }
        byte[] used = java.util.Arrays.copyOf(b, Math.min(b.length, cut == 0 ? b.length : cut));
        NamespaceBuilder builder = new NamespaceBuilder();
        builder.learn(new WireMessage("a", "b", HERE, HERE, Transport.UDP, used, 0));
        assertProperTree(builder.snapshot());
    }

    @Property
    void randomBytesNeverBreakTheLearner(@ForAll @Size(max = 600) byte[] bytes) {
        NamespaceBuilder builder = new NamespaceBuilder();
        builder.learn(new WireMessage("a", "b", HERE, HERE, Transport.UDP, bytes, 0));
        assertProperTree(builder.snapshot());
    }

    @Property
    void everyRecordOwnerOfAResponseEndsUpInTheTree(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 1_000_000) Integer> genes) {
        String[] labels = {"a", "b", "www", "ns1", "de", "com", "x-y", "tu-darmstadt", "p2p"};
        byte[] q = TraceKit.query("q.example.", Type.A, 1, false);
        Message m = TraceKit.response(q, genes.get(0) % 2 == 0 ? Rcode.NOERROR : Rcode.NXDOMAIN, false, false);
        List<Name> owners = new java.util.ArrayList<>();
        for (int g : genes) {
            StringBuilder n = new StringBuilder();
            for (int i = 0; i <= g % 4; i++) {
                n.append(labels[(g >> (3 * i + 2)) % labels.length]).append('.');
            }
            String owner = n.toString();
            owners.add(LectureWorld.name(owner));
            int section = new int[] {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}[g % 3];
            String rec = switch ((g >> 5) % 4) {
                case 0 -> owner + " 60 IN A 127.0.0." + (g % 250);
                case 1 -> owner + " 60 IN NS ns1." + owner;
                case 2 -> owner + " 60 IN CNAME www." + owner;
                default -> owner + " 60 IN SOA ns1." + owner + " h." + owner + " 1 2 3 4 5";
            };
            m.addRecord(TraceKit.rr(rec), section);
        }
        NamespaceBuilder builder = new NamespaceBuilder();
        assertThat(builder.learn(m)).isTrue();
        NamespaceTree t = builder.snapshot();
        assertProperTree(t);
        for (Name owner : owners) {
            assertThat(t.contains(owner)).as("%s", owner).isTrue();
            assertThat(t.node(owner).orElseThrow().isImplied()).isFalse();
        }
    }

    static void assertProperTree(NamespaceTree t) {
        assertThat(t.root().name()).isEqualTo(Name.root);
        assertThat(t.root().zoneApex()).isTrue();
        for (NamespaceNode n : t.nodes()) {
            NamespaceNode zone = t.node(n.zone()).orElseThrow();
            assertThat(zone.zoneApex()).isTrue();
            assertThat(n.name().subdomain(n.zone())).isTrue();
            assertThat(n.nameServers()).isEqualTo(zone.nameServers());
            for (int i = 0; i < n.children().size(); i++) {
                NamespaceNode c = n.children().get(i);
                assertThat(new Name(c.name(), 1)).isEqualTo(n.name());
                assertThat(c.zone()).isEqualTo(c.zoneApex() ? c.name() : n.zone());
                if (i > 0) {
                    assertThat(n.children().get(i - 1).name().compareTo(c.name())).isNegative();
                }
            }
        }
    }
}
