package org.resolvefx.core.predict;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.resolvefx.core.trace.Narration;

/**
 * The sentences of generated questions, in English and German, from
 * {@code org/resolvefx/core/predict/questions*.properties}. Placeholders are {@code {name}};
 * {@code {Name}} capitalises the value's first letter. Values are {@link Narration}s because a
 * part such as "the local resolver" differs by language and German case.
 */
final class PredictTexts {
    private static final String BUNDLE = "org.resolvefx.core.predict.questions";
    private static final ResourceBundle EN = ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    private static final ResourceBundle DE = ResourceBundle.getBundle(BUNDLE, Locale.GERMAN,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    private static final int MAX_LISTED = 3;

    private PredictTexts() {
    }

    /** Arguments for a template; each value in both languages. */
    static final class Args {
        private final Map<String, Narration> values = new HashMap<>();

        Args with(String key, Narration value) {
            values.put(key, value);
            return this;
        }

        Args with(String key, String sameInBoth) {
            return with(key, new Narration(sameInBoth, sameInBoth));
        }
    }

    static Args args() {
        return new Args();
    }

    static Narration text(String key) {
        return text(key, new Args());
    }

    static Narration text(String key, Args args) {
        return new Narration(fill(EN.getString(key), args, true), fill(DE.getString(key), args, false));
    }

    /** "a", "a and b", "a, b and c", "a, b, c and 4 more", in both languages. */
    static Narration list(List<String> items) {
        if (items.isEmpty()) {
            return new Narration("", "");
        }
        if (items.size() == 1) {
            return new Narration(items.get(0), items.get(0));
        }
        if (items.size() > MAX_LISTED + 1) {
            return text("list.more", args().with("list", String.join(", ", items.subList(0, MAX_LISTED)))
                    .with("count", Integer.toString(items.size() - MAX_LISTED)));
        }
        return text("list.and", args().with("first", String.join(", ", items.subList(0, items.size() - 1)))
                .with("last", items.get(items.size() - 1)));
    }

    private static String fill(String template, Args args, boolean english) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 1) {
                String key = template.substring(i + 1, close);
                boolean capital = Character.isUpperCase(key.charAt(0));
                String lookup = capital ? Character.toLowerCase(key.charAt(0)) + key.substring(1) : key;
                Narration v = args.values.get(lookup);
                if (v == null) {
                    // a template names a value the generator does not give: a programming error, caught by tests
                    throw new IllegalStateException("no value for {" + key + "} in \"" + template + "\"");
                }
                String s = english ? v.en() : v.de();
                out.append(capital && !s.isEmpty() ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s);
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
