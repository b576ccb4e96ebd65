package org.resolvefx.core.capture;

import java.io.IOException;
import java.time.Instant;

/**
 * Classic libpcap files. Written by hand because no well-kept pure-Java library reads pcap and pcapng
 * (pcap4j and jNetPcap wrap native libpcap; pkts.io reads pcap only and is unmaintained); the format is
 * a 24-byte header and 16-byte record headers, see https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap.
 */
final class PcapReader implements FrameReader {
    static final int MAGIC_MICRO = 0xA1B2C3D4;
    static final int MAGIC_NANO = 0xA1B23C4D;
    /** Alexey Kuznetzov's "modified" pcap: 8 more bytes per record header (ifindex, protocol, packet type). */
    static final int MAGIC_MODIFIED = 0xA1B2CD34;

    private static final int FILE_HEADER = 24;

    private final ByteInput in;
    private final String source;
    private final boolean bigEndian;
    private final boolean nanos;
    private final int recordHeaderLength;
    private final int linkType;
    private final byte[] recordHeader;
    private long frames;

    private PcapReader(ByteInput in, String source, boolean bigEndian, boolean nanos, boolean modified, int linkType) {
        this.in = in;
        this.source = source;
        this.bigEndian = bigEndian;
        this.nanos = nanos;
        this.recordHeaderLength = modified ? 24 : 16;
        this.recordHeader = new byte[recordHeaderLength];
        this.linkType = linkType;
    }

    /** True when the first four bytes are one of the pcap magic numbers, in either byte order. */
    static boolean isPcapMagic(int bigEndianWord) {
        return magicKind(bigEndianWord) != null;
    }

    private static int[] magicKind(int word) {
        for (int magic : new int[] {MAGIC_MICRO, MAGIC_NANO, MAGIC_MODIFIED}) {
            if (word == magic) {
                return new int[] {magic, 1};
            }
            if (word == Integer.reverseBytes(magic)) {
                return new int[] {magic, 0};
            }
        }
        return null;
    }

    /** Reads the file header; the input must be positioned at its start. */
    static PcapReader open(ByteInput in, String source) throws IOException {
        byte[] h = new byte[FILE_HEADER];
        int got = in.read(h, 0, FILE_HEADER);
        if (got < 4) {
            throw new CaptureException(source, 0, 0, "file ends after " + got + " bytes, inside the pcap file header");
        }
        int[] kind = magicKind((int) Bytes.u32be(h, 0));
        if (kind == null) {
            throw new CaptureException(source, 0, 0, "not a pcap file: bad magic number " + Bytes.hex(h, 0, 4));
        }
        if (got < FILE_HEADER) {
            throw new CaptureException(source, 0, 0,
                    "file ends after " + got + " bytes, inside the 24-byte pcap file header");
        }
        boolean big = kind[1] == 1;
        int major = Bytes.u16(h, 4, big);
        int minor = Bytes.u16(h, 6, big);
        if (major != 2) {
            throw new CaptureException(source, 0, 4, "pcap version " + major + "." + minor
                    + " is not supported (only 2.x exists)");
        }
        // The snapshot length (offset 16) is not checked: libpcap and Wireshark accept 0 or huge values there
        // (writers disagree about it); each record's captured length is checked instead.
        // Link type: low 16 bits; the upper bits may carry an FCS length (draft-ietf-opsawg-pcap, LinkType field).
        int link = (int) (Bytes.u32(h, 20, big) & 0xFFFF);
        if (!LinkLayer.isSupported(link)) {
            throw new CaptureException(source, 0, 20, "link type " + LinkLayer.describe(link)
                    + " is not supported; supported: " + LinkLayer.supportedList());
        }
        return new PcapReader(in, source, big, kind[0] == MAGIC_NANO, kind[0] == MAGIC_MODIFIED, link);
    }

    @Override
    public Frame next() throws IOException {
        long at = in.position();
        int got = in.read(recordHeader, 0, recordHeaderLength);
        if (got == 0) {
            return null;
        }
        long number = frames + 1;
        if (got < recordHeaderLength) {
            throw new CaptureException(source, number, at, "file ends " + got + " bytes into the "
                    + recordHeaderLength + "-byte packet record header (truncated file)");
        }
        long seconds = Bytes.u32(recordHeader, 0, bigEndian);
        long fraction = Bytes.u32(recordHeader, 4, bigEndian);
        long captured = Bytes.u32(recordHeader, 8, bigEndian);
        if (captured > MAX_CAPTURED_LENGTH) {
            throw new CaptureException(source, number, at + 8, "packet record claims " + captured
                    + " captured bytes, more than the maximum of " + MAX_CAPTURED_LENGTH + " (corrupt record header)");
        }
        byte[] data = new byte[(int) captured];
        int read = in.read(data, 0, data.length);
        if (read < data.length) {
            throw new CaptureException(source, number, at, "packet record claims " + captured
                    + " captured bytes but the file ends after " + read + " of them (truncated file)");
        }
        frames = number;
        // Instant normalises a fraction of a second that is too large (as some writers produce) into seconds.
        Instant time = Instant.ofEpochSecond(seconds, nanos ? fraction : fraction * 1000L);
        return new Frame(number, at, time, linkType, data);
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.PCAP;
    }
}
