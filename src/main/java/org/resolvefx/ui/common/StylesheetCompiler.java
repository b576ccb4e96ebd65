package org.resolvefx.ui.common;

import com.sun.javafx.css.parser.Css2Bin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step (process-classes, see pom.xml): writes a binary stylesheet ({@code .bss}) beside every
 * {@code .css} of the compiled classes. JavaFX loads {@code name.bss} instead of parsing
 * {@code name.css} when both exist, which saves the parse (about 0.1 s of start-up on a cold JVM).
 * The conversion is JavaFX's own (the tool that makes Modena's {@code .bss}); this class only walks
 * the folder. {@code StylesheetBinariesTest} checks that every binary says what its text says.
 */
public final class StylesheetCompiler {
    private StylesheetCompiler() {
    }

    /** usage: StylesheetCompiler CLASSES_DIR */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StylesheetCompiler CLASSES_DIR");
        }
        List<Path> sheets;
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            sheets = files.filter(p -> p.getFileName().toString().endsWith(".css")).sorted().toList();
        }
        for (Path css : sheets) {
            Css2Bin.convertToBinary(css.toString(), binaryOf(css).toString());
        }
        System.out.println("StylesheetCompiler: " + sheets.size() + " binary stylesheets in " + args[0]);
    }

    /** The binary JavaFX looks for beside {@code css}. */
    public static Path binaryOf(Path css) {
        String name = css.getFileName().toString();
        return css.resolveSibling(name.substring(0, name.length() - ".css".length()) + ".bss");
    }
}
