package org.resolvefx.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.playback.Arrow;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.WireMessage;
import org.resolvefx.ui.app.Theme;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.trace.TraceViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xbill.DNS.Message;

@ExtendWith(ApplicationExtension.class)
class FlowViewTest {
    private final TraceViewModel model = new TraceViewModel();
    private final List<WireMessage> opened = new ArrayList<>();
    private FlowView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        model.animateProperty().set(false);
        model.onOpenMessageProperty().set(opened::add);
        view = new FlowView(model);
        scene = ViewHarness.scene(view, 1200, 760, Theme.LIGHT);
        ViewHarness.show(stage, scene);
    }

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    private void load(FxRobot robot, Trace t) {
        robot.interact(() -> model.load(t, NamespaceTree.empty()));
    }

    private static List<String> badges(FxRobot robot) {
        List<String> out = new ArrayList<>();
        for (Node n : robot.lookup(".flow-badge-number").queryAll()) {
            if (n.getId() != null && n.getId().startsWith("badge-") && n.isVisible()) {
                out.add(((Text) n).getText());
            }
        }
        out.sort(java.util.Comparator.comparingInt(Integer::parseInt));
        return out;
    }

    @Test
    void steppingDrawsNumberedArrowsAndSteppingBackRestoresTheSamePicture(FxRobot robot) {
        // nothing open yet: a hint instead of a figure
        Node empty = robot.lookup("#flow-empty").query();
        assertThat(empty.isVisible()).isTrue();
        assertThat(((javafx.scene.control.Label) empty).getText()).startsWith("No lookup is open yet");
        load(robot, FlowFixtures.recursiveCold());
        assertThat(empty.isVisible()).isFalse();
        assertThat(badges(robot)).isEmpty();
        robot.interact(model::stepForward);
        robot.interact(model::stepForward);
        String atTwo = fx(view::describeDrawnState);
        List<ArrowGlyph> glyphsAtTwo = fx(view::glyphs);
        robot.interact(model::stepForward);
        assertThat(badges(robot)).containsExactly("1", "2", "3");
        Node third = robot.lookup("#arrow-3").query();
        assertThat(third.getStyleClass()).contains("current");
        assertThat(robot.lookup("#arrow-2").query().getStyleClass()).doesNotContain("current").contains("older");
        // a step forward added one glyph and kept the others
        assertThat(view.glyphs().subList(0, 2)).containsExactlyElementsOf(glyphsAtTwo);

        robot.interact(model::stepBack);
        assertThat(badges(robot)).containsExactly("1", "2");
        assertThat(fx(view::describeDrawnState)).isEqualTo(atTwo);
        assertThat(robot.lookup("#arrow-2").query().getStyleClass()).contains("current");

        robot.interact(model::toEnd);
        assertThat(badges(robot)).hasSize(14);
        assertThat(badges(robot).get(13)).isEqualTo("14");
        // the client's question to its resolver is recursive, the resolver's walk iterative
        assertThat(robot.lookup("#arrow-1").query().getStyleClass()).contains("recursive")
                .doesNotContain("iterative");
        assertThat(robot.lookup("#arrow-2").query().getStyleClass()).contains("iterative")
                .doesNotContain("recursive");
        assertThat(robot.lookup("#arrow-14").query().getStyleClass()).contains("recursive", "response");
        // jumping back to 2 gives exactly the picture of stepping there
        robot.interact(() -> model.jumpTo(2));
        assertThat(fx(view::describeDrawnState)).isEqualTo(atTwo);
    }

    static <T> T fx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyPositionLooksTheSameForwardsBackwardsAndJumping(FxRobot robot) {
        load(robot, FlowFixtures.troubled());
        // all on the FX thread in one go: the view redraws synchronously on every move
        robot.interact(() -> {
            List<String> forward = new ArrayList<>();
            forward.add(view.describeDrawnState());
            while (model.canStepForward()) {
                model.stepForward();
                forward.add(view.describeDrawnState());
            }
            for (int k = model.length(); k >= 0; k--) {
                if (k < model.length()) {
                    model.stepBack();
                }
                assertThat(view.describeDrawnState()).as("position " + k + " stepping back").isEqualTo(forward.get(k));
            }
            for (int k : new int[] {7, 2, 18, 0, 12, 19, 3}) {
                model.jumpTo(k);
                assertThat(view.describeDrawnState()).as("position " + k + " by a jump").isEqualTo(forward.get(k));
            }
            // and the same again in German, where every label is different
            I18n.setLocale(Locale.GERMAN);
            model.jumpTo(12);
            String german = view.describeDrawnState();
            assertThat(german).isNotEqualTo(forward.get(12)).contains("Lame Delegation");
            I18n.setLocale(Locale.ENGLISH);
            assertThat(view.describeDrawnState()).isEqualTo(forward.get(12));
        });
    }

    @Test
    void hoverShowsTheSummaryAndClickOpensTheMessage(FxRobot robot) throws Exception {
        load(robot, FlowFixtures.recursiveCold());
        robot.interact(model::toEnd);
        Arrow arrow = model.state().arrows().get(13);
        Node badge = robot.lookup("#badge-14").query();
        robot.moveTo(badge);
        assertThat(robot.lookup("#arrow-14").query().getStyleClass()).contains("hover");
        Message parsed = new Message(arrow.message().bytes());
        String expectedFlags = parsed.getHeader().printFlags().trim();
        int answers = parsed.getSection(org.xbill.DNS.Section.ANSWER).size();
        Tooltip tip = waitForTooltip(robot);
        assertThat(tip.getText()).contains("Message 14").contains("Flags: " + expectedFlags)
                .contains("Question: www.p2p.tu-darmstadt.de A").contains("Answer " + answers).contains("UDP")
                .contains("RCODE NOERROR").contains(arrow.message().length() + " bytes");
        robot.clickOn(badge);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly(arrow.message());
        // the query's summary carries the query's flags
        robot.interact(() -> model.jumpTo(1));
        Node first = robot.lookup("#badge-1").query();
        robot.moveTo(first);
        robot.clickOn(first);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).hasSize(2);
        assertThat(opened.get(1)).isEqualTo(model.state().arrows().get(0).message());
    }

    private static Tooltip waitForTooltip(FxRobot robot) throws Exception {
        AtomicReference<Tooltip> found = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            for (Window w : robot.listWindows()) {
                if (w instanceof Tooltip t && t.isShowing() && t.getText() != null && !t.getText().isEmpty()) {
                    found.set(t);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    @Test
    void troublesShowFromTheirStepAndVanishWhenSteppingBackBeforeIt(FxRobot robot) {
        load(robot, FlowFixtures.troubled());
        // each visual: its node, and the position from which it shows
        String[][] visuals = {
            {"#cache-badge-resolver", Integer.toString(FlowFixtures.CACHE_HIT_EVENT + 1)},
            {"#lost-mark-2", Integer.toString(FlowFixtures.TIMEOUT_EVENT + 1)},
            {"#retry-mark-3", Integer.toString(FlowFixtures.RETRY_QUERY_EVENT + 1)},
            {"#ignored-mark-4", Integer.toString(FlowFixtures.IGNORED_EVENT + 1)},
            {"#error-tag-7", Integer.toString(FlowFixtures.REFUSED_EVENT + 1)},
            {"#skip-mark-tud", Integer.toString(FlowFixtures.SKIP_EVENT + 1)},
            {"#tcp-tag-10", Integer.toString(FlowFixtures.TCP_QUERY_EVENT + 1)},
        };
        robot.interact(() -> {
            for (String[] v : visuals) {
                int from = Integer.parseInt(v[1]);
                model.jumpTo(from - 1);
                assertThat(shown(robot, v[0])).as(v[0] + " before position " + from).isFalse();
                model.stepForward();
                assertThat(shown(robot, v[0])).as(v[0] + " at position " + from).isTrue();
                model.toEnd();
                assertThat(shown(robot, v[0])).as(v[0] + " at the end").isTrue();
                model.jumpTo(from);
                model.stepBack();
                assertThat(shown(robot, v[0])).as(v[0] + " after stepping back before " + from).isFalse();
            }
        });
        robot.interact(model::toEnd);
        // the kinds are told apart by shape, not only colour
        assertThat(robot.lookup("#arrow-2").query().getStyleClass()).contains("lost");
        assertThat(robot.lookup("#arrow-4").query().getStyleClass()).contains("ignored", "pattern-dotted");
        assertThat(robot.lookup("#arrow-7").query().getStyleClass()).contains("error");
        assertThat(robot.lookup("#arrow-10").query().getStyleClass()).contains("tcp", "pattern-solid");
        assertThat(robot.lookup("#box-tud").query().getStyleClass()).contains("skipped");
        assertThat(((javafx.scene.control.Label) robot.lookup("#skip-mark-tud").query()).getText())
                .isEqualTo("lame delegation");
        assertThat(((Text) ((javafx.scene.Group) robot.lookup("#error-tag-7").query()).getChildren().get(1))
                .getText()).isEqualTo("REFUSED");
        assertThat(view.legend().keys()).contains("recursive", "iterative", "tcp", "lost", "retry", "ignored",
                "error", "skipped", "cache");
    }

    private static boolean shown(FxRobot robot, String query) {
        Node n = robot.lookup(query).tryQuery().orElse(null);
        if (n == null) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aStepForwardSendsAPacketAlongTheNewArrow(FxRobot robot) {
        load(robot, FlowFixtures.recursiveCold());
        robot.interact(model::stepForward);
        String still = fx(view::describeDrawnState);
        robot.interact(model::stepBack);
        robot.interact(() -> {
            model.animateProperty().set(true);
            model.speedProperty().set(2);
            model.stepForward();
        });
        assertThat(view.isAnimating()).isTrue();
        assertThat(robot.lookup("#flow-packet").query().isVisible()).isTrue();
        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.isAnimating()).isFalse();
        assertThat(fx(view::describeDrawnState)).isEqualTo(still);
        // a jump never animates, and a new move ends a running animation at once
        robot.interact(model::stepForward);
        assertThat(view.isAnimating()).isTrue();
        robot.interact(() -> model.jumpTo(5));
        assertThat(view.isAnimating()).isFalse();
        assertThat(robot.lookup("#flow-packet").query().isVisible()).isFalse();
        robot.interact(() -> model.animateProperty().set(false));
        robot.interact(model::stepForward);
        assertThat(view.isAnimating()).isFalse();
    }

    @Test
    void longTracesLabelOnlyTheCurrentArrowAndSuggestTheSequenceView(FxRobot robot) {
        load(robot, FlowFixtures.huge(60));
        assertThat(robot.lookup("#flow-many-note").query().isVisible()).isTrue();
        robot.interact(model::toEnd);
        assertThat(badges(robot)).hasSize(60);
        long labels = view.glyphs().stream().filter(g -> g.shownLabel() != null).count();
        assertThat(labels).isEqualTo(1);
        assertThat(view.glyphs().get(59).shownLabel()).isNotNull();
        robot.interact(() -> model.jumpTo(3));
        assertThat(view.glyphs().stream().filter(g -> g.shownLabel() != null).count()).isEqualTo(1);
        load(robot, FlowFixtures.recursiveCold());
        assertThat(robot.lookup("#flow-many-note").query().isVisible()).isFalse();
    }

    @Test
    void twentyMessagesStayClearOfEachOther(FxRobot robot) {
        load(robot, FlowFixtures.huge(20));
        robot.interact(model::toEnd);
        // every badge found a free spot; labels that found none show only while their arrow is current
        assertThat(view.crowdedUnits()).isZero();
        assertThat(view.labelsOnlyWhenCurrent()).isLessThanOrEqualTo(4);
        long labelled = view.glyphs().stream().filter(g -> g.shownLabel() != null).count();
        assertThat(labelled).isGreaterThanOrEqualTo(20 - view.labelsOnlyWhenCurrent());
        assertThat(view.glyphs().get(19).shownLabel()).isNotNull();
        // the lecture traces: every label in its place
        List<Trace> lecture = new ArrayList<>(List.of(FlowFixtures.recursiveCold(), FlowFixtures.troubled(),
                FlowFixtures.glueless(), FlowFixtures.capture("b-trace"), FlowFixtures.capture("c-tc-tcp-fallback")));
        lecture.addAll(FlowFixtures.captureTraces("d-nxdomain"));
        for (Trace t : lecture) {
            load(robot, t);
            assertThat(view.crowdedUnits()).as(t.title()).isZero();
            assertThat(view.labelsOnlyWhenCurrent()).as(t.title()).isZero();
        }
    }

    @Test
    void aLiveLookupGrowingByAStepKeepsItsBoxesAndAnimatesTheNewArrow(FxRobot robot) {
        Trace full = FlowFixtures.recursiveCold();
        robot.interact(() -> {
            model.load(prefix(full, 3), NamespaceTree.empty());
            model.toEnd();
        });
        List<Node> boxesBefore = new ArrayList<>(robot.lookup(".flow-box").queryAll());
        List<ArrowGlyph> glyphsBefore = fx(view::glyphs);
        assertThat(glyphsBefore).hasSize(3);
        robot.interact(() -> {
            model.animateProperty().set(true);
            model.grow(prefix(full, 4), NamespaceTree.empty());
        });
        assertThat(view.isAnimating()).isTrue();
        assertThat(fx(view::glyphs)).hasSize(4).startsWith(glyphsBefore.toArray(new ArrowGlyph[0]));
        // the hosts that were there keep their nodes
        List<Node> boxesAfter = new ArrayList<>(robot.lookup(".flow-box").queryAll());
        assertThat(boxesAfter).containsAll(boxesBefore);
        robot.interact(() -> model.animateProperty().set(false));
        robot.interact(() -> model.grow(full, NamespaceTree.empty()));
        assertThat(fx(view::glyphs)).hasSize(14);
        // the grown trace, drawn after growing, is the trace drawn from scratch
        String grown = fx(view::describeDrawnState);
        load(robot, full);
        robot.interact(model::toEnd);
        assertThat(fx(view::describeDrawnState)).isEqualTo(grown);
    }

    private static Trace prefix(Trace t, int events) {
        return new Trace(t.title(), t.question(), t.mode(), t.source(), t.startedAt(), t.world(), t.endpoints(),
                t.initialCache(), t.events().subList(0, events));
    }

    @Test
    void ctrlScrollZoomsAndADoubleClickFitsAgain(FxRobot robot) {
        load(robot, FlowFixtures.recursiveCold());
        robot.interact(model::toEnd);
        assertThat(view.zoom()).isEqualTo(1);
        robot.moveTo(view);
        // without Ctrl the wheel does not zoom
        robot.scroll(3, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.zoom()).isEqualTo(1);
        // which wheel direction zooms in depends on the platform: one of the two does, the other stops at fit
        robot.press(javafx.scene.input.KeyCode.CONTROL);
        robot.scroll(3, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        if (view.zoom() == 1) {
            robot.scroll(3, javafx.geometry.VerticalDirection.UP);
        }
        robot.release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.zoom()).isCloseTo(Math.pow(1.15, 3), org.assertj.core.data.Offset.offset(1e-9));
        // an empty corner of the view
        javafx.geometry.Bounds b = view.localToScreen(view.getLayoutBounds());
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + 6, b.getMinY() + 6));
        robot.doubleClickOn(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.zoom()).isEqualTo(1);
    }

    @Test
    void germanTextsFollowTheLanguage(FxRobot robot) {
        load(robot, FlowFixtures.recursiveCold());
        robot.interact(model::toEnd);
        robot.interact(() -> I18n.setLocale(Locale.GERMAN));
        assertThat(fx(view::describeDrawnState)).contains("Lokaler DNS-Resolver").contains("Verweis an de");
        assertThat(((javafx.scene.control.Label) robot.lookup("#legend-iterative").query()).getText())
                .isEqualTo("iterative Anfrage und Antwort");
        robot.interact(() -> I18n.setLocale(Locale.ENGLISH));
        assertThat(fx(view::describeDrawnState)).contains("Local DNS resolver").contains("referral to de");
    }

    @Test
    void exportsWellFormedSvgAndCrispPngs(FxRobot robot, @TempDir Path dir) throws Exception {
        load(robot, FlowFixtures.recursiveCold());
        robot.interact(model::toEnd);
        Path svg = dir.resolve("flow.svg");
        robot.interact(() -> {
            try {
                view.writeSvg(svg);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        List<String> texts = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        for (int n = 1; n <= 14; n++) {
            assertThat(texts).as("badge " + n).contains(Integer.toString(n));
        }
        assertThat(texts).contains("a.root-servers.net", "a.nic.de", "ns.informatik.tu-darmstadt.de",
                "Local DNS resolver", "Legend");
        assertThat(doc.getElementsByTagName("path").getLength()).isGreaterThan(14);
        assertThat(Files.readString(svg)).doesNotContain("NaN");

        AtomicReference<WritableImage> one = new AtomicReference<>();
        AtomicReference<WritableImage> two = new AtomicReference<>();
        robot.interact(() -> {
            one.set(ViewHarness.snapshot(view.exportNode(), 1));
            two.set(ViewHarness.snapshot(view.exportNode(), 2));
        });
        assertThat(two.get().getWidth()).isCloseTo(2 * one.get().getWidth(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(two.get().getHeight()).isCloseTo(2 * one.get().getHeight(),
                org.assertj.core.data.Offset.offset(1.0));
        assertThat(ViewHarness.distinctColours(two.get())).isGreaterThan(50);
        // the whole figure, not the viewport: larger than the window when the window is small
        robot.interact(() -> view.getScene().getWindow().setWidth(500));
        robot.interact(() -> one.set(ViewHarness.snapshot(view.exportNode(), 1)));
        robot.interact(() -> view.getScene().getWindow().setWidth(1200));
        assertThat(one.get().getWidth()).isGreaterThan(500);
        ViewHarness.save(two.get(), "flow-export-2x");
    }
}
