package org.resolvefx.ui.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resolvefx.ui.app.Theme;
import org.resolvefx.ui.common.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * SVG and PNG export of the tree. Also leaves pictures of every theme in target/namespace-view/ for
 * people to look at (the lecture position with the referral, and the end).
 */
@ExtendWith(ApplicationExtension.class)
class NamespaceExportTest {
    ViewHarness h;

    @Start
    void start(Stage stage) {
        h = new ViewHarness(stage, Theme.LIGHT);
    }

    @Test
    void svgIsWellFormedAndHasTheZonesLabelsAndHighlights(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> h.model.load(Fixtures.recursiveCold(), Fixtures.defaultWorldTree()));
        robot.interact(() -> h.model.jumpTo(HighlightsTest.referralFrom(org.resolvefx.core.trace.Role.TLD)));
        WaitForAsyncUtils.waitForFxEvents();
        Path file = dir.resolve("tree.svg");
        robot.interact(() -> {
            try {
                h.view.writeSvg(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] bytes = Files.readAllBytes(file);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        NodeList texts = doc.getElementsByTagName("text");
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            strings.add(texts.item(i).getTextContent());
        }
        assertThat(strings).contains("root zone", "zone de", "zone tu-darmstadt.de", "tu-darmstadt", "de", ".",
                "a.nic.de (glue)", "\u2192 referral", "\u25b6 resolving");
        assertThat(texts.getLength()).isGreaterThan(h.view.visibleNodeCount());
        String svg = new String(bytes, StandardCharsets.UTF_8);
        // cut edges are dashed, the referral arrow is drawn, the zone shades are there
        assertThat(svg).contains("stroke-dasharray", "<path d=\"M");
        assertThat(doc.getElementsByTagName("line").getLength()).isGreaterThanOrEqualTo(h.view.visibleNodeCount() - 1);
        assertThat(h.view.toSvg()).isEqualTo(svg);
    }

    static WritableImage snapshot(FxRobot robot, javafx.scene.Node node, double scale) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = Snapshots.snapshot(node, scale, null));
        return out[0];
    }

    @Test
    void pngAtTwiceTheScaleIsTwiceTheSizeAndNotBlank(FxRobot robot) throws Exception {
        robot.interact(() -> h.model.load(Fixtures.recursiveCold(), Fixtures.defaultWorldTree()));
        robot.interact(h.model::toEnd);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage one = snapshot(robot, h.view.exportNode(), 1);
        WritableImage two = snapshot(robot, h.view.exportNode(), 2);
        assertThat(two.getWidth()).isCloseTo(2 * one.getWidth(), org.assertj.core.data.Offset.offset(2.0));
        assertThat(two.getHeight()).isCloseTo(2 * one.getHeight(), org.assertj.core.data.Offset.offset(2.0));
        // the export is the whole tree, whatever the pan and zoom
        assertThat(one.getWidth()).isCloseTo(h.view.drawingBounds().width(), org.assertj.core.data.Offset.offset(2.0));
        PixelReader px = two.getPixelReader();
        Set<Color> colours = new HashSet<>();
        Color background = px.getColor(1, 1);
        int differ = 0;
        for (int y = 0; y < two.getHeight(); y += 3) {
            for (int x = 0; x < two.getWidth(); x += 3) {
                Color c = px.getColor(x, y);
                colours.add(c);
                if (!c.equals(background)) {
                    differ++;
                }
            }
        }
        assertThat(background.getOpacity()).isEqualTo(1.0);
        assertThat(colours.size()).isGreaterThan(20);
        assertThat(differ).isGreaterThan((int) (two.getWidth() * two.getHeight() / 9 * 0.05));

        Path out = Path.of("target", "namespace-view");
        Files.createDirectories(out);
        for (Theme theme : Theme.values()) {
            robot.interact(() -> h.theme(theme));
            WaitForAsyncUtils.waitForFxEvents();
            for (int k : new int[] {HighlightsTest.referralFrom(org.resolvefx.core.trace.Role.TLD), h.model.length()}) {
                robot.interact(() -> {
                    h.model.jumpTo(k);
                    h.view.fitToWindow();
                });
                WaitForAsyncUtils.waitForFxEvents();
                WritableImage view = snapshot(robot, h.view, 1);
                Snapshots.writePng(view, out.resolve("view-" + theme.name().toLowerCase() + "-" + k + ".png"));
                Snapshots.writePng(snapshot(robot, h.view.exportNode(), 2),
                        out.resolve("tree-" + theme.name().toLowerCase() + "-" + k + "@2x.png"));
            }
        }
    }
}
