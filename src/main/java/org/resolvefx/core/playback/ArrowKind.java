package org.resolvefx.core.playback;

/** Whether an arrow carries a query or a response (from the QR bit of its bytes). */
public enum ArrowKind {
    QUERY,
    RESPONSE
}
