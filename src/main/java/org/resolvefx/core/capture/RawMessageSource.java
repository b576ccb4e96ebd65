package org.resolvefx.core.capture;

import java.io.IOException;
import java.time.Instant;
import org.resolvefx.core.net.Transport;

/** A file that is one DNS message, byte for byte. */
final class RawMessageSource extends AbstractSource {
    private boolean done;

    RawMessageSource(ByteInput in, String name, long totalBytes) {
        super(in, name, totalBytes);
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.RAW_MESSAGE;
    }

    @Override
    protected DnsPacket read() throws IOException {
        if (done) {
            return null;
        }
        done = true;
        // detection has checked that the whole file (at most 65535 bytes) is in the look-ahead
        byte[] message = new byte[CaptureFiles.MAX_DNS_MESSAGE];
        int n = in.read(message, 0, message.length);
        byte[] exact = java.util.Arrays.copyOf(message, n);
        framesRead = 1;
        return new DnsPacket(1, Instant.EPOCH, CaptureFiles.UNKNOWN_ADDRESS, CaptureFiles.UNKNOWN_ADDRESS,
                Transport.UDP, exact);
    }
}
