package org.resolvefx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `export` from the built jar in a separate JVM with no display (DISPLAY removed): the real views
 * drawn headless into PNGs of the requested scale.
 */
class ExportCommandIT {
    record Run(int exit, String out) {
    }

    private static Run jar(Path dir, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("resolvefx.jar", "target/resolvefx.jar");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djavafx.cachedir=" + Path.of("target", "javafx-cache").toAbsolutePath(), "-jar", jar));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    @Test
    void everyStepOfATraceBecomesAPictureWithoutADisplay(@TempDir Path dir) throws Exception {
        Run trace = jar(dir, "trace", "www.p2p.tu-darmstadt.de", "A", "--sandbox", "--mode", "recursive",
                "--out", "lecture.trace.json");
        assertThat(trace.exit()).as(trace.out()).isZero();

        Run one = jar(dir, "export", "lecture.trace.json", "--png", "one", "--view", "flow", "--scale", "1",
                "--steps", "4");
        assertThat(one.exit()).as(one.out()).isZero();
        Run two = jar(dir, "export", "lecture.trace.json", "--png", "two", "--view", "flow", "--scale", "2",
                "--steps", "4", "--theme", "projector");
        assertThat(two.exit()).as(two.out()).isZero();
        BufferedImage small = ImageIO.read(dir.resolve("one/step-004.png").toFile());
        BufferedImage big = ImageIO.read(dir.resolve("two/step-004.png").toFile());
        assertThat(small.getWidth()).isGreaterThan(300);
        assertThat(distinctColours(small)).as("not blank").isGreaterThan(20);
        assertThat(distinctColours(big)).as("not blank").isGreaterThan(20);
        assertThat(big.getWidth()).as("2x of the projector drawing").isGreaterThan(small.getWidth());

        Run all = jar(dir, "export", "lecture.trace.json", "--png", "all", "--view", "tree", "--lang", "de");
        assertThat(all.exit()).as(all.out()).isZero();
        try (var files = Files.list(dir.resolve("all"))) {
            assertThat(files.count()).isGreaterThan(10);
        }
        assertThat(all.out()).contains("wrote");
    }

    @Test
    void aCaptureExportsItsLookupAndBadInputIsExplained(@TempDir Path dir) throws Exception {
        Path pcap = Path.of("src/test/resources/captures/shared/b-trace.pcap").toAbsolutePath();
        Run ok = jar(dir, "export", pcap.toString(), "--png", "walk", "--steps", "0-2", "--view", "window",
                "--scale", "1");
        assertThat(ok.exit()).as(ok.out()).isZero();
        try (var files = Files.list(dir.resolve("walk"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("step-000.png", "step-001.png", "step-002.png");
        }

        Run missing = jar(dir, "export", "nope.trace.json", "--png", "x");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).contains("nope.trace.json").contains("no such file");

        Run badView = jar(dir, "export", pcap.toString(), "--png", "x", "--view", "sideways");
        assertThat(badView.exit()).isEqualTo(2);
        assertThat(badView.out()).contains("--view");

        Run badSteps = jar(dir, "export", pcap.toString(), "--png", "x", "--steps", "5-900");
        assertThat(badSteps.exit()).isEqualTo(2);
        assertThat(badSteps.out()).contains("outside");
    }
}
