package org.resolvefx.core.capture;

import java.io.IOException;

/**
 * A capture or message file is broken at a known place: truncated, a corrupt block length, an absurd
 * captured length, an unsupported link type, text that is not hex. Everything before the fault has been
 * delivered by the time this is thrown.
 *
 * <p>The message reads "file: frame 7, byte offset 1234: what is wrong" so it can be shown as is.
 */
public final class CaptureException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long frame;
    private final long byteOffset;
    private final String problem;

    /**
     * @param source     the file name (or stream name) as the user knows it
     * @param frame      1-based number of the frame being read when the fault was found; 0 before the first frame
     * @param byteOffset offset in the file where the faulty structure starts (or where the file ends early)
     * @param problem    what is wrong, in plain words
     */
    public CaptureException(String source, long frame, long byteOffset, String problem) {
        this(source, frame, byteOffset, problem, null);
    }

    public CaptureException(String source, long frame, long byteOffset, String problem, Throwable cause) {
        super(compose(source, frame, byteOffset, problem), cause);
        this.source = source;
        this.frame = frame;
        this.byteOffset = byteOffset;
        this.problem = problem;
    }

    private static String compose(String source, long frame, long byteOffset, String problem) {
        StringBuilder sb = new StringBuilder(source).append(": ");
        if (frame > 0) {
            sb.append("frame ").append(frame).append(", ");
        }
        return sb.append("byte offset ").append(byteOffset).append(": ").append(problem).toString();
    }

    /** The file or stream name. */
    public String source() {
        return source;
    }

    /** 1-based frame (packet, or message for raw/hex files) being read; 0 when the fault precedes the first. */
    public long frame() {
        return frame;
    }

    /** Byte offset in the file where the fault is. */
    public long byteOffset() {
        return byteOffset;
    }

    /** What is wrong, without the file/frame/offset prefix. */
    public String problem() {
        return problem;
    }
}
