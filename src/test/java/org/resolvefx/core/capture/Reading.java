package org.resolvefx.core.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads test bytes through the public entry point, keeping what came before a fault. */
final class Reading {
    private Reading() {
    }

    /** Everything a file yields: messages, counters, and the fault (null when read to the end). */
    record Outcome(CaptureFormat format, List<DnsPacket> packets, long framesRead, long framesSkipped,
                   CaptureException fault) {
    }

    static Outcome read(byte[] file) {
        return read(file, "test.bin");
    }

    static Outcome read(byte[] file, String name) {
        List<DnsPacket> packets = new ArrayList<>();
        MessageSource source;
        try {
            source = CaptureFiles.open(new ByteArrayInputStream(file), name, file.length);
        } catch (CaptureException e) {
            return new Outcome(null, packets, 0, 0, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (source) {
            try {
                for (DnsPacket p = source.next(); p != null; p = source.next()) {
                    packets.add(p);
                }
                return new Outcome(source.format(), packets, source.framesRead(), source.framesSkipped(), null);
            } catch (CaptureException e) {
                return new Outcome(source.format(), packets, source.framesRead(), source.framesSkipped(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages of a file that must read without fault. */
    static List<DnsPacket> packets(byte[] file) {
        Outcome o = read(file);
        if (o.fault() != null) {
            throw new AssertionError("unexpected fault: " + o.fault().getMessage(), o.fault());
        }
        return o.packets();
    }
}
