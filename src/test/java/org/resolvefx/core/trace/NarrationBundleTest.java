package org.resolvefx.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Both languages have every sentence, with the same placeholders, and the German file is read as UTF-8. */
class NarrationBundleTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    @Test
    void sameKeysInBothLanguages() {
        Set<String> en = new TreeSet<>(Collections.list(Narrator.EN.bundle().getKeys()));
        Set<String> de = new TreeSet<>(Collections.list(Narrator.DE.bundle().getKeys()));
        assertThat(en).isNotEmpty();
        assertThat(de).isEqualTo(en);
    }

    @Test
    void samePlaceholdersAndNoEmptyTemplates() {
        for (String key : Collections.list(Narrator.EN.bundle().getKeys())) {
            String en = Narrator.EN.bundle().getString(key);
            String de = Narrator.DE.bundle().getString(key);
            assertThat(en).as(key).isNotBlank();
            assertThat(de).as(key).isNotBlank();
            assertThat(placeholders(de)).as(key).isEqualTo(placeholders(en));
        }
    }

    @Test
    void germanIsReadAsUtf8AndEnglishDoesNotFallBackToGerman() {
        assertThat(Narrator.DE.bundle().getString("via.tcp")).isEqualTo(" über TCP");
        assertThat(Narrator.DE.bundle().getString("answer.records")).startsWith("Die Auflösung");
        assertThat(Narrator.EN.bundle().getString("via.tcp")).isEqualTo(" over TCP");
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertThat(new Narrator.Lang(java.util.Locale.ROOT).text("via.tcp")).isEqualTo(" over TCP");
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void fillingReplacesOnceAndCapitalisesOnRequest() {
        Narrator.Args a = new Narrator.Args().with("who", "the {who} resolver").with("n", "3");
        assertThat(Narrator.Lang.fillTemplate("{Who} asked {n} times; {missing} stays.", a))
                .isEqualTo("The {who} resolver asked 3 times; {missing} stays.");
    }
}
