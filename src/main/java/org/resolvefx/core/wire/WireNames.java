package org.resolvefx.core.wire;

import org.xbill.DNS.Name;

/**
 * Domain names in their wire form, for teaching: "(3)www(3)p2p(12)tu-darmstadt(2)de" shows each
 * label with its length byte, the way dnstracer prints names. dnsjava parses and prints names but
 * has no such form, hence this small helper.
 */
public final class WireNames {
    private WireNames() {
    }

    /**
     * The label form of a name: each label as "(length)text", without the terminating root label;
     * the root name itself reads "(0)". Bytes outside printable ASCII appear escaped like tshark
     * shows them ("\\000", "\\xc3").
     */
    public static String labelForm(Name name) {
        StringBuilder sb = new StringBuilder(name.length() + 8);
        int labels = name.labels();
        for (int i = 0; i < labels; i++) {
            byte[] label = name.getLabel(i);
            if (label.length == 0 || label[0] == 0) {
                continue;
            }
            sb.append('(').append(label[0] & 0xFF).append(')');
            WireText.appendFormatted(sb, label, 1, label.length - 1);
        }
        return sb.length() == 0 ? "(0)" : sb.toString();
    }

    /** Label form of one label from message bytes: "(3)www". */
    static String labelForm(byte[] message, int lengthByteOffset) {
        int len = message[lengthByteOffset] & 0xFF;
        StringBuilder sb = new StringBuilder(len + 5).append('(').append(len).append(')');
        WireText.appendFormatted(sb, message, lengthByteOffset + 1, len);
        return sb.toString();
    }
}
