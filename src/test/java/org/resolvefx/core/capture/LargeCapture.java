package org.resolvefx.core.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated capture of 200,000 DNS messages (about 40 MB) for the streaming test and the benchmark: UDP
 * query/answer pairs, short TCP connections, and connections that never finish.
 */
public final class LargeCapture {
    /** UDP query/answer pairs plus TCP connections: 200,000 messages in all. */
    public static final int UDP_PAIRS = 80_000;
    public static final int TCP_CONNECTIONS = 10_000;
    public static final int MESSAGES_PER_CONNECTION = 4;
    public static final int MESSAGES = 2 * UDP_PAIRS + TCP_CONNECTIONS * MESSAGES_PER_CONNECTION;
    /** Connections that never finish (no FIN, a half message): the reader must drop them, not keep them. */
    public static final int ABANDONED_CONNECTIONS = 20_000;

    /** Writes the capture; frames are generated on the fly so the test itself stays small in memory. */
    private static void write(OutputStream out) throws IOException {
        PcapWriter w = new PcapWriter(out, LinkLayer.ETHERNET, true, ByteOrder.LITTLE_ENDIAN);
        byte[] answer = TestFrames.bigResponse(1, 1);
        long t = 0;
        int pairs = 0;
        int connections = 0;
        int abandoned = 0;
        while (pairs < UDP_PAIRS || connections < TCP_CONNECTIONS || abandoned < ABANDONED_CONNECTIONS) {
            for (int i = 0; i < 8 && pairs < UDP_PAIRS; i++, pairs++) {
                byte[] client = {10, 0, (byte) (pairs >> 8), (byte) pairs};
                int port = 1024 + pairs % 60000;
                byte[] q = TestFrames.query(pairs & 0xFFFF);
                w.write(1_700_000_000L + t / 1_000_000_000L, t % 1_000_000_000L,
                        TestFrames.udpFrame(client, port, TestFrames.SERVER, 53, q));
                t += 10_000;
                w.write(1_700_000_000L + t / 1_000_000_000L, t % 1_000_000_000L,
                        TestFrames.udpFrame(TestFrames.SERVER, 53, client, port, answer));
                t += 10_000;
            }
            if (connections < TCP_CONNECTIONS) {
                byte[] client = {10, 1, (byte) (connections >> 8), (byte) connections};
                int port = 1024 + connections % 60000;
                w.write(1_700_000_000L + t / 1_000_000_000L, t % 1_000_000_000L,
                        TestFrames.tcpFrame(client, port, TestFrames.SERVER, 53, 0, TestFrames.SYN, new byte[0]));
                int seq = 1;
                for (int m = 0; m < MESSAGES_PER_CONNECTION; m++) {
                    byte[] data = TestFrames.lengthPrefixed(TestFrames.query(m));
                    w.write(1_700_000_000L + t / 1_000_000_000L, t % 1_000_000_000L,
                            TestFrames.tcpFrame(client, port, TestFrames.SERVER, 53, seq, TestFrames.ACK, data));
                    seq += data.length;
                    t += 1000;
                }
                w.write(1_700_000_000L + t / 1_000_000_000L, t % 1_000_000_000L,
                        TestFrames.tcpFrame(client, port, TestFrames.SERVER, 53, seq, TestFrames.FIN, new byte[0]));
                connections++;
            }
            for (int i = 0; i < 2 && abandoned < ABANDONED_CONNECTIONS; i++, abandoned++) {
                byte[] client = {10, 2, (byte) (abandoned >> 8), (byte) abandoned};
                byte[] half = TestFrames.slice(TestFrames.lengthPrefixed(answer), 0, 200);
                w.write(1_700_000_000L + t / 1_000_000_000L, t % 1_000_000_000L,
                        TestFrames.tcpFrame(TestFrames.SERVER, 53, client, 2000 + abandoned % 50000, 77,
                                TestFrames.ACK, half));
            }
        }
    }


    /** Frames in the file: two per UDP pair, SYN + messages + FIN per connection, one per abandoned one. */
    public static final long FRAMES = 2L * UDP_PAIRS + TCP_CONNECTIONS * (2L + MESSAGES_PER_CONNECTION)
            + ABANDONED_CONNECTIONS;

    private LargeCapture() {
    }

    /** Writes the capture to {@code file} (creating its folder) and returns it. */
    public static Path write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
            write(out);
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
