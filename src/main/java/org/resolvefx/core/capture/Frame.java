package org.resolvefx.core.capture;

import java.time.Instant;

/**
 * One packet record of a capture file, before any protocol decoding.
 *
 * @param number     1-based frame number, counted over the whole file as Wireshark does
 * @param fileOffset where the packet record (pcap record header or pcapng block) starts in the file
 * @param time       capture time
 * @param linkType   LINKTYPE_ value of the interface that captured it
 * @param data       the captured bytes (possibly fewer than were on the wire)
 */
record Frame(long number, long fileOffset, Instant time, int linkType, byte[] data) {
}
