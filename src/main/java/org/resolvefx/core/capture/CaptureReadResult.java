package org.resolvefx.core.capture;

import java.util.List;
import java.util.Optional;

/**
 * Everything read from one file by {@link CaptureFiles#readAll}: the messages up to the end or up to a fault.
 *
 * @param file          the file as named by the caller
 * @param format        the recognised format, or null when it was not recognised
 * @param packets       the DNS messages in file order
 * @param framesRead    frames (packets, or messages of raw/hex files) read
 * @param framesSkipped frames without DNS
 * @param fault         what stopped the reading early, or null when the whole file was read
 */
public record CaptureReadResult(String file, CaptureFormat format, List<DnsPacket> packets, long framesRead,
                                long framesSkipped, CaptureException fault) {

    public CaptureReadResult {
        packets = List.copyOf(packets);
    }

    /** The fault, if the file is broken. */
    public Optional<CaptureException> problem() {
        return Optional.ofNullable(fault);
    }

    /** True when the file was read to its end without a fault. */
    public boolean isComplete() {
        return fault == null;
    }
}
