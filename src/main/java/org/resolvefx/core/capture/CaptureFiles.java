package org.resolvefx.core.capture;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.resolvefx.core.net.SocketAddr;

/**
 * Entry point of the capture reader: opens a pcap, pcapng, raw DNS message or hex text file, recognised by its
 * content (never by its extension), as a {@link MessageSource} of DNS messages.
 */
public final class CaptureFiles {
    /** The largest DNS message: the TCP length prefix is 16 bits (RFC 1035 4.2.2). */
    public static final int MAX_DNS_MESSAGE = 65_535;

    /** Address and port used for messages from files that do not say where they travelled: 0.0.0.0:0. */
    public static final SocketAddr UNKNOWN_ADDRESS = unknownAddress();

    /** How much text is looked at to recognise hex text. */
    private static final int TEXT_PROBE = 4096;

    private CaptureFiles() {
    }

    /**
     * Opens a file and recognises its format.
     *
     * @throws CaptureException when the content is none of the supported formats, or its header is broken
     * @throws IOException      when the file cannot be read
     */
    public static MessageSource open(Path file) throws IOException {
        long size = Files.size(file);
        return open(Files.newInputStream(file), file.toString(), size);
    }

    /**
     * Reads from a stream (a pipe, a resource). The stream is closed when the source is closed, or at once when
     * its format is not recognised.
     *
     * @param name       what to call it in messages
     * @param totalBytes its size when known, else -1 (progress then reports -1)
     */
    public static MessageSource open(InputStream stream, String name, long totalBytes) throws IOException {
        ByteInput in = new ByteInput(stream);
        try {
            return detect(in, name, totalBytes);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads a whole file into memory: convenient for tests, the command line and small files. A broken file
     * gives the messages before the fault plus the fault; only a file that cannot be read at all throws.
     */
    public static CaptureReadResult readAll(Path file) throws IOException {
        List<DnsPacket> packets = new ArrayList<>();
        CaptureFormat format = null;
        long frames = 0;
        long skipped = 0;
        CaptureException fault = null;
        try (MessageSource source = open(file)) {
            format = source.format();
            try {
                for (DnsPacket p = source.next(); p != null; p = source.next()) {
                    packets.add(p);
                }
            } catch (CaptureException e) {
                fault = e;
            }
            frames = source.framesRead();
            skipped = source.framesSkipped();
        } catch (CaptureException e) {
            fault = e; // not recognised, or a broken file header
        }
        return new CaptureReadResult(file.toString(), format, packets, frames, skipped, fault);
    }

    private static MessageSource detect(ByteInput in, String name, long totalBytes) throws IOException {
        int have = in.peek(4);
        if (have == 4) {
            int word = ((in.peekByte(0) & 0xFF) << 24) | ((in.peekByte(1) & 0xFF) << 16)
                    | ((in.peekByte(2) & 0xFF) << 8) | (in.peekByte(3) & 0xFF);
            if (PcapReader.isPcapMagic(word)) {
                return new FrameMessageSource(in, name, totalBytes, PcapReader.open(in, name));
            }
            if (word == PcapngReader.SECTION_HEADER) {
                return new FrameMessageSource(in, name, totalBytes, PcapngReader.open(in, name));
            }
        }
        byte[] head = in.peekBytes(TEXT_PROBE);
        if (head.length == 0) {
            throw new CaptureException(name, 0, 0, "the file is empty: not a pcap, pcapng, DNS message or hex file");
        }
        if (HexTextSource.looksLikeHexText(head, head.length)) {
            return new HexTextSource(in, name, totalBytes);
        }
        int whole = in.peek(MAX_DNS_MESSAGE + 1);
        if (whole <= MAX_DNS_MESSAGE) {
            byte[] all = in.peekBytes(whole);
            if (DnsShape.headerFits(all, 0, all.length)) {
                return new RawMessageSource(in, name, totalBytes);
            }
        }
        throw new CaptureException(name, 0, 0, "not a pcap, pcapng, DNS message or hex file: starts with bytes "
                + Bytes.hex(head, 0, Math.min(head.length, 8)) + (head.length > 8 ? " ..." : ""));
    }

    private static SocketAddr unknownAddress() {
        try {
            return new SocketAddr(InetAddress.getByAddress(new byte[4]), 0);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
