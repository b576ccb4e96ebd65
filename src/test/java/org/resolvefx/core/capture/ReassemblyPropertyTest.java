package org.resolvefx.core.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.xbill.DNS.Type;

/**
 * However a TCP stream of DNS messages is cut into segments, reordered and partly retransmitted, the reader
 * finds the same messages in order, each at the frame where the bytes up to its end first became contiguous.
 */
class ReassemblyPropertyTest {

    @Provide
    Arbitrary<List<byte[]>> messages() {
        Arbitrary<byte[]> query = Arbitraries.integers().between(0, 0xFFFF).flatMap(id -> Arbitraries.strings()
                .withCharRange('a', 'z').ofMinLength(1).ofMaxLength(40)
                .map(label -> TestFrames.query(id, label + ".example.", Type.AAAA)));
        Arbitrary<byte[]> response = Arbitraries.integers().between(1, 30).map(n -> TestFrames.bigResponse(n, n));
        return Arbitraries.oneOf(query, query, response).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 300)
    void anySegmentationOrderAndRetransmissionGivesTheSameMessages(@ForAll("messages") List<byte[]> messages,
            @ForAll @IntRange(min = 1, max = 700) int maxSegment, @ForAll @IntRange(max = 8) int reorderWindow,
            @ForAll @IntRange(max = 5) int retransmissions, @ForAll @IntRange(max = 0xFFFF) int isnHigh,
            @ForAll Random random) {
        byte[] stream = TestFrames.lengthPrefixed(messages.toArray(new byte[0][]));
        int isn = (isnHigh << 16) | 0xFFF0; // often close to a wrap of the sequence numbers
        List<int[]> segments = new ArrayList<>(); // {offset, length}
        for (int off = 0; off < stream.length; ) {
            int len = Math.min(stream.length - off, 1 + random.nextInt(maxSegment));
            segments.add(new int[] {off, len});
            off += len;
        }
        // reorder: each segment moves back by at most reorderWindow places
        for (int i = segments.size() - 1; i > 0; i--) {
            int j = Math.max(0, i - random.nextInt(reorderWindow + 1));
            Collections.swap(segments, i, j);
        }
        for (int r = 0; r < retransmissions && !segments.isEmpty(); r++) {
            int[] again = segments.get(random.nextInt(segments.size()));
            int cut = random.nextInt(again[1]); // a retransmission may also overlap only partly
            segments.add(random.nextInt(segments.size() + 1), new int[] {again[0] + cut, again[1] - cut});
        }

        List<byte[]> frames = new ArrayList<>();
        frames.add(TestFrames.tcpFrame(TestFrames.SERVER, 53, TestFrames.CLIENT, 41000, isn, TestFrames.SYN,
                new byte[0]));
        for (int[] s : segments) {
            frames.add(TestFrames.tcpFrame(TestFrames.SERVER, 53, TestFrames.CLIENT, 41000, isn + 1 + s[0],
                    TestFrames.ACK, TestFrames.slice(stream, s[0], s[0] + s[1])));
        }
        List<DnsPacket> packets = Reading.packets(PcapWriter.file(LinkLayer.ETHERNET, frames.toArray(new byte[0][])));

        assertThat(packets).extracting(DnsPacket::message).containsExactlyElementsOf(messages);
        assertThat(packets).extracting(DnsPacket::frame).containsExactlyElementsOf(completionFrames(messages, segments));
    }

    /** Frame numbers (the SYN is frame 1) at which the contiguous prefix first reaches each message's end. */
    private static List<Long> completionFrames(List<byte[]> messages, List<int[]> segments) {
        int total = messages.stream().mapToInt(m -> m.length + 2).sum();
        boolean[] have = new boolean[total];
        int prefix = 0;
        List<Long> frames = new ArrayList<>();
        int next = 0;
        int end = messages.get(0).length + 2;
        for (int i = 0; i < segments.size(); i++) {
            int[] s = segments.get(i);
            for (int k = s[0]; k < s[0] + s[1]; k++) {
                have[k] = true;
            }
            while (prefix < total && have[prefix]) {
                prefix++;
            }
            while (next < messages.size() && prefix >= end) {
                frames.add(i + 2L);
                next++;
                end += next < messages.size() ? messages.get(next).length + 2 : 0;
            }
        }
        return frames;
    }
}
