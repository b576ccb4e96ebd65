package org.resolvefx.core.capture;

import java.io.IOException;

/** Reads packet records from a capture container, one at a time. */
sealed interface FrameReader permits PcapReader, PcapngReader {

    /** The next frame, or null at a clean end of file. */
    Frame next() throws IOException;

    /** Which container this is. */
    CaptureFormat format();

    /**
     * The largest captured length accepted for one packet: Wireshark's limit for the link types read here
     * (WTAP_MAX_PACKET_SIZE_STANDARD). A larger value means a corrupt length field, not a big packet.
     */
    int MAX_CAPTURED_LENGTH = 262_144;
}
