package org.resolvefx.core.capture;

import java.io.Closeable;
import java.io.IOException;

/**
 * A pull reader of the DNS messages in one file. Incremental: it reads only as far as needed for the next
 * message, so memory grows with what the caller keeps, not with the file.
 *
 * <p>Reading is meant for one thread; {@link #bytesRead()}, {@link #framesRead()}, {@link #cancel()} and
 * {@link #close()} may be called from another (a UI thread showing progress or a cancel button). Interrupting the
 * reading thread also cancels (as {@code Task.cancel(true)} does): {@link #next()} then returns null and the
 * thread's interrupt flag stays set.
 */
public interface MessageSource extends Closeable {

    /** Which kind of file this is. */
    CaptureFormat format();

    /** The file name as used in error messages. */
    String name();

    /**
     * The next DNS message, or {@code null} at the end of the file or after {@link #cancel()}/{@link #close()}.
     *
     * @throws CaptureException when the file is broken at this point; every message before the fault has been
     *                          returned already. Calling again throws the same exception.
     * @throws IOException      when reading fails for another reason (disk error)
     */
    DnsPacket next() throws IOException;

    /** Bytes of the file consumed so far. */
    long bytesRead();

    /** Size of the file in bytes, or -1 when unknown (a pipe). */
    long totalBytes();

    /** Frames (packets; messages for raw and hex files) read so far. */
    long framesRead();

    /** Frames that carried no DNS: other protocols, malformed IP/UDP/TCP, unsupported link types, TCP without data. */
    long framesSkipped();

    /** Asks the reader to stop: the next call of {@link #next()} returns {@code null}. Safe from any thread. */
    void cancel();

    /** True after {@link #cancel()} or {@link #close()}. */
    boolean isCancelled();

    /** Fraction of the file read, 0..1, or -1 when the size is unknown. */
    default double progress() {
        long total = totalBytes();
        return total <= 0 ? (total == 0 ? 1.0 : -1.0) : Math.min(1.0, (double) bytesRead() / total);
    }
}
