package org.resolvefx.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resolvefx.core.wire.FieldSpan;
import org.resolvefx.ui.capture.MessageRow;
import org.resolvefx.ui.inspector.InspectorPane;
import org.resolvefx.ui.inspector.InspectorView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real main window headless: open a capture, inspect, highlight, compare. */
@ExtendWith(ApplicationExtension.class)
class InspectorWindowTest {
    private MainWindow window;
    private AppSettings settings;

    @Start
    void start(Stage stage) {
        settings = new AppSettings(Preferences.userRoot().node("resolvefx-test/inspector-window"));
        settings.clear();
        window = new MainWindow(stage, settings);
        window.show();
    }

    static Path sharedCapture(String name) {
        try {
            return Path.of(InspectorWindowTest.class.getResource("/captures/shared/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void open(FxRobot robot, Path file) throws Exception {
        javafx.concurrent.Task<?>[] task = new javafx.concurrent.Task<?>[1];
        robot.interact(() -> task[0] = window.openFile(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> task[0].isDone());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private InspectorPane pane() {
        return window.inspector().primary();
    }

    private FieldSpan selected() {
        return pane().model().selectedField();
    }

    private void clickRow(FxRobot robot, long frame) {
        Node row = robot.lookup(".message-list .table-row-cell").match(n -> n instanceof TableRow<?> r
                && r.isVisible() && !r.isEmpty() && r.getItem() instanceof MessageRow m && m.frame() == frame
                && r.getIndex() >= 0).query();
        // rows are wider than the list's viewport: click near their left end, in the number column
        robot.clickOn(robot.point(row).atPosition(javafx.geometry.Pos.CENTER_LEFT).atOffset(new javafx.geometry.Point2D(30, 0)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean hasStyle(FxRobot robot, String id, String cls) {
        return robot.lookup("#" + id).query().getStyleClass().contains(cls);
    }

    @Test
    void theLecturesExampleIsThereWhenNothingIsOpen(FxRobot robot) {
        robot.clickOn("#mode-messages");
        assertThat(window.showsLookup()).isFalse();
        // the client's query and, last, the resolver's answer: a CNAME to charon and its address
        assertThat(window.rows()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(pane().model().message().caption()).startsWith("Frame 1 ").contains("127.0.0.53:53");
        clickRow(robot, window.rows().get(window.rows().size() - 1).frame());
        assertThat(pane().fieldTree().allFields()).anySatisfy(f -> assertThat(f.display())
                .contains("charon.dekanat.informatik.tu-darmstadt.de"));
        assertThat(pane().model().message().isResponse()).isTrue();
    }

    @Test
    void selectingRecursionDesiredHighlightsItsBytesAndItsBit(FxRobot robot) throws Exception {
        open(robot, sharedCapture("a-recursive-cold.pcap"));
        assertThat(window.rows()).hasSize(14);
        clickRow(robot, 1);
        assertThat(pane().model().message().caption()).startsWith("Frame 1 ");

        // pick the Flags line with the mouse and walk down to RD with the keyboard
        Node flagsRow = robot.lookup(".field-tree .tree-cell").match(
                n -> n instanceof TreeCell<?> c && c.getText() != null && c.getText().startsWith("Flags:")).query();
        robot.clickOn(flagsRow);
        assertThat(selected().id()).isEqualTo("dns.flags");
        robot.type(KeyCode.RIGHT); // opens the subtree, or moves into it when it is open already
        for (int i = 0; i < 8 && !selected().id().equals("dns.flags.recdesired"); i++) {
            robot.type(KeyCode.DOWN);
        }
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(selected().id()).isEqualTo("dns.flags.recdesired");
        assertThat(selected().mask()).isEqualTo(0x0100);
        assertThat(hasStyle(robot, "hex-2", "hl")).isTrue();
        assertThat(hasStyle(robot, "hex-3", "hl")).isTrue();
        assertThat(hasStyle(robot, "hex-4", "hl")).isFalse();
        assertThat(hasStyle(robot, "hdr-dns-flags-recdesired", "selected")).isTrue();
        assertThat(hasStyle(robot, "hdr-dns-flags-response", "selected")).isFalse();
        assertThat(hasStyle(robot, "hdr-dns-flags-recavail", "selected")).isFalse();
        assertThat(robot.lookup(".field-details").queryAs(Label.class).getText())
                .contains("dns.flags.recdesired").contains("mask 0x0100");
    }

    @Test
    void clickingAByteOfTheQuestionNameSelectsTheName(FxRobot robot) throws Exception {
        open(robot, sharedCapture("a-recursive-cold.pcap"));
        clickRow(robot, 1);
        robot.clickOn("#hex-14");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected().id()).isEqualTo("dns.qry.name");
        assertThat(selected().value()).isEqualTo("www.p2p.tu-darmstadt.de");
        assertThat(hasStyle(robot, "hex-12", "hl")).isTrue();
        assertThat(hasStyle(robot, "hex-14", "cursor")).isTrue();
        // the tree follows: the name's row is selected
        TreeCell<?> sel = robot.lookup(".field-tree .tree-cell").match(n -> n instanceof TreeCell<?> c
                && c.isSelected()).queryAs(TreeCell.class);
        assertThat(sel.getText()).startsWith("Name: www.p2p.tu-darmstadt.de");

        // arrow keys move the byte cursor; a byte in the type field selects dns.qry.type
        int typeOffset = 12 + 25;
        for (int i = 14; i < typeOffset; i++) {
            robot.type(KeyCode.RIGHT);
        }
        assertThat(selected().id()).isEqualTo("dns.qry.type");
    }

    @Test
    void clickingAHeaderCellSelectsItsField(FxRobot robot) {
        robot.clickOn("#mode-messages");
        robot.clickOn("#hdr-dns-flags-truncated");
        assertThat(selected().id()).isEqualTo("dns.flags.truncated");
        assertThat(hasStyle(robot, "hex-2", "hl")).isTrue();
        robot.clickOn("#hdr-dns-count-answers");
        assertThat(selected().id()).isEqualTo("dns.count.answers");
        assertThat(hasStyle(robot, "hex-6", "hl")).isTrue();
        assertThat(hasStyle(robot, "hex-2", "hl")).isFalse();
    }

    @Test
    void compareModeMarksTheHeaderBitsThatDiffer(FxRobot robot) throws Exception {
        open(robot, sharedCapture("a-recursive-cold.pcap"));
        // the resolver's priming query to the root and the root's authoritative answer
        clickRow(robot, 2);
        robot.clickOn("#compare-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        InspectorView inspector = window.inspector();
        assertThat(inspector.secondary().model().message().caption()).startsWith("Frame 3 ");
        Set<String> diff = InspectorView.differingHeaderFields(inspector.primary().model().message(),
                inspector.secondary().model().message());
        assertThat(diff).contains("dns.flags.response", "dns.flags.authoritative", "dns.count.answers")
                .doesNotContain("dns.id", "dns.flags.recavail");
        long marked = robot.lookup(".header-cell.differs").queryAll().size();
        assertThat(marked).isEqualTo(2L * diff.size());
        assertThat(robot.lookup("#hdr-dns-flags-authoritative").<Node>queryAll())
                .allSatisfy(n -> assertThat(((Node) n).getStyleClass()).contains("differs"));

        // the client's query and the resolver's final answer: RA differs, AA does not
        clickRow(robot, 1);
        assertThat(inspector.secondary().model().message().caption()).startsWith("Frame 14 ");
        assertThat(InspectorView.differingHeaderFields(inspector.primary().model().message(),
                inspector.secondary().model().message()))
                .contains("dns.flags.response", "dns.flags.recavail").doesNotContain("dns.flags.authoritative");
        assertThat(robot.lookup("#hdr-dns-flags-recavail").<Node>queryAll())
                .allSatisfy(n -> assertThat(((Node) n).getStyleClass()).contains("differs"));
    }

    @Test
    void aFileThatCannotBeReadLeavesWhatWasOpen(FxRobot robot, @TempDir Path dir) throws Exception {
        open(robot, sharedCapture("d-nxdomain.pcap"));
        int before = window.rows().size();
        Path junk = dir.resolve("notes.txt");
        Files.writeString(junk, "{\"this is\": \"not a capture\"}");
        open(robot, junk);
        assertThat(robot.lookup("#open-error").tryQuery()).isPresent();
        assertThat(window.rows()).hasSize(before);
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void openedFilesAreRemembered(FxRobot robot) throws Exception {
        Path file = sharedCapture("b-trace.pcapng");
        open(robot, file);
        assertThat(settings.recentFiles()).containsExactly(file.toAbsolutePath().normalize());
        assertThat(window.rows()).hasSize(8);
    }
}
