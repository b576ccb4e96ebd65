package org.resolvefx.ui.inspector;

import java.util.Objects;
import org.resolvefx.core.wire.Dissection;
import org.resolvefx.core.wire.Dissector;

/**
 * A DNS message as the inspector shows it: its bytes (the truth), a caption saying where it was
 * seen, and its dissection, derived once from the bytes.
 *
 * @param caption  "Frame 1 · 127.0.0.1:52438 → 127.0.0.53:53 · UDP"
 * @param pairKey  what identifies its query/response pair (ID plus both endpoints, order-free), or null
 */
public final class InspectedMessage {
    private final String caption;
    private final byte[] bytes;
    private final String pairKey;
    private final Dissection dissection;

    public InspectedMessage(String caption, byte[] bytes, String pairKey) {
        this.caption = Objects.requireNonNull(caption, "caption");
        this.bytes = bytes.clone();
        this.pairKey = pairKey;
        this.dissection = Dissector.dissect(this.bytes);
    }

    public String caption() {
        return caption;
    }

    /** Do not modify: shared with the views for speed. */
    public byte[] bytes() {
        return bytes;
    }

    public String pairKey() {
        return pairKey;
    }

    public Dissection dissection() {
        return dissection;
    }

    /** QR bit straight from the bytes. */
    public boolean isResponse() {
        return bytes.length > 2 && (bytes[2] & 0x80) != 0;
    }
}
