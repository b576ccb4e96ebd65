package org.resolvefx.core.wire;

import static org.resolvefx.core.wire.DnsFields.*;

import java.util.ArrayList;
import java.util.List;
import org.resolvefx.core.net.IpText;

/**
 * Turns the bytes of one DNS message into a tree of {@link FieldSpan}s with the ids, values,
 * offsets and masks tshark 4.0 gives, plus teaching additions (the labels and compression
 * pointers of every name). Modelled on Wireshark's packet-dns.c: the field table lives in
 * {@link DnsFields}; this class only walks the bytes and records where each field sits.
 *
 * <p>The walk is written by hand on purpose: dnsjava parses messages but never says at which
 * byte a field sits, and it stops at the first fault without saying which byte was wrong.
 * Names keep Wireshark's text ("&lt;Root&gt;", no trailing dot); type and class names for codes
 * Wireshark does not know come from dnsjava ("TYPE65280", "CLASS7").
 *
 * <p>Never throws for any input: a fault ends the walk (or, inside record data whose length is
 * known, only that record's data) with a {@link DissectionError} in plain language. Stateless
 * and thread-safe.
 */
public final class Dissector {
    private Dissector() {
    }

    /** Dissects one DNS message (starting at the header, without a TCP length prefix). */
    public static Dissection dissect(byte[] message) {
        byte[] m = message == null ? new byte[0] : message;
        Walk w = new Walk(m);
        try {
            w.run();
        } catch (Fault f) {
            w.errors.add(new DissectionError(Math.min(Math.max(f.offset, 0), m.length), f.getMessage()));
        } catch (RuntimeException e) {
            w.closeOpenRecord();
            // a bug, not bad input; still no exception may escape to the caller
            int at = Math.min(Math.max(w.lastOffset, 0), m.length);
            w.errors.add(new DissectionError(at, "The dissector could not decode the message beyond byte " + at
                    + " (" + e.getClass().getSimpleName() + ")"));
        }
        w.closeOpenRecord();
        return w.result();
    }

    /** A fault in the bytes; cheap (no stack trace) because fuzzing and garbage input make many. */
    static final class Fault extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int offset;

