package org.resolvefx.core.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The question sentences exist in English and German with the same placeholders. */
class PredictTextsTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private static Properties load(String name) throws IOException {
        try (InputStream in = PredictTextsTest.class.getResourceAsStream("/org/resolvefx/core/predict/" + name)) {
            assertThat(in).as(name).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            String k = m.group(1);
            out.add(Character.toLowerCase(k.charAt(0)) + k.substring(1));
        }
        return out;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties en = load("questions.properties");
        Properties de = load("questions_de.properties");
        assertThat(de.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        int translated = 0;
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(de.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
            assertThat(de.getProperty(key)).as(key).isNotBlank();
            translated += de.getProperty(key).equals(en.getProperty(key)) ? 0 : 1;
        }
        // only a few texts are the same in both languages (arrows, technical terms)
        assertThat(translated).isGreaterThan(en.size() - 5);
    }

    @Test
    void fillingCapitalisesOnRequestAndRefusesUnknownPlaceholders() {
        var t = PredictTexts.text("why.next.plain", PredictTexts.args().with("asker",
                PredictTexts.text("party.resolver.nom")).with("target", "a.nic.de").with("zone", "de"));
        assertThat(t.en()).isEqualTo("The local resolver asks a.nic.de, a server for de.");
        assertThat(t.de()).isEqualTo("Der lokale Resolver fragt a.nic.de, einen Server für de.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PredictTexts.text("why.next.plain"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{Asker}");
        assertThat(PredictTexts.list(java.util.List.of("a", "b", "c")).de()).isEqualTo("a, b und c");
        assertThat(PredictTexts.list(java.util.List.of("a", "b", "c", "d", "e")).en()).isEqualTo("a, b, c and 2 more");
    }
}
