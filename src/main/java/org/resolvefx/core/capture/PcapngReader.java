package org.resolvefx.core.capture;

import java.io.IOException;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * pcapng files (draft-ietf-opsawg-pcapng): several sections, each with its own byte order and interfaces;
 * enhanced, simple and obsolete packet blocks; every other block skipped by its length. Written by hand for
 * the same reason as {@link PcapReader}: no maintained pure-Java reader exists.
 */
final class PcapngReader implements FrameReader {
    static final int SECTION_HEADER = 0x0A0D0D0A;
    private static final int INTERFACE_DESCRIPTION = 0x00000001;
    private static final int OBSOLETE_PACKET = 0x00000002;
    private static final int SIMPLE_PACKET = 0x00000003;
    private static final int ENHANCED_PACKET = 0x00000006;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;

    /** Largest block read into memory: a packet of the maximum size plus generous room for options. */
    private static final long MAX_READ_BLOCK = MAX_CAPTURED_LENGTH + 64L * 1024;
    private static final int OPT_END = 0;
    private static final int OPT_IF_TSRESOL = 9;
    private static final int OPT_IF_TSOFFSET = 14;

    /** What one interface description block says that matters here. */
    private record Interface(int linkType, long snapLength, TimeUnit unit, long offsetSeconds) {
    }

    /** Timestamp resolution: 10^-exponent or 2^-exponent seconds per tick (option if_tsresol). */
    private record TimeUnit(boolean binary, int exponent) {
        static final TimeUnit MICROSECONDS = new TimeUnit(false, 6);
    }

    private final ByteInput in;
    private final String source;
    private final byte[] head = new byte[12];
    private boolean bigEndian;
    private boolean inSection;
    private final List<Interface> interfaces = new ArrayList<>();
    private long frames;

    private PcapngReader(ByteInput in, String source) {
        this.in = in;
        this.source = source;
    }

    static PcapngReader open(ByteInput in, String source) {
        return new PcapngReader(in, source);
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.PCAPNG;
    }

    @Override
    public Frame next() throws IOException {
        while (true) {
            long at = in.position();
            int got = in.read(head, 0, 8);
            if (got == 0) {
                return null;
            }
            if (got < 8) {
                throw fault(at, "file ends " + got + " bytes into a block header (truncated file)");
            }
            int type = (int) Bytes.u32be(head, 0); // type is read in the section's byte order below
            if (type == SECTION_HEADER) {
                // The byte order is only known after reading the byte-order magic that follows the length.
                if (in.read(head, 8, 4) < 4) {
                    throw fault(at, "file ends inside a section header block (truncated file)");
                }
                long magic = Bytes.u32be(head, 8);
                if (magic == BYTE_ORDER_MAGIC) {
                    bigEndian = true;
                } else if (magic == Integer.toUnsignedLong(Integer.reverseBytes(BYTE_ORDER_MAGIC))) {
                    bigEndian = false;
                } else {
                    throw fault(at + 8, "section header block has byte-order magic "
                            + Bytes.hex(head, 8, 4) + " instead of 1a 2b 3c 4d (corrupt file)");
                }
                long length = Bytes.u32(head, 4, bigEndian);
                if (length < 28 || length % 4 != 0) {
                    throw fault(at + 4, "section header block length " + length + " is impossible (must be a"
                            + " multiple of 4 and at least 28; corrupt file)");
                }
                byte[] version = new byte[4];
                if (in.read(version, 0, 4) < 4) {
                    throw fault(at, "file ends inside a section header block (truncated file)");
                }
                int major = Bytes.u16(version, 0, bigEndian);
                if (major != 1) {
                    throw fault(at + 12, "pcapng section version " + major + "." + Bytes.u16(version, 2, bigEndian)
                            + " is not supported (only 1.x exists)");
                }
                // section length and options (comments, hardware, OS) are not needed: skipped, whatever their size
                if (in.skip(length - 20) < length - 20) {
                    throw fault(at, "section header block of " + length + " bytes runs past the end of the file"
                            + " (truncated file)");
                }
                checkTrailer(at, length);
                inSection = true;
                interfaces.clear();
                continue;
            }
            if (!inSection) {
                throw fault(at, "block before the first section header block (not a pcapng file)");
            }
            type = (int) Bytes.u32(head, 0, bigEndian);
            long length = Bytes.u32(head, 4, bigEndian);
            switch (type) {
                case INTERFACE_DESCRIPTION -> readInterface(at, checkedLength(at, length, 20));
                case ENHANCED_PACKET -> {
                    return readEnhanced(at, checkedLength(at, length, 32));
                }
                case SIMPLE_PACKET -> {
                    return readSimple(at, checkedLength(at, length, 16));
                }
                case OBSOLETE_PACKET -> {
                    return readObsolete(at, checkedLength(at, length, 32));
                }
                default -> skipBlock(at, length);
            }
        }
    }