        Fault(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    /** A fault inside record data whose length is known: the walk goes on with the next record. */
    static final class RdataFault extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int offset;

        RdataFault(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    /** What a name read at some offset says and which bytes at that offset it used. */
    static final class WireName {
        String text;
        /** Wireshark's name_len: characters of the dotted name before escaping; 6 for "&lt;Root&gt;". */
        int rawLength;
        /** Wireshark's label count (dots + 1, 0 for one-character names). */
        int labelCount;
        int offset;
        int length;
        List<FieldSpan> parts;
        String labelForm;
        /** Set when the whole name is one compression pointer to a name read before. */
        Walk.Suffix whole;
    }

    private enum Section {
        QUESTION("question", "questions", "question"),
        ANSWER("answer", "records", "answer record"),
        AUTHORITY("authority", "records", "authority record"),
        ADDITIONAL("additional", "records", "additional record");

        final String name;
        final String plural;
        final String item;

        Section(String name, String plural, String item) {
            this.name = name;
            this.plural = plural;
            this.item = item;
        }
    }

    /** Flags subtrees by flag word (always at bytes 2-3); lock-free, a lost race only rebuilds one. */
    private static final CachedFlags[] FLAG_CACHE = new CachedFlags[256];

    private record CachedFlags(int flags, FieldSpan span) {
    }

    private static final class Walk {
        final byte[] m;
        final int len;
        final List<Object> top = new ArrayList<>(12);
        final List<DissectionError> errors = new ArrayList<>(1);
        int lastOffset;
        /** The question or record being read, named in error messages only (built on demand). */
        Section current = Section.QUESTION;
        int currentIndex;
        Node openRecord;

        Walk(byte[] m) {
            this.m = m;
            this.len = m.length;
        }

        String where() {
            return current.item + " " + currentIndex;
        }

        /** A record cut short before its summary line was known. */
        void closeOpenRecord() {
            if (openRecord != null && openRecord.value == null) {
                String cut = capital(where()) + " (cut off)";
                openRecord.value = cut;
                openRecord.display = cut;
            }
        }

        Dissection result() {
            FieldSpan[] spans = new FieldSpan[top.size()];
            for (int i = 0; i < spans.length; i++) {
                Object n = top.get(i);
                spans[i] = n instanceof Node node ? node.build(len) : (FieldSpan) n;
            }
            // List.of lists are kept as they are by Dissection's defensive copy
            return new Dissection(List.of(spans), errors.isEmpty() ? List.of() : errors);
        }

        int u8(int at) {
            return m[at] & 0xFF;
        }

        int u16(int at) {
            return ((m[at] & 0xFF) << 8) | (m[at + 1] & 0xFF);
        }

        long u32(int at) {
            return ((long) u16(at) << 16) | u16(at + 2);
        }

        void run() {
            if (len < 12) {
                shortHeader();
                return;
            }
            int flags = u16(2);
            int opcode = (flags >> 11) & 0xF;
            boolean update = opcode == 5;
            header(flags, update);
            int pos = 12;
            int qd = u16(4);
            int an = u16(6);
            int ns = u16(8);
            int ar = u16(10);
            if (qd > 0) {
                pos = section(Section.QUESTION, update ? "Zone" : "Queries", QUERIES, qd, pos);
            }
            if (an > 0) {
                pos = section(Section.ANSWER, update ? "Prerequisites" : "Answers", ANSWERS, an, pos);
            }
            if (ns > 0) {
                pos = section(Section.AUTHORITY, update ? "Updates" : "Authoritative nameservers", AUTHORITIES, ns,
                        pos);
            }
            if (ar > 0) {
                pos = section(Section.ADDITIONAL, "Additional records", ADDITIONALS, ar, pos);
            }
            if (pos < len) {
                int extra = len - pos;
                String title = "Extraneous Data (" + extra + " bytes)";
                Node group = new Node(EXTRANEOUS, "Extraneous Data", title, title, pos, extra, 0);
                group.add(bytes(EXTRANEOUS_DATA, pos, extra));
                group.add(new FieldSpan(EXTRANEOUS_LENGTH.id(), EXTRANEOUS_LENGTH.label(), Integer.toString(extra),
                        "Extraneous Data Length: " + extra, pos, 0, 0, List.of()));
                top.add(group);
                errors.add(new DissectionError(pos, extra + (extra == 1 ? " byte" : " bytes")
                        + " of extra data follow the last record (from byte " + pos
                        + "); the counts in the header announce no more records"));
            }
        }

        private void shortHeader() {
            String[] what = {"transaction ID", "flags", "question count", "answer count", "authority count",
                "additional count"};
            FieldDef[] defs = {ID, FLAGS, COUNT_QUERIES, COUNT_ANSWERS, COUNT_AUTH, COUNT_ADD};
            int k = 0;
            for (; k < defs.length && 2 * k + 2 <= len; k++) {
                if (k == 1) {
                    top.add(flagsNode(u16(2)));
                } else {
                    top.add(uint(defs[k], 2 * k, 2, u16(2 * k)));
                }
            }
            String cut = k < what.length ? ", inside the " + what[k] : "";
            throw new Fault(len, "The message is only " + len + (len == 1 ? " byte" : " bytes")
                    + " long; a DNS header alone needs 12" + cut);
        }

        private void header(int flags, boolean update) {
            top.add(uint(ID, 0, 2, u16(0)));
            top.add(flagsNode(flags));
            top.add(uint(update ? COUNT_ZONES : COUNT_QUERIES, 4, 2, u16(4)));
            top.add(uint(update ? COUNT_PREREQUISITES : COUNT_ANSWERS, 6, 2, u16(6)));
            top.add(uint(update ? COUNT_UPDATES : COUNT_AUTH, 8, 2, u16(8)));
            top.add(uint(COUNT_ADD, 10, 2, u16(10)));
        }

        /** The Flags line and its bits; the same few flag words recur, so whole subtrees are cached. */
        private FieldSpan flagsNode(int flags) {
            int slot = (flags * 0x9E3779B1) >>> 24;
            CachedFlags cached = FLAG_CACHE[slot];
            if (cached != null && cached.flags == flags) {
                return cached.span;
            }
            boolean response = (flags & 0x8000) != 0;
            Node f = parent(FLAGS.span(2, 2, flags));
            f.add(FLAG_RESPONSE.span(2, 2, flags));
            f.add(FLAG_OPCODE.span(2, 2, flags));
            if (response) {
                f.add(FLAG_AUTHORITATIVE.span(2, 2, flags));
            }
            f.add(FLAG_TRUNCATED.span(2, 2, flags));
            f.add(FLAG_RECDESIRED.span(2, 2, flags));
            if (response) {
                f.add(FLAG_RECAVAIL.span(2, 2, flags));
            }
            f.add(FLAG_Z.span(2, 2, flags));
            if (response) {
                f.add(FLAG_AUTHENTICATED.span(2, 2, flags));
            } else if ((flags & 0x20) != 0) {
                f.add(FLAG_AD.span(2, 2, flags));
            }
            f.add(FLAG_CHECKDISABLE.span(2, 2, flags));
            if (response) {
                f.add(FLAG_RCODE.span(2, 2, flags));
            }
            FieldSpan built = f.build(Integer.MAX_VALUE);
            FLAG_CACHE[slot] = new CachedFlags(flags, built);
            return built;
        }

        private int section(Section s, String title, String id, int count, int pos) {
            Node group = new Node(id, title, title, title, pos, -1, 0);
            top.add(group);
            for (int i = 1; i <= count; i++) {
                lastOffset = pos;
                if (pos >= len) {
                    throw new Fault(len, "The " + s.name + " section should hold " + count + " " + s.plural
                            + " but the message ends after " + (i - 1) + " (at byte " + len + ")");
                }
                pos = s == Section.QUESTION ? question(group, pos, i) : record(group, s, pos, i);
            }
            group.length = pos - group.offset;
            return pos;
        }

        private int question(Node group, int pos, int index) {
            String cut = "Question " + index + " (cut off)";
            Node q = group.add(new Node(QUERY, "Query", cut, cut, pos, -1, 0));
            current = Section.QUESTION;
            currentIndex = index;
            WireName name = readName(pos, Integer.MAX_VALUE);
            int at = name.offset + name.length;
            q.add(nameNode(QRY_NAME, name));
            need(at, 4, "inside " + where() + " (its type and class need 4 bytes from byte " + at + ")");
            int type = u16(at);
            int dclass = u16(at + 2);
            String summary = name.text + ": type " + typeName(type) + ", class " + className(dclass);
            q.value = summary;
            q.display = summary;
            q.length = at + 4 - pos;
            int shownLength = name.rawLength > 1 ? name.rawLength : 0;
            q.add(new FieldSpan(QRY_NAME_LEN.id(), QRY_NAME_LEN.label(), Integer.toString(shownLength),
                    "[Name Length: " + shownLength + "]", name.offset, name.length, 0, List.of()));
            q.add(new FieldSpan(COUNT_LABELS.id(), COUNT_LABELS.label(), Integer.toString(name.labelCount),
                    "[Label Count: " + name.labelCount + "]", name.offset, name.length, 0, List.of()));
            q.add(uint(QRY_TYPE, at, 2, type));
            q.add(uint(QRY_CLASS, at + 2, 2, dclass));
            return at + 4;
        }

        private int record(Node group, Section s, int pos, int index) {
            current = s;
            currentIndex = index;
            Node rr = group.add(new Node(RR, "Resource record", null, null, pos, -1, 0));
            openRecord = rr;
            WireName name = readName(pos, Integer.MAX_VALUE);
            int at = name.offset + name.length;
            if (at + 10 > len) {
                rr.add(nameNode(RR_NAME, name)); // show what was read before the cut
            }
            need(at, 10, "inside " + where() + " (its type, class, TTL and data length need 10 bytes from byte "
                    + at + ")");
            int type = u16(at);
            int dclass = u16(at + 2);
            long ttl = u32(at + 4);
            int rdlen = u16(at + 8);
            int rdStart = at + 10;
            StringBuilder summary = new StringBuilder(80).append(name.text).append(": type ").append(typeName(type));
            if (type == 41) {
                rr.add(nameNode(RR_NAME, name));
                rr.add(uint(RR_TYPE, at, 2, type));
                rr.add(uint(OPT_UDP_PAYLOAD, at + 2, 2, dclass));
                rr.add(uint(OPT_EXT_RCODE, at + 4, 1, u8(at + 4)));
                rr.add(uint(OPT_VERSION, at + 5, 1, u8(at + 5)));
                int z = u16(at + 6);
                Node zNode = rr.add(parent(OPT_Z.span(at + 6, 2, z)));
                zNode.add(uint(OPT_Z_DO, at + 6, 2, z));
                zNode.add(uint(OPT_Z_RESERVED, at + 6, 2, z));
            } else {
                summary.append(", class ").append(className(dclass));
                if (type == 33 && !name.text.isEmpty()) {
                    srvOwner(rr, name);
                } else {
                    rr.add(nameNode(RR_NAME, name));
                }
                rr.add(uint(RR_TYPE, at, 2, type));
                rr.add(uint(RR_CLASS, at + 2, 2, dclass));
                rr.add(uint(RR_TTL, at + 4, 4, ttl));
            }
            rr.add(uint(RR_LEN, at + 8, 2, rdlen));
            rr.length = rdStart + rdlen - pos;
            if (rdStart + rdlen > len) {
                rr.value = summary.toString();
                rr.display = rr.value;
                int left = Math.max(0, len - rdStart);
                throw new Fault(at + 8, capital(where()) + " says its data is " + rdlen + " bytes long (at byte "
                        + (at + 8) + ") but only " + left + (left == 1 ? " byte remains" : " bytes remain")
                        + " in the message");
            }
            if (rdlen > 0) {
                try {
                    new Rdata(this, rr, summary, type, rdStart, rdlen).decode();
                } catch (RdataFault f) {
                    errors.add(new DissectionError(f.offset, f.getMessage()));
                } catch (Fault f) {
                    // a bad name inside the data: the data length is known, so the next record can still be read
                    errors.add(new DissectionError(f.offset, f.getMessage()));
                }
            }
            rr.value = summary.toString();
            rr.display = rr.value;
            return rdStart + rdlen;
        }

        /** SRV owners are split into service, protocol and name like Wireshark does. */
        private void srvOwner(Node rr, WireName name) {
            String[] parts = name.text.split("\\.", 3);
            // the name's wire form hangs under the first of the three (they share the same bytes)
            rr.add(new FieldSpan(SRV_SERVICE.id(), SRV_SERVICE.label(), parts[0], SRV_SERVICE.label() + ": " + parts[0],
                    name.offset, name.length, 0, name.parts));
            if (parts.length > 1) {
                rr.add(text(SRV_PROTO, name.offset, name.length, parts[1]));
                if (parts.length > 2) {
                    rr.add(text(SRV_NAME, name.offset, name.length, parts[2]));
                }
            }
        }

        void need(int at, int n, String what) {
            if (at + n > len) {
                throw new Fault(len, "The message ends at byte " + len + " " + what);
            }
        }

        /**
         * What the name that starts at a compression target says, remembered per message: most
         * records point at the same few names, so each is spelled out once.
         */
        static final class Suffix {
            int target;
            String text;
            String labelForm;
            int rawLength;
            int labels;
            int dots;
            int wireLength;
            FieldSpan pointer;
            /** The last name line made for this name, and for which field: records repeat both. */
            FieldDef displayDef;
            String display;
        }

        private Suffix[] suffixes;
        private int suffixCount;

        private Suffix suffixAt(int target) {
            for (int i = 0; i < suffixCount; i++) {
                if (suffixes[i].target == target) {
                    return suffixes[i];
                }
            }
            return null;
        }

        private void remember(Suffix x) {
            if (suffixes == null) {
                suffixes = new Suffix[8];
            } else if (suffixCount == suffixes.length) {
                if (suffixCount >= 64) {
                    return; // enough; a message with more distinct targets is rare and still correct
                }
                suffixes = java.util.Arrays.copyOf(suffixes, suffixCount * 2);
            }
            suffixes[suffixCount++] = x;
        }

        /**
         * Reads a name at {@code start}, following compression pointers. {@code limit} bounds the
         * bytes the name may use in place (record data); beyond the message or the limit is a fault.
         */
        WireName readName(int start, int limit) {
            lastOffset = start;
            WireName n = new WireName();
            n.offset = start;
            n.parts = new ArrayList<>(5);
            StringBuilder text = new StringBuilder(32);
            StringBuilder form = new StringBuilder(40);
            int pos = start;
            int segmentStart = start;
            int inPlaceEnd = -1;
            int wireLength = 0;
            int rawLength = 0;
            int dots = 0;
            int labels = 0;
            // the first pointer: where it sits, and where the name stood when it was taken
            if (start + 1 < Math.min(len, limit) && (u8(start) & 0xC0) == 0xC0) {
                // fast path: a lone pointer to a name spelled out before (owners of most records)
                int target = ((u8(start) & 0x3F) << 8) | u8(start + 1);
                Suffix k = target < start ? suffixAt(target) : null;
                if (k != null) {
                    return fromSuffix(start, k);
                }
            }
            int pointerAt = -1;
            int pointerTarget = 0;
            int textAtJump = 0;
            int formAtJump = 0;
            int rawAtJump = 0;
            int labelsAtJump = 0;
            int dotsAtJump = 0;
            int wireAtJump = 0;
            Suffix known = null;
            int end = Math.min(len, limit);
            while (true) {
                boolean inPlace = inPlaceEnd < 0;
                int bound = inPlace ? end : len;
                if (pos >= bound) {
                    if (inPlace && pos < len) {
                        throw new RdataFault(pos, "The name at byte " + start + " in " + where()
                                + " runs past the end of the record data (at byte " + limit + ")");
                    }
                    String whose = start == pos || inPlace ? "the name that starts at byte " + start
                            : "the name that a compression pointer leads to";
                    throw new Fault(len, "The message ends at byte " + len + " inside " + whose + " (in " + where()
                            + ")");
                }
                int c = u8(pos);
                if (c == 0) {
                    if (inPlace) {
                        n.parts.add(new FieldSpan(NAME_ROOT, "Root label", "00", "Root label: 00 (end of name)", pos,
                                1, 0, List.of()));
                        inPlaceEnd = pos + 1;
                    }
                    wireLength += 1;
                    break;
                }
                int kind = c & 0xC0;
                if (kind == 0xC0) {
                    if (pos + 1 >= bound) {
                        if (inPlace && pos + 1 < len) {
                            throw new RdataFault(pos, "The compression pointer at byte " + pos + " in " + where()
                                    + " runs past the end of the record data (at byte " + limit + ")");
                        }
                        throw new Fault(len, "The message ends at byte " + len
                                + " in the middle of the compression pointer at byte " + pos + " (in " + where() + ")");
                    }
                    int target = ((c & 0x3F) << 8) | u8(pos + 1);
                    if (target >= pos) {
                        throw new Fault(pos, "Compression pointer at byte " + pos + (target == pos
                                ? " points to itself" : " points forward to byte " + target)
                                + "; pointers must point backwards (in " + where() + ")");
                    }
                    if (target >= segmentStart) {
                        throw new Fault(pos, "Compression pointer at byte " + pos + " points back to byte " + target
                                + ", into the same name, so the name would repeat forever (in " + where() + ")");
                    }
                    if (inPlace) {
                        pointerAt = pos;
                        pointerTarget = target;
                        textAtJump = text.length();
                        formAtJump = form.length();
                        rawAtJump = rawLength;
                        labelsAtJump = labels;
                        dotsAtJump = dots;
                        wireAtJump = wireLength;
                        n.parts.add(null); // the pointer's line names the rest, known only at the end
                        inPlaceEnd = pos + 2;
                        known = suffixAt(target);
                        if (known != null) {
                            if (wireLength + known.wireLength > 255) {
                                throw new Fault(start, "The name starting at byte " + start + " is longer than 255"
                                        + " bytes; a name holds at most 255 (in " + where() + ")");
                            }
                            if (known.labels > 0) {
                                if (labels > 0) {
                                    text.append('.');
                                    rawLength++;
                                }
                                text.append(known.text);
                                form.append(known.labelForm);
                            }
                            rawLength += known.rawLength;
                            labels += known.labels;
                            dots += known.dots;
                            wireLength += known.wireLength;
                            break;
                        }
                    }
                    pos = target;
                    segmentStart = target;
                    continue;
                }
                if (kind != 0) {
                    throw new Fault(pos, "Label at byte " + pos + " claims " + c + " bytes; a label holds at most 63"
                            + " (length bytes 64 to 191 are reserved label types; in " + where() + ")");
                }
                if (pos + 1 + c > bound) {
                    if (inPlace && pos + 1 + c <= len) {
                        throw new RdataFault(pos, "The label at byte " + pos + " in " + where()
                                + " runs past the end of the record data (at byte " + limit + ")");
                    }
                    throw new Fault(pos, "Label at byte " + pos + " claims " + c + " bytes but the message ends after "
                            + (len - pos - 1) + " (in " + where() + ")");
                }
                wireLength += 1 + c;
                if (wireLength + 1 > 255) {
                    throw new Fault(start, "The name starting at byte " + start + " is longer than 255 bytes; a name"
                            + " holds at most 255 (in " + where() + ")");
                }
                if (labels > 0) {
                    text.append('.');
                    rawLength++;
                }
                for (int i = pos + 1; i <= pos + c; i++) {
                    if (m[i] == '.') {
                        dots++;
                    }
                }
                int formStart = form.length();
                WireText.appendFormatted(text, m, pos + 1, c);
                form.append('(').append(c).append(')');
                WireText.appendFormatted(form, m, pos + 1, c);
                rawLength += c;
                if (inPlace) {
                    String oneLabel = form.substring(formStart);
                    n.parts.add(new FieldSpan(NAME_LABEL, "Label", oneLabel, "Label: " + oneLabel, pos, 1 + c, 0,
                            List.of()));
                }
                labels++;
                pos += 1 + c;
            }
            n.length = inPlaceEnd - start;
            if (labels == 0) {
                n.text = "<Root>";
                n.rawLength = 6;
                n.labelForm = "(0)";
            } else {
                n.text = text.toString();
                n.rawLength = rawLength;
                n.labelForm = form.toString();
            }
            // Wireshark counts the dots of the printed name plus one, so "<Root>" has 1 and "a" has 0
            n.labelCount = n.rawLength <= 1 ? 0 : labels == 0 ? 1 : dots + (labels - 1) + 1;
            if (pointerAt >= 0) {
                if (known == null) {
                    known = new Suffix();
                    known.target = pointerTarget;
                    known.labels = labels - labelsAtJump;
                    // the dot that joined the in-place labels to the suffix belongs to neither
                    int joint = labelsAtJump > 0 && known.labels > 0 ? 1 : 0;
                    known.text = labels == 0 ? "" : n.text.substring(textAtJump + joint);
                    known.labelForm = labels == 0 ? "" : n.labelForm.substring(formAtJump);
                    known.rawLength = rawLength - rawAtJump - joint;
                    known.dots = dots - dotsAtJump;
                    known.wireLength = wireLength - wireAtJump;
                    remember(known);
                }
                n.parts.set(n.parts.size() - 1, pointerSpan(known, pointerAt));
            }
            return n;
        }

        private WireName fromSuffix(int start, Suffix k) {
            WireName n = new WireName();
            n.offset = start;
            n.length = 2;
            if (k.labels == 0) {
                n.text = "<Root>";
                n.rawLength = 6;
                n.labelForm = "(0)";
                n.labelCount = 1;
            } else {
                n.text = k.text;
                n.rawLength = k.rawLength;
                n.labelForm = k.labelForm;
                n.labelCount = k.rawLength <= 1 ? 0 : k.dots + k.labels;
            }
            n.parts = List.of(pointerSpan(k, start));
            n.whole = k;
            return n;
        }

        private FieldSpan pointerSpan(Suffix k, int pointerAt) {
            if (k.pointer == null || k.pointer.offset() != pointerAt) {
                String rest = k.labels == 0 ? "<Root>" : k.text;
                StringBuilder v = new StringBuilder(24);
                WireText.appendHex(v, m, pointerAt, 1);
                v.append(' ');
                WireText.appendHex(v, m, pointerAt + 1, 1);
                String value = v.append(" -> offset ").append(k.target).toString();
                k.pointer = new FieldSpan(NAME_POINTER, "Compression pointer", value,
                        "Compression pointer: " + value + " (continues with " + rest + ")", pointerAt, 2, 0,
                        List.of());
            }
            return k.pointer;
        }

        FieldSpan nameNode(FieldDef def, WireName n) {
            String display;
            Suffix k = n.whole;
            if (k != null && k.displayDef == def) {
                display = k.display;
            } else {
                display = def.label() + ": " + n.text + "  " + n.labelForm;
                if (k != null) {
                    k.displayDef = def;
                    k.display = display;
                }
            }
            return new FieldSpan(def.id(), def.label(), n.text, display, n.offset, n.length, 0, n.parts);
        }

        /** A span that will get children: reopened as a node with the same texts. */
        Node parent(FieldSpan s) {
            return new Node(s.id(), s.label(), s.value(), s.display(), s.offset(), s.length(), s.mask());
        }

        FieldSpan uint(FieldDef def, int at, int size, long raw) {
            return def.span(at, size, raw);
        }

        FieldSpan text(FieldDef def, int at, int size, String value) {
            return new FieldSpan(def.id(), def.label(), value, def.label() + ": " + value, at, size, 0, List.of());
        }

        FieldSpan bytes(FieldDef def, int at, int size) {
            return new FieldSpan(def.id(), def.label(), WireText.bytesJson(m, at, size),
                    def.label() + ": " + WireText.bytesShown(m, at, size), at, size, 0, List.of());
        }
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Decodes the data of one record; faults here stay inside the record. */
    private static final class Rdata {
        private final Walk w;
        private final byte[] m;
        private final Node rr;
        private final StringBuilder summary;
        private final int type;
        private final int start;
        private final int end;

        Rdata(Walk w, Node rr, StringBuilder summary, int type, int start, int rdlen) {
            this.w = w;
            this.m = w.m;
            this.rr = rr;
            this.summary = summary;
            this.type = type;
            this.start = start;
            this.end = start + rdlen;
        }

        private void need(int at, int n, String what) {
            if (at + n > end) {
                throw new RdataFault(at, "The data of " + w.where() + " (type " + typeName(type) + ") ends at byte " + end
                        + " but " + what + " at byte " + at + " needs " + n + (n == 1 ? " byte" : " bytes"));
            }
        }

        private void exact(int at) {
            if (at != end) {
                int extra = end - at;
                throw new RdataFault(at, capital(w.where()) + " (type " + typeName(type) + ") holds " + (end - start)
                        + " bytes of data; " + extra + (extra == 1 ? " byte" : " bytes") + " from byte " + at
                        + " are left over after its fields");
            }
        }

        private WireName name(int at) {
            if (at >= end) {
                throw new RdataFault(at, "The data of " + w.where() + " (type " + typeName(type) + ") ends at byte " + end
                        + " where a name should start");
            }
            return w.readName(at, end);
        }

        private int nameField(FieldDef def, int at, String summaryPrefix) {
            WireName n = name(at);
            rr.add(w.nameNode(def, n));
            if (summaryPrefix != null) {
                summary.append(summaryPrefix).append(n.text);
            }
            return at + n.length;
        }

        private int uintField(FieldDef def, int at, int size) {
            need(at, size, def.label());
            long raw = size == 1 ? w.u8(at) : size == 2 ? w.u16(at) : w.u32(at);
            rr.add(w.uint(def, at, size, raw));
            return at + size;
        }

        private int durationField(FieldDef def, int at) {
            return uintField(def, at, 4);
        }

        void decode() {
            int at = start;
            switch (type) {
                case 1 -> {
                    need(at, 4, "the IPv4 address");
                    String addr = ipv4(at);
                    rr.add(w.text(A, at, 4, addr));
                    summary.append(", addr ").append(addr);
                    exact(at + 4);
                }
                case 28 -> {
                    need(at, 16, "the IPv6 address");
                    byte[] a = new byte[16];
                    System.arraycopy(m, at, a, 0, 16);
                    String addr = IpText.format(a);
                    rr.add(w.text(AAAA, at, 16, addr));
                    summary.append(", addr ").append(addr);
                    exact(at + 16);
                }
                case 2 -> exact(nameField(NS, at, ", ns "));
                case 5 -> exact(nameField(CNAME, at, ", cname "));
                case 12 -> exact(nameField(PTR, at, ", "));
                case 39 -> exact(nameField(DNAME, at, ", dname "));
                case 3 -> exact(nameField(MD, at, null));
                case 4 -> exact(nameField(MF, at, null));
                case 7 -> exact(nameField(MB, at, null));
                case 8 -> exact(nameField(MG, at, null));
                case 9 -> exact(nameField(MR, at, null));
                case 14 -> exact(nameField(MINFO_E, nameField(MINFO_R, at, null), null));
                case 10 -> rr.add(w.bytes(NULL_DATA, at, end - at));
                case 6 -> soa(at);
                case 13 -> hinfo(at);
                case 15 -> {
                    need(at, 2, "the preference");
                    int pref = w.u16(at);
                    rr.add(w.uint(MX_PREFERENCE, at, 2, pref));
                    WireName n = name(at + 2);
                    rr.add(w.nameNode(MX_EXCHANGE, n));
                    summary.append(", preference ").append(pref).append(", mx ").append(n.text);
                    exact(at + 2 + n.length);
                }
                case 16 -> strings(at, TXT_LEN, TXT);
                case 99 -> strings(at, SPF_LEN, SPF);
                case 33 -> srv(at);
                case 41 -> options(at);
                case 43, 59, 32769 -> {
                    at = uintField(DS_KEY_ID, at, 2);
                    at = uintField(DS_ALGORITHM, at, 1);
                    at = uintField(DS_DIGEST_TYPE, at, 1);
                    rr.add(w.bytes(DS_DIGEST, at, end - at));
                }
                case 46, 24 -> rrsig(at);
                case 47 -> {
                    WireName n = name(at);
                    rr.add(w.nameNode(NSEC_NEXT, n));
                    summary.append(", next domain name ").append(n.text);
                    bitmap(at + n.length);
                }
                case 48, 60 -> dnskey(at);
                case 257 -> caa(at);
                default -> rr.add(w.bytes(DATA, at, end - at));
            }
        }

        /** Dotted quad without the byte array IpText needs: A records are the most common data. */
        private String ipv4(int at) {
            StringBuilder sb = new StringBuilder(15);
            sb.append(m[at] & 0xFF).append('.').append(m[at + 1] & 0xFF).append('.').append(m[at + 2] & 0xFF)
                    .append('.').append(m[at + 3] & 0xFF);
            return sb.toString();
        }

        private void soa(int at) {
            WireName mname = name(at);
            rr.add(w.nameNode(SOA_MNAME, mname));
            summary.append(", mname ").append(mname.text);
            at += mname.length;
            WireName rname = name(at);
            rr.add(w.nameNode(SOA_RNAME, rname));
            at += rname.length;
            at = uintField(SOA_SERIAL, at, 4);
            at = durationField(SOA_REFRESH, at);
            at = durationField(SOA_RETRY, at);
            at = durationField(SOA_EXPIRE, at);
            at = durationField(SOA_MINIMUM, at);
            exact(at);
        }

        private int characterString(int at, FieldDef lengthDef, FieldDef textDef, String what) {
            need(at, 1, "the length of " + what);
            int n = w.u8(at);
            rr.add(w.uint(lengthDef, at, 1, n));
            if (at + 1 + n > end) {
                throw new RdataFault(at, capital(what) + " at byte " + at + " claims " + n + " bytes but the data of "
                        + w.where() + " has only " + (end - at - 1) + " left");
            }
            rr.add(w.text(textDef, at + 1, n, WireText.ascii(m, at + 1, n)));
            return at + 1 + n;
        }

        private void hinfo(int at) {
            int cpuAt = at;
            at = characterString(at, HINFO_CPU_LEN, HINFO_CPU, "the CPU string");
            int osAt = at;
            at = characterString(at, HINFO_OS_LEN, HINFO_OS, "the OS string");
            summary.append(", CPU ").append(WireText.ascii(m, cpuAt + 1, w.u8(cpuAt)))
                    .append(", OS ").append(WireText.ascii(m, osAt + 1, w.u8(osAt)));
            exact(at);
        }

        private void strings(int at, FieldDef lengthDef, FieldDef textDef) {
            while (at < end) {
                at = characterString(at, lengthDef, textDef, "the text string");
            }
        }

        private void srv(int at) {
            at = uintField(SRV_PRIORITY, at, 2);
            at = uintField(SRV_WEIGHT, at, 2);
            at = uintField(SRV_PORT, at, 2);
            WireName n = name(at);
            rr.add(w.nameNode(SRV_TARGET, n));
            summary.append(", priority ").append(w.u16(start)).append(", weight ").append(w.u16(start + 2))
                    .append(", port ").append(w.u16(start + 4)).append(", target ").append(n.text);
            exact(at + n.length);
        }

        private void rrsig(int at) {
            at = uintField(RRSIG_TYPE_COVERED, at, 2);
            at = uintField(RRSIG_ALGORITHM, at, 1);
            at = uintField(RRSIG_LABELS, at, 1);
            at = durationField(RRSIG_ORIGINAL_TTL, at);
            at = timeField(RRSIG_EXPIRATION, at);
            at = timeField(RRSIG_INCEPTION, at);
            at = uintField(RRSIG_KEY_TAG, at, 2);
            WireName n = name(at);
            rr.add(w.nameNode(RRSIG_SIGNER, n));
            at += n.length;
            if (at < end) {
                rr.add(w.bytes(RRSIG_SIGNATURE, at, end - at));
            }
        }

        private int timeField(FieldDef def, int at) {
            need(at, 4, def.label());
            String t = WireText.absoluteTime(w.u32(at));
            rr.add(w.text(def, at, 4, t));
            return at + 4;
        }

        private void bitmap(int at) {
            while (at < end) {
                need(at, 2, "a type bitmap window header");
                int window = w.u8(at);
                int blocks = w.u8(at + 1);
                at += 2;
                need(at, blocks, "the type bitmap");
                for (int b = 0; b < blocks; b++, at++) {
                    int bits = w.u8(at);
                    for (int i = 0; i < 8; i++) {
                        if ((bits & (0x80 >> i)) != 0) {
                            int t = window * 256 + b * 8 + i;
                            String d = TYPE_DESCRIPTIONS.apply(t);
                            rr.add(new FieldSpan(BITMAP_TYPE.id(), BITMAP_TYPE.label(), Integer.toString(t),
                                    "RR type in bit map: " + (d != null ? d : typeName(t)), at, 1, 0, List.of()));
                        }
                    }
                }
            }
        }

        private void dnskey(int at) {
            need(at, 4, "the flags, protocol and algorithm");
            int flags = w.u16(at);
            Node f = rr.add(w.parent(w.uint(DNSKEY_FLAGS, at, 2, flags)));
            f.add(w.uint(DNSKEY_ZONE_KEY, at, 2, flags));
            f.add(w.uint(DNSKEY_REVOKED, at, 2, flags));
            f.add(w.uint(DNSKEY_SEP, at, 2, flags));
            f.add(w.uint(DNSKEY_RESERVED, at, 2, flags));
            at = uintField(DNSKEY_PROTOCOL, at + 2, 1);
            int algorithm = w.u8(at);
            at = uintField(DNSKEY_ALGORITHM, at, 1);
            int keyId = keyTag(algorithm);
            if (keyId >= 0) {
                rr.add(new FieldSpan(DNSKEY_KEY_ID.id(), DNSKEY_KEY_ID.label(), Integer.toString(keyId),
                        "[Key id: " + keyId + "]", at, 0, 0, List.of()));
            }
            rr.add(w.bytes(DNSKEY_PUBLIC_KEY, at, end - at));
        }

        /** RFC 4034 appendix B key tag over the whole rdata, as Wireshark computes it; -1 if too short. */
        private int keyTag(int algorithm) {
            int size = end - start;
            if (algorithm == 1) {
                return size < 4 ? -1 : w.u16(end - 3);
            }
            long ac = 0;
            for (int i = 0; i < size; i++) {
                int b = m[start + i] & 0xFF;
                ac += (i & 1) != 0 ? b : (long) b << 8;
            }
            ac += (ac >> 16) & 0xFFFF;
            return (int) (ac & 0xFFFF);
        }

        private void caa(int at) {
            need(at, 2, "the flags and tag length");
            int flags = w.u8(at);
            Node f = rr.add(w.parent(w.uint(CAA_FLAGS, at, 1, flags)));
            f.add(w.uint(CAA_CRITICAL, at, 1, flags));
            at++;
            int tagLen = w.u8(at);
            if (at + 1 + tagLen > end) {
                throw new RdataFault(at, "The CAA tag at byte " + at + " claims " + tagLen + " bytes but the data of "
                        + w.where() + " has only " + (end - at - 1) + " left");
            }
            String tag = WireText.ascii(m, at + 1, tagLen);
            int valueLen = end - (at + 1 + tagLen);
            String value = WireText.ascii(m, at + 1 + tagLen, valueLen);
            FieldDef def;
            // Wireshark compares only the first tagLen characters (strncmp), so "iss" reads as "issue"
            if (tagLen <= 5 && "issue".startsWith(tag)) {
                def = CAA_ISSUE;
            } else if (tagLen <= 9 && "issuewild".startsWith(tag)) {
                def = CAA_ISSUEWILD;
            } else if (tagLen <= 5 && "iodef".startsWith(tag)) {
                def = CAA_IODEF;
            } else {
                def = CAA_UNKNOWN;
            }
            Node item = rr.add(w.parent(w.text(def, at, 1 + tagLen + valueLen, value)));
            item.add(w.uint(CAA_TAG_LEN, at, 1, tagLen));
            item.add(w.text(CAA_TAG, at + 1, tagLen, tag));
            item.add(w.text(CAA_VALUE, at + 1 + tagLen, valueLen, value));
        }

        private void options(int at) {
            while (at < end) {
                need(at, 4, "an EDNS option's code and length");
                int code = w.u16(at);
                int optLen = w.u16(at + 2);
                String name = EDNS_OPTIONS.apply(code);
                Node opt = rr.add(new Node(OPT.id(), OPT.label(), "", "Option: " + (name != null ? name
                        : "Unknown (" + code + ")"), at, 4 + optLen, 0));
                opt.add(w.uint(OPT_CODE, at, 2, code));
                opt.add(w.uint(OPT_LEN, at + 2, 2, optLen));
                int data = at + 4;
                if (data + optLen > end) {
                    opt.length = end - at;
                    throw new RdataFault(at + 2, "EDNS option at byte " + at + " claims " + optLen
                            + " bytes of data but the OPT record has only " + (end - data) + " left");
                }
                opt.add(w.bytes(OPT_DATA, data, optLen));
                option(opt, code, data, optLen);
                at = data + optLen;
            }
        }

        private void option(Node opt, int code, int at, int optLen) {
            switch (code) {
                case 10 -> {
                    if (optLen < 8) {
                        throw new RdataFault(at, "The COOKIE option at byte " + (at - 4) + " holds " + optLen
                                + " bytes; a client cookie alone needs 8");
                    }
                    opt.add(w.bytes(OPT_COOKIE_CLIENT, at, 8));
                    opt.add(w.bytes(OPT_COOKIE_SERVER, at + 8, optLen - 8));
                }
                case 8, 0x50fa -> {
                    if (optLen < 4) {
                        throw new RdataFault(at, "The client subnet option at byte " + (at - 4) + " holds " + optLen
                                + " bytes; its family and netmasks alone need 4");
                    }
                    int family = w.u16(at);
                    opt.add(w.uint(OPT_CLIENT_FAMILY, at, 2, family));
                    opt.add(w.uint(OPT_CLIENT_NETMASK, at + 2, 1, w.u8(at + 2)));
                    opt.add(w.uint(OPT_CLIENT_SCOPE, at + 3, 1, w.u8(at + 3)));
                    int addrLen = optLen - 4;
                    int copy = Math.min(addrLen, 16);
                    if (family == 1 || family == 2) {
                        byte[] a = new byte[family == 1 ? 4 : 16];
                        System.arraycopy(m, at + 4, a, 0, Math.min(copy, a.length));
                        String addr = IpText.format(a);
                        FieldDef def = family == 1 ? OPT_CLIENT_ADDR4 : OPT_CLIENT_ADDR6;
                        opt.add(w.text(def, at + 4, copy, addr));
                    } else {
                        opt.add(w.bytes(OPT_CLIENT_ADDR, at + 4, addrLen));
                    }
                }
                case 11 -> {
                    if (optLen == 2) {
                        opt.add(w.uint(OPT_TCP_KEEPALIVE, at, 2, w.u16(at)));
                    }
                }
                case 12 -> opt.add(w.bytes(OPT_PADDING, at, optLen));
                case 15 -> {
                    if (optLen >= 2) {
                        opt.add(w.uint(OPT_EXT_ERROR_CODE, at, 2, w.u16(at)));
                        if (optLen > 2) {
                            StringBuilder sb = new StringBuilder(optLen);
                            WireText.appendFormatted(sb, m, at + 2, optLen - 2);
                            opt.add(w.text(OPT_EXT_ERROR_TEXT, at + 2, optLen - 2, sb.toString()));
                        }
                    }
                }
                default -> {
                    // option data is shown as bytes only, as Wireshark does for NSID, EXPIRE and others
                }
            }
        }
    }
}
