package org.resolvefx.core.capture;

import java.io.IOException;
import java.util.ArrayDeque;

/** DNS messages from a pcap or pcapng file: frames from the container, decoded one at a time. */
final class FrameMessageSource extends AbstractSource {
    private final FrameReader frames;
    private final PacketDecoder decoder = new PacketDecoder();
    /** Messages of the current frame not yet handed out (one TCP segment can complete several). */
    private final ArrayDeque<DnsPacket> ready = new ArrayDeque<>();

    FrameMessageSource(ByteInput in, String name, long totalBytes, FrameReader frames) {
        super(in, name, totalBytes);
        this.frames = frames;
    }

    @Override
    public CaptureFormat format() {
        return frames.format();
    }

    @Override
    protected DnsPacket read() throws IOException {
        while (ready.isEmpty()) {
            if (stopRequested()) {
                return null;
            }
            Frame frame = frames.next();
            if (frame == null) {
                return null;
            }
            framesRead = frame.number();
            if (!decoder.decode(frame, ready)) {
                framesSkipped++;
            }
        }
        return ready.poll();
    }
}