    private long checkedLength(long at, long length, int minimum) throws CaptureException {
        if (length < minimum || length % 4 != 0) {
            throw fault(at + 4, "block length " + length + " is impossible (must be a multiple of 4 and at least "
                    + minimum + " for this block type; corrupt file)");
        }
        if (length > MAX_READ_BLOCK) {
            throw fault(at + 4, "block length " + length + " is larger than any packet block can be ("
                    + MAX_READ_BLOCK + " bytes; corrupt file)");
        }
        return length;
    }

    /** Reads the rest of a block after {@code already} bytes and checks the trailing copy of its length. */
    private byte[] readBody(long at, long length, int already) throws IOException {
        int bodyLength = (int) length - already - 4;
        byte[] body = new byte[bodyLength];
        if (in.read(body, 0, bodyLength) < bodyLength) {
            throw fault(at, "block of " + length + " bytes runs past the end of the file (truncated file)");
        }
        checkTrailer(at, length);
        return body;
    }

    private void checkTrailer(long at, long length) throws IOException {
        byte[] tail = new byte[4];
        if (in.read(tail, 0, 4) < 4) {
            throw fault(at, "block of " + length + " bytes runs past the end of the file (truncated file)");
        }
        long trailing = Bytes.u32(tail, 0, bigEndian);
        if (trailing != length) {
            throw fault(at + length - 4, "block length at the end (" + trailing + ") differs from the one at the start ("
                    + length + "; corrupt file)");
        }
    }

    private void skipBlock(long at, long length) throws IOException {
        if (length < 12 || length % 4 != 0) {
            throw fault(at + 4, "block length " + length + " is impossible (must be a multiple of 4 and at least 12;"
                    + " corrupt file)");
        }
        // unknown or uninteresting blocks (statistics, name resolution, secrets...) are skipped unread, any size
        if (in.skip(length - 12) < length - 12) {
            throw fault(at, "block of " + length + " bytes runs past the end of the file (truncated file)");
        }
        checkTrailer(at, length);
    }

    private void readInterface(long at, long length) throws IOException {
        byte[] body = readBody(at, length, 8);
        int linkType = Bytes.u16(body, 0, bigEndian);
        long snap = Bytes.u32(body, 4, bigEndian);
        TimeUnit unit = TimeUnit.MICROSECONDS;
        long offsetSeconds = 0;
        int p = 8;
        while (p + 4 <= body.length) {
            int code = Bytes.u16(body, p, bigEndian);
            int len = Bytes.u16(body, p + 2, bigEndian);
            if (code == OPT_END) {
                break;
            }
            if (p + 4 + len > body.length) {
                throw fault(at + 8 + p, "interface option " + code + " of " + len + " bytes runs past the end of its"
                        + " block (corrupt file)");
            }
            if (code == OPT_IF_TSRESOL && len >= 1) {
                int r = body[p + 4] & 0xFF;
                unit = new TimeUnit((r & 0x80) != 0, r & 0x7F);
                if (!unit.binary() && unit.exponent() > 18) {
                    throw fault(at + 8 + p, "interface time resolution 10^-" + unit.exponent()
                            + " s is not supported (at most 10^-18)");
                }
            } else if (code == OPT_IF_TSOFFSET && len >= 8) {
                offsetSeconds = Bytes.u64(body, p + 4, bigEndian);
            }
            p += 4 + ((len + 3) & ~3);
        }
        interfaces.add(new Interface(linkType, snap, unit, offsetSeconds));
    }

    private Frame readEnhanced(long at, long length) throws IOException {
        byte[] body = readBody(at, length, 8);
        long number = frames + 1;
        long ifId = Bytes.u32(body, 0, bigEndian);
        Interface itf = interfaceFor(at + 8, number, ifId);
        long ticks = (Bytes.u32(body, 4, bigEndian) << 32) | Bytes.u32(body, 8, bigEndian);
        long captured = Bytes.u32(body, 12, bigEndian);
        if (captured > MAX_CAPTURED_LENGTH) {
            throw new CaptureException(source, number, at + 20, "packet block claims " + captured
                    + " captured bytes, more than the maximum of " + MAX_CAPTURED_LENGTH + " (corrupt block)");
        }
        if (captured > body.length - 20) {
            throw new CaptureException(source, number, at + 20, "packet block claims " + captured
                    + " captured bytes but has room for " + (body.length - 20) + " (corrupt block)");
        }
        byte[] data = new byte[(int) captured];
        System.arraycopy(body, 20, data, 0, data.length);
        frames = number;
        return new Frame(number, at, time(at + 12, number, itf, ticks), itf.linkType(), data);
    }

