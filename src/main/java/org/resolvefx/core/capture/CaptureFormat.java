package org.resolvefx.core.capture;

/** The kinds of input file the capture reader understands, recognised by content, never by extension. */
public enum CaptureFormat {
    /** Classic libpcap file, either byte order, micro- or nanosecond timestamps (also the "modified" variant). */
    PCAP("pcap"),
    /** pcapng: sections, interfaces, enhanced/simple/obsolete packet blocks. */
    PCAPNG("pcapng"),
    /** One DNS message as raw bytes (what Wireshark's "Export Packet Bytes" writes). */
    RAW_MESSAGE("DNS message"),
    /** DNS messages as hex text: plain hex, xxd / tshark -x / hexdump -C dumps, blank lines between messages. */
    HEX_TEXT("hex text");

    private final String displayName;

    CaptureFormat(String displayName) {
        this.displayName = displayName;
    }

    /** Short name for the UI ("pcapng", "hex text"). */
    public String displayName() {
        return displayName;
    }
}
