package org.resolvefx.core.lesson;

import java.util.Locale;
import java.util.Objects;

/**
 * A text of a lesson in English and German. An empty string means "not given in this language"
 * (narration a lecturer wrote in one language only).
 */
public record Bilingual(String en, String de) {
    public static final Bilingual EMPTY = new Bilingual("", "");

    public Bilingual {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(de, "de");
    }

    /** German for German locales, English otherwise. */
    public String text(Locale locale) {
        return "de".equals(locale.getLanguage()) ? de : en;
    }

    /** The text in a language given by its code ("en", "de"); empty for other codes. */
    public String in(String language) {
        return switch (language) {
            case "en" -> en;
            case "de" -> de;
            default -> "";
        };
    }

    /** A copy with the text of one language replaced. */
    public Bilingual with(String language, String text) {
        return switch (language) {
            case "en" -> new Bilingual(text, de);
            case "de" -> new Bilingual(en, text);
            default -> throw new IllegalArgumentException("unknown language " + language);
        };
    }

    public boolean isEmpty() {
        return en.isEmpty() && de.isEmpty();
    }
}
