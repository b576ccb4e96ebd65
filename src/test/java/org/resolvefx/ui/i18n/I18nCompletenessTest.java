package org.resolvefx.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text of the interface exists in English and German, with the same placeholders. */
class I18nCompletenessTest {

    @ParameterizedTest
    @ValueSource(strings = {"org/resolvefx/ui/i18n/messages"})
    void everyKeyInBothLanguages(String base) throws IOException {
        Properties en = load(base + ".properties");
        Properties de = load(base + "_de.properties");
        assertThat(de.stringPropertyNames()).as("keys missing in German")
                .containsAll(en.stringPropertyNames());
        assertThat(en.stringPropertyNames()).as("keys missing in English")
                .containsAll(de.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(de.getProperty(key))).as("placeholders of " + key)
                    .isEqualTo(placeholders(en.getProperty(key)));
            assertThat(de.getProperty(key)).as("German text of " + key).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"org/resolvefx/ui/i18n/messages"})
    void everyPatternIsAValidMessageFormat(String base) throws IOException {
        for (String file : new String[] {base + ".properties", base + "_de.properties"}) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                new MessageFormat(p.getProperty(key), Locale.ROOT);
            }
        }
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d+)[^}]*}").matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = I18nCompletenessTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
