package org.resolvefx.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.namespace.SequenceLayout;
import org.resolvefx.core.namespace.SequenceRow;
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

@ExtendWith(ApplicationExtension.class)
class SequenceViewTest {
    /** Built once: a 2,000-message lookup (plus notes) for the scrolling tests. */
    private static final Trace HUGE = FlowFixtures.huge(2_000);

    private final TraceViewModel model = new TraceViewModel();
    private final List<WireMessage> opened = new ArrayList<>();
    private SequenceView view;

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        model.animateProperty().set(false);
        model.onOpenMessageProperty().set(opened::add);
        view = new SequenceView(model);
        Scene scene = ViewHarness.scene(view, 1100, 700, Theme.LIGHT);
        ViewHarness.show(stage, scene);
    }

    private boolean rowInView(FxRobot robot, int row) {
        Node n = robot.lookup("#seq-row-" + row).tryQuery().orElse(null);
        if (n == null || !n.isVisible()) {
            return false;
        }
        // the row's slot (its background), not whatever its decorations reach
        Node slot = ((javafx.scene.Group) n).getChildren().get(0);
        Bounds b = slot.localToScene(slot.getBoundsInLocal());
        Bounds port = view.body().localToScene(view.body().getLayoutBounds());
        return b.getMinY() >= port.getMinY() - 0.5 && b.getMaxY() <= port.getMaxY() + 0.5;
    }

    @Test
    void twoThousandMessagesScrollWithABoundedNumberOfRowNodes(FxRobot robot) {
        robot.interact(() -> model.load(HUGE, NamespaceTree.empty()));
        robot.interact(model::toEnd);
        int rows = SequenceLayout.of(HUGE).rows().size();
        assertThat(rows).isGreaterThan(2_000);
        double max = view.verticalBar().getMax();
        assertThat(max).isGreaterThan(50_000);
        int most = 0;
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i <= 24; i++) {
            double v = max * i / 24;
            robot.interact(() -> view.verticalBar().setValue(v));
            int count = robot.lookup(".sequence-row").queryAll().size();
            most = Math.max(most, count);
            seen.add(view.rowNodeCount());
            assertThat(view.scrollY()).isEqualTo(v, org.assertj.core.data.Offset.offset(0.5));
        }
        assertThat(most).isLessThan(150);
        assertThat(seen).allMatch(c -> c < 150);
        // the last row is reachable and drawn
        assertThat(rowInView(robot, rows - 1)).isTrue();
        // the mouse wheel scrolls too (by what the platform reports; the headless one reports 1 px a notch)
        robot.interact(() -> view.verticalBar().setValue(max / 2));
        double middle = view.scrollY();
        robot.moveTo(view.body());
        robot.scroll(5, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.scrollY()).isNotEqualTo(middle);
        robot.scroll(5, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.scrollY()).isEqualTo(middle, org.assertj.core.data.Offset.offset(0.01));
        assertThat(robot.lookup(".sequence-row").queryAll().size()).isLessThan(150);
    }

    @Test
    void jumpingToMessage1500ScrollsItIntoViewAndHighlightsIt(FxRobot robot) {
        robot.interact(() -> model.load(HUGE, NamespaceTree.empty()));
        robot.interact(() -> model.jumpToArrow(1_500));
        int row = view.rowOfMessage(1_500);
        assertThat(view.currentRow()).isEqualTo(row);
        assertThat(rowInView(robot, row)).isTrue();
        Node node = robot.lookup("#seq-row-" + row).query();
        assertThat(node.getStyleClass()).contains("current");
        assertThat(robot.lookup("#seq-badge-1500").tryQuery()).isPresent();
        // stepping on keeps the current row in view, a little at a time
        robot.interact(() -> {
            for (int i = 0; i < 40; i++) {
                model.stepForward();
            }
        });
        assertThat(rowInView(robot, view.currentRow())).isTrue();
        assertThat(robot.lookup(".sequence-row").queryAll().size()).isLessThan(150);
        // back to the start
        robot.interact(model::toStart);
        assertThat(view.currentRow()).isEqualTo(-1);
        assertThat(view.scrollY()).isLessThan(view.verticalBar().getMax() / 10);
    }

    @Test
    void clickingARowJumpsThereAndClickingItsArrowOpensTheMessage(FxRobot robot) {
        robot.interact(() -> model.load(FlowFixtures.troubled(), NamespaceTree.empty()));
        robot.interact(() -> model.jumpTo(3));
        List<SequenceRow> rows = SequenceLayout.of(model.trace()).rows();
        // a row still to come: drawn faintly, no label, but clickable
        int later = 9;
        Node row = robot.lookup("#seq-row-" + later).query();
        assertThat(row.getStyleClass()).contains("future");
        assertThat(fxDescribe()).contains("row " + later + " sequence-row future");
        Node bg = ((javafx.scene.Group) row).getChildren().get(0);
        robot.clickOn(bg);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.position()).isEqualTo(rows.get(later).eventIndex() + 1);
        assertThat(robot.lookup("#seq-row-" + later).query().getStyleClass()).contains("current");
        // the arrow of a row that has happened opens its message
        int messageRow = view.rowOfMessage(2);
        Node badge = robot.lookup("#seq-badge-2").query();
        robot.clickOn(badge);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly(model.state().arrows().get(1).message());
        assertThat(model.position()).isEqualTo(rows.get(later).eventIndex() + 1);
        assertThat(messageRow).isGreaterThanOrEqualTo(0);
    }

    @Test
    void notesAndMarksFollowTheCursorExactly(FxRobot robot) {
        robot.interact(() -> model.load(FlowFixtures.troubled(), NamespaceTree.empty()));
        robot.interact(() -> {
            List<String> forward = new ArrayList<>();
            forward.add(view.describeDrawnState());
            while (model.canStepForward()) {
                model.stepForward();
                forward.add(view.describeDrawnState());
            }
            for (int k = model.length() - 1; k >= 0; k--) {
                model.stepBack();
                assertThat(view.describeDrawnState()).as("position " + k).isEqualTo(forward.get(k));
            }
            model.toEnd();
            String end = view.describeDrawnState();
            assertThat(end).contains("note='cache hit: de NS'").contains("note='timeout after 1000 ms'")
                    .contains("note='retry, attempt 2'").contains("note='server skipped: lame delegation'")
                    .contains("note='TCP fallback'").contains("note='referral to tu-darmstadt.de'")
                    .contains("marks=[lost, no-head").contains("retry2").contains("tcp").contains("error:REFUSED")
                    .contains("ignored");
            assertThat(forward.get(0)).doesNotContain("note='");
        });
    }

    @Test
    void exportShowsTheRowsUpToTheCursorCappedAndIsWellFormed(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> model.load(HUGE, NamespaceTree.empty()));
        robot.interact(() -> model.jumpToArrow(1_500));
        AtomicReference<Node> export = new AtomicReference<>();
        robot.interact(() -> export.set(view.exportNode()));
        long rows = robot.from(export.get()).lookup(".sequence-row").queryAll().size();
        assertThat(rows).isEqualTo(SequenceView.EXPORT_ROWS);
        assertThat(robot.from(export.get()).lookup("#export-seq-badge-1500").tryQuery()).isPresent();
        assertThat(robot.from(export.get()).lookup("#export-seq-badge-1501").tryQuery()).isEmpty();
        Path svg = dir.resolve("sequence.svg");
        robot.interact(() -> {
            try {
                view.writeSvg(svg);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        List<String> texts = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        assertThat(texts).contains("1500", "a.root-servers.net", "a.nic.de", "Local DNS resolver", "Legend");
        assertThat(texts).doesNotContain("1501");
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
        // at the start there is nothing to show but the lifelines and the legend
        robot.interact(model::toStart);
        robot.interact(() -> export.set(view.exportNode()));
        assertThat(robot.from(export.get()).lookup(".sequence-row").queryAll()).isEmpty();
    }

    @Test
    void aSideLookupIsBracketedAndTheHeadsStayPinned(FxRobot robot) {
        robot.interact(() -> model.load(FlowFixtures.glueless(), NamespaceTree.empty()));
        robot.interact(model::toEnd);
        String drawn = fxDescribe();
        for (int row = 3; row <= 6; row++) {
            assertThat(drawn).contains("row " + row + " ").containsPattern("row " + row + " [^\\n]*side-lookup=1");
        }
        assertThat(drawn).doesNotContainPattern("row 2 [^\\n]*side-lookup").doesNotContainPattern(
                "row 7 [^\\n]*side-lookup");
        assertThat(drawn).contains("note='side lookup: address of a.nic.de'")
                .contains("note='side lookup done: a.nic.de'");
        // before the side lookup has happened there is no bracket
        robot.interact(() -> model.jumpTo(3));
        assertThat(fxDescribe()).doesNotContain("side-lookup");
        // the lifeline heads stay where they are while the rows scroll
        robot.interact(() -> model.load(HUGE, NamespaceTree.empty()));
        Node head = robot.lookup("#seq-box-resolver").query();
        double y = head.localToScene(head.getBoundsInLocal()).getMinY();
        robot.interact(() -> view.verticalBar().setValue(view.verticalBar().getMax() / 3));
        assertThat(view.scrollY()).isGreaterThan(1_000);
        assertThat(head.localToScene(head.getBoundsInLocal()).getMinY()).isEqualTo(y);
    }

    private String fxDescribe() {
        return FlowViewTest.fx(view::describeDrawnState);
    }
}