    private Frame readObsolete(long at, long length) throws IOException {
        byte[] body = readBody(at, length, 8);
        long number = frames + 1;
        Interface itf = interfaceFor(at + 8, number, Bytes.u16(body, 0, bigEndian));
        long ticks = (Bytes.u32(body, 4, bigEndian) << 32) | Bytes.u32(body, 8, bigEndian);
        long captured = Bytes.u32(body, 12, bigEndian);
        if (captured > MAX_CAPTURED_LENGTH || captured > body.length - 20) {
            throw new CaptureException(source, number, at + 20, "packet block claims " + captured
                    + " captured bytes but has room for " + Math.min(MAX_CAPTURED_LENGTH, body.length - 20)
                    + " (corrupt block)");
        }
        byte[] data = new byte[(int) captured];
        System.arraycopy(body, 20, data, 0, data.length);
        frames = number;
        return new Frame(number, at, time(at + 12, number, itf, ticks), itf.linkType(), data);
    }

    private Frame readSimple(long at, long length) throws IOException {
        byte[] body = readBody(at, length, 8);
        long number = frames + 1;
        Interface itf = interfaceFor(at, number, 0);
        // A simple packet block stores only the original length; the captured part is what the block holds,
        // cut to the interface's snapshot length when one is set.
        long original = Bytes.u32(body, 0, bigEndian);
        long captured = Math.min(original, body.length - 4L);
        if (itf.snapLength() > 0) {
            captured = Math.min(captured, itf.snapLength());
        }
        byte[] data = new byte[(int) captured];
        System.arraycopy(body, 4, data, 0, data.length);
        frames = number;
        // no timestamp in this block type: the epoch stands for "unknown"
        return new Frame(number, at, Instant.EPOCH, itf.linkType(), data);
    }

    private Interface interfaceFor(long offset, long number, long id) throws CaptureException {
        if (id >= interfaces.size()) {
            throw new CaptureException(source, number, offset, "packet refers to interface " + id + " but the section"
                    + " describes " + (interfaces.isEmpty() ? "none" : "only 0.." + (interfaces.size() - 1))
                    + " (corrupt file)");
        }
        return interfaces.get((int) id);
    }

    /** Ticks of the interface's resolution since the epoch, plus its offset in seconds, as an Instant. */
    private Instant time(long offset, long number, Interface itf, long ticks) throws CaptureException {
        TimeUnit u = itf.unit();
        long seconds;
        long nanos;
        if (u.binary()) {
            int n = u.exponent();
            if (n >= 64) {
                seconds = 0;
                nanos = 0;
            } else {
                seconds = n == 0 ? ticks : ticks >>> n;
                long rest = n == 0 ? 0 : ticks & ((1L << n) - 1);
                nanos = n <= 33 ? (rest * 1_000_000_000L) >>> n
                        : BigInteger.valueOf(rest).multiply(BigInteger.valueOf(1_000_000_000L)).shiftRight(n)
                                .longValue();
            }
        } else {
            long perSecond = pow10(u.exponent());
            seconds = Long.divideUnsigned(ticks, perSecond);
            long rest = Long.remainderUnsigned(ticks, perSecond);
            int e = u.exponent();
            nanos = e <= 9 ? rest * pow10(9 - e) : rest / pow10(e - 9);
        }
        try {
            if (seconds < 0) {
                throw new DateTimeException("beyond 2^63 seconds");
            }
            return Instant.ofEpochSecond(Math.addExact(seconds, itf.offsetSeconds()), nanos);
        } catch (DateTimeException | ArithmeticException e) {
            throw new CaptureException(source, number, offset, "timestamp " + Long.toUnsignedString(ticks)
                    + " ticks is out of the range of dates (corrupt block)");
        }
    }

    /** Powers of ten that fit a long (10^0 .. 10^18): asked twice for every packet. */
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private static long pow10(int e) {
        return POW10[e];
    }

    private CaptureException fault(long offset, String problem) {
        return new CaptureException(source, frames + 1, offset, problem);
    }
}
