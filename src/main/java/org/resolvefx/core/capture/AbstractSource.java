package org.resolvefx.core.capture;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;

/** What every {@link MessageSource} shares: counters, cancellation, the sticky fault, closing. */
abstract sealed class AbstractSource implements MessageSource permits FrameMessageSource, RawMessageSource,
        HexTextSource {
    protected final ByteInput in;
    protected final String name;
    private final long totalBytes;
    protected volatile long framesRead;
    protected volatile long framesSkipped;
    private volatile boolean cancelled;
    private boolean closed;
    private IOException fault;

    AbstractSource(ByteInput in, String name, long totalBytes) {
        this.in = in;
        this.name = name;
        this.totalBytes = totalBytes;
    }

    /** The next message, or null at the end; exceptions are remembered and thrown again by later calls. */
    protected abstract DnsPacket read() throws IOException;

    @Override
    public final DnsPacket next() throws IOException {
        if (fault != null) {
            throw fault;
        }
        if (stopRequested()) {
            return null;
        }
        try {
            return read();
        } catch (ClosedByInterruptException e) {
            // an interruptible channel closed itself because the reading thread was interrupted: a cancellation
            cancelled = true;
            return null;
        } catch (ClosedChannelException e) {
            if (cancelled) {
                return null; // closed from another thread while reading: that is a cancellation
            }
            fault = e;
            throw e;
        } catch (IOException e) {
            fault = e;
            throw e;
        } catch (RuntimeException e) {
            // a decoding bug must not take the application down: report it like a broken file, with the cause
            fault = new CaptureException(name, framesRead, in.position(), "internal error while decoding: " + e, e);
            throw fault;
        }
    }

    /**
     * True after {@link #cancel()}, {@link #close()} or an interrupt of the reading thread (a cancelled UI task).
     * Checked between frames. The interrupt flag is left set for the caller to see.
     */
    protected final boolean stopRequested() {
        if (!cancelled && Thread.currentThread().isInterrupted()) {
            cancelled = true;
        }
        return cancelled;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final long bytesRead() {
        return in.position();
    }

    @Override
    public final long totalBytes() {
        return totalBytes;
    }

    @Override
    public final long framesRead() {
        return framesRead;
    }

    @Override
    public final long framesSkipped() {
        return framesSkipped;
    }

    @Override
    public final void cancel() {
        cancelled = true;
    }

    @Override
    public final boolean isCancelled() {
        return cancelled;
    }

    @Override
    public final void close() throws IOException {
        cancelled = true;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        in.close();
    }
}
