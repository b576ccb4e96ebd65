package org.resolvefx.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.capture.DnsPacket;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;

class MessageFactsTest {

    private static final List<DnsPacket> A = Captures.packets("a-recursive-cold.pcap");

    private static MessageFacts frame(List<DnsPacket> packets, int frame) {
        return MessageFacts.of(packets.get(frame - 1).message()).orElseThrow();
    }

    @Test
    void theColdLookupMessagesAreClassified() {
        assertThat(frame(A, 1).kind()).isEqualTo(MessageFacts.Kind.QUERY);
        assertThat(frame(A, 1).recursionDesired()).isTrue();
        assertThat(frame(A, 3).kind()).isEqualTo(MessageFacts.Kind.ANSWER); // priming answer, ". NS"
        assertThat(frame(A, 3).nameServers()).extracting(ns -> ns.server().toString(), ns -> ns.addresses().size())
                .contains(org.assertj.core.groups.Tuple.tuple("a.root-servers.net.", 1));

        MessageFacts referral = frame(A, 5);
        assertThat(referral.kind()).isEqualTo(MessageFacts.Kind.REFERRAL);
        assertThat(referral.referral().orElseThrow().zone().toString()).isEqualTo("de.");
        assertThat(referral.referral().get().hasGlue()).isTrue();

        MessageFacts alias = frame(A, 9);
        assertThat(alias.kind()).isEqualTo(MessageFacts.Kind.ALIAS);
        assertThat(alias.isAuthoritative()).isTrue();
        assertThat(alias.aliasChain()).extracting(Object::toString)
                .containsExactly("www.p2p.tu-darmstadt.de.", "charon.dekanat.informatik.tu-darmstadt.de.");
        assertThat(alias.finalRecords()).isEmpty();
        // the referral for the alias target rides along
        assertThat(alias.referral().orElseThrow().zone().toString()).isEqualTo("informatik.tu-darmstadt.de.");

        MessageFacts answer = frame(A, 13);
        assertThat(answer.kind()).isEqualTo(MessageFacts.Kind.ANSWER);
        assertThat(answer.finalRecords()).hasSize(1);
        assertThat(answer.referral()).isEmpty();

        MessageFacts toClient = frame(A, 14);
        assertThat(toClient.kind()).isEqualTo(MessageFacts.Kind.ALIAS);
        assertThat(toClient.recursionAvailable()).isTrue();
        assertThat(toClient.finalRecords()).hasSize(1);
        assertThat(toClient.answerTexts()).containsExactly(
                "www.p2p.tu-darmstadt.de. 3600 IN CNAME charon.dekanat.informatik.tu-darmstadt.de.",
                "charon.dekanat.informatik.tu-darmstadt.de. 3600 IN A 127.0.31.10");
    }

    @Test
    void negativeAndTruncatedAnswers() {
        List<DnsPacket> d = Captures.packets("d-nxdomain.pcap");
        MessageFacts nx = frame(d, 9);
        assertThat(nx.kind()).isEqualTo(MessageFacts.Kind.NXDOMAIN);
        assertThat(nx.soa().orElseThrow().getName().toString()).isEqualTo("tu-darmstadt.de.");
        assertThat(nx.negativeTtlSeconds()).isEqualTo(300);

        List<DnsPacket> c = Captures.packets("c-tc-tcp-fallback.pcap");
        MessageFacts tc = frame(c, 2);
        assertThat(tc.kind()).isEqualTo(MessageFacts.Kind.TRUNCATED);
        assertThat(tc.answers()).hasSize(29);
        assertThat(frame(c, 4).kind()).isEqualTo(MessageFacts.Kind.ANSWER);
        assertThat(frame(c, 4).answers()).hasSize(40);
    }

    @Test
    void garbageHasNoFacts() {
        assertThat(MessageFacts.of(new byte[0])).isEmpty();
        assertThat(MessageFacts.of(new byte[] {1, 2, 3})).isEmpty();
    }

    // ------------------------------------------------------------------ property

    /** Damaged messages never make the classifier or the narrator throw. */
    @Property(tries = 500)
    void damagedMessagesAreHandled(@ForAll("damaged") byte[] bytes) {
        MessageFacts.of(bytes).ifPresent(f -> {
            assertThat(f.kind()).isNotNull();
            f.nameServers();
            f.answerTexts();
            f.referral();
        });
        WireMessage m = new WireMessage("e1", "e3", SocketAddr.parse("127.0.0.1:5000", 53),
                SocketAddr.parse("127.0.1.1:53", 53), Transport.UDP, bytes, 0);
        Map<String, Endpoint> eps = Narrator.endpointsById(TestTraces.endpoints());
        for (ResolutionMode mode : ResolutionMode.values()) {
            Narration n = Narrator.forMessage(m, eps, mode);
            assertThat(n.en()).isNotBlank();
            assertThat(n.de()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        Arbitrary<byte[]> flipped = Combinators.combine(Arbitraries.integers().between(0, 50),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.integers().between(0, 7))
                .as((which, positions, bit) -> {
                    List<DnsPacket> all = new java.util.ArrayList<>(A);
                    all.addAll(Captures.packets("c-tc-tcp-fallback.pcap"));
                    byte[] b = all.get(which % all.size()).message();
                    for (int p : positions) {
                        b[p % b.length] ^= (byte) (1 << bit);
                    }
                    return b;
                });
        Arbitrary<byte[]> cut = Combinators.combine(Arbitraries.integers().between(0, 13),
                        Arbitraries.integers().between(0, 400))
                .as((which, len) -> {
                    byte[] b = A.get(which).message();
                    return java.util.Arrays.copyOf(b, Math.min(len, b.length));
                });
        return Arbitraries.oneOf(flipped, cut, Arbitraries.bytes().array(byte[].class).ofMaxSize(100));
    }
}
