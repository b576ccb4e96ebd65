package org.resolvefx.core.wire;

/**
 * How a field's bytes turn into text, after Wireshark's field types (FT_UINT16 with BASE_DEC or
 * BASE_HEX, FT_BOOLEAN, FT_STRING, FT_IPv4, FT_IPv6, FT_BYTES, FT_NONE, FT_ABSOLUTE_TIME).
 */
public enum FieldKind {
    /** Unsigned integer shown in decimal ("1232"). */
    UINT_DEC,
    /** Unsigned integer shown in hex, zero-padded to the field's width ("0x0001"). */
    UINT_HEX,
    /** One bit (or bits) under a mask, value "1" or "0". */
    BOOLEAN,
    /** Text, already formatted by the walker (names, TXT strings). */
    STRING,
    IPV4,
    IPV6,
    /** Raw bytes: value "29:b3:06", display "29b306". */
    BYTES,
    /** A node without a value of its own (an EDNS option); only children and a label. */
    NONE,
    /** Seconds since 1970 shown as a UTC date the way tshark prints it. */
    TIME_ABS
}
