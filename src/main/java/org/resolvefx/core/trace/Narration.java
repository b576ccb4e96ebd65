package org.resolvefx.core.trace;

import java.util.Locale;
import java.util.Objects;

/** One plain-language sentence for students, in English and German. */
public record Narration(String en, String de) {
    public Narration {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(de, "de");
    }

    /** German for German locales, English otherwise. */
    public String text(Locale locale) {
        return "de".equals(locale.getLanguage()) ? de : en;
    }
}
