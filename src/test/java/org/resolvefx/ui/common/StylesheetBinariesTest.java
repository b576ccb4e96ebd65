package org.resolvefx.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.ParsedValue;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * The build writes a {@code .bss} beside every stylesheet (StylesheetCompiler), and JavaFX prefers it to
 * the text. A binary that fell behind its text would silently style the application with old rules, so
 * every binary on the class path must say exactly what its text says: same rules, selectors,
 * properties and values, in the same order.
 */
class StylesheetBinariesTest {

    @Test
    void everyStylesheetHasABinaryThatMatchesItsText() throws IOException {
        List<String> sheets = stylesheetResources();
        assertFalse(sheets.isEmpty(), "no stylesheets found under src/main/resources");
        for (String css : sheets) {
            URL text = getClass().getResource("/" + css);
            URL binary = getClass().getResource("/" + css.substring(0, css.length() - ".css".length()) + ".bss");
            assertNotNull(text, css);
            assertNotNull(binary, "no binary stylesheet for " + css + " (the build's process-classes step makes it)");
            assertEquals(describe(new CssParser().parse(text)), describe(Stylesheet.loadBinary(binary)),
                    css + ": the binary stylesheet differs from the text; rebuild (mvn process-classes)");
        }
    }

    @Test
    void binarySitsBesideItsText() {
        assertEquals(Path.of("a", "b", "flow.bss"), StylesheetCompiler.binaryOf(Path.of("a", "b", "flow.css")));
    }

    private static List<String> stylesheetResources() throws IOException {
        Path root = Path.of("src/main/resources");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".css"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** A parsed value as text, nested values and arrays included (ParsedValue's own toString prints array ids). */
    private static String render(Object v) {
        if (v instanceof ParsedValue<?, ?> pv) {
            String conv = pv.getConverter() == null ? "" : pv.getConverter().getClass().getSimpleName() + ":";
            return conv + render(pv.getValue());
        }
        if (v instanceof Object[] array) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : array) {
                sb.append(render(o)).append(' ');
            }
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }

    private static List<String> describe(Stylesheet sheet) {
        List<String> out = new ArrayList<>();
        for (Rule r : sheet.getRules()) {
            out.add("rule " + r.getSelectors());
            for (Declaration d : r.getDeclarations()) {
                out.add("  " + d.getProperty() + " = " + render(d.getParsedValue()) + (d.isImportant() ? " !important" : ""));
            }
        }
        return out;
    }
}
