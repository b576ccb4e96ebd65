package org.resolvefx.core.playback;

import java.util.Locale;
import java.util.Objects;

/**
 * The short text written on an arrow ("A? www.p2p.tu-darmstadt.de", "referral to de", "TC=1"), in
 * English and German. Names are printed without the final dot, as students read them.
 *
 * @param kind what the message says, so a view can pick an icon or colour without parsing text
 * @param en   English text
 * @param de   German text
 */
public record ArrowLabel(Kind kind, String en, String de) {

    public ArrowLabel {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(de, "de");
    }

    /** Label whose text is the same in both languages (record data, RCODE names). */
    static ArrowLabel same(Kind kind, String text) {
        return new ArrowLabel(kind, text, text);
    }

    /** German for German locales, English otherwise. */
    public String text(Locale locale) {
        return "de".equals(locale.getLanguage()) ? de : en;
    }

    /** The English text. */
    public String text() {
        return en;
    }

    /** The text cut to at most {@code maxChars} characters with an ellipsis, for narrow arrows. */
    public String abbreviated(Locale locale, int maxChars) {
        String t = text(locale);
        if (maxChars < 2 || t.length() <= maxChars) {
            return t;
        }
        return t.substring(0, maxChars - 1) + "\u2026";
    }

    @Override
    public String toString() {
        return en;
    }

    public enum Kind {
        /** A query: "A? www.p2p.tu-darmstadt.de". */
        QUESTION,
        /** A delegation to a zone closer to the name: "referral to de". */
        REFERRAL,
        /** An alias without the final records: "CNAME charon.dekanat.informatik.tu-darmstadt.de". */
        ALIAS,
        /** Records of the asked type: "A 127.0.31.10". */
        ANSWER,
        /** The name does not exist. */
        NXDOMAIN,
        /** The name exists but has no records of the asked type. */
        NODATA,
        /** TC=1. */
        TRUNCATED,
        /** An error RCODE: "SERVFAIL", "REFUSED". */
        ERROR,
        /** NOERROR with nothing in it that says anything. */
        EMPTY,
        /** Not a well-formed DNS message. */
        MALFORMED
    }
}
