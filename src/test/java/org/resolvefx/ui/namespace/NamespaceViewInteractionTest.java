package org.resolvefx.ui.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.ui.namespace.Fixtures.name;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resolvefx.core.namespace.NamespaceNode;
import org.resolvefx.ui.app.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xbill.DNS.Name;

/** Collapse and expand, fit, zoom, pan and hover, driven like a lecturer would. */
@ExtendWith(ApplicationExtension.class)
class NamespaceViewInteractionTest {
    ViewHarness h;

    @Start
    void start(Stage stage) {
        h = new ViewHarness(stage, Theme.LIGHT);
    }

    @BeforeEach
    void load(FxRobot robot) {
        robot.interact(() -> h.model.load(Fixtures.recursiveCold(), Fixtures.defaultWorldTree()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    Node toggleOf(Name n) {
        return h.view.nodeFor(n).orElseThrow().lookup(".ns-toggle");
    }

    Node viewport(FxRobot robot) {
        return robot.lookup("#ns-viewport").query();
    }

    static int descendants(NamespaceNode n) {
        int c = 0;
        for (NamespaceNode k : n.children()) {
            c += 1 + descendants(k);
        }
        return c;
    }

    @Test
    void collapseAndExpandChangeTheVisibleNodeCount(FxRobot robot) {
        int tree = h.view.displayedTree().size();
        int shown = h.view.visibleNodeCount();
        assertThat(shown).isLessThan(tree);
        Name com = name("com.");
        assertThat(h.view.collapsedNames()).contains(com);
        Node knob = toggleOf(com);
        assertThat(((javafx.scene.text.Text) knob.lookup(".ns-toggle-text")).getText())
                .isEqualTo("+" + descendants(h.view.displayedTree().node(com).orElseThrow()));
        robot.clickOn(knob, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        int grown = h.view.visibleNodeCount();
        // com's children appear, themselves collapsed where they have children (one level per click)
        assertThat(h.view.collapsedNames()).contains(name("networkutopia.com."), name("google.com."));
        assertThat(grown).isEqualTo(shown + h.view.displayedTree().node(com).orElseThrow().children().size());
        assertThat(h.view.collapsedNames()).doesNotContain(com);
        robot.clickOn(toggleOf(com), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.view.visibleNodeCount()).isEqualTo(shown);

        // collapsing a lit node hides its subtree but keeps it marked
        Name tu = name("tu-darmstadt.de.");
        robot.clickOn(toggleOf(tu), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.view.nodeFor(name("informatik.tu-darmstadt.de."))).isEmpty();
        assertThat(h.view.visibleNodeCount()).isLessThan(shown);

        robot.clickOn("#ns-expand-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.view.visibleNodeCount()).isEqualTo(tree);
        robot.clickOn("#ns-default-view");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.view.visibleNodeCount()).isEqualTo(shown);
    }

    void assertInsideViewport(FxRobot robot) {
        Bounds port = viewport(robot).localToScene(viewport(robot).getLayoutBounds());
        Bounds tree = h.view.exportNode().localToScene(h.view.exportNode().getBoundsInLocal());
        assertThat(tree.getMinX()).isGreaterThanOrEqualTo(port.getMinX() - 0.5);
        assertThat(tree.getMinY()).isGreaterThanOrEqualTo(port.getMinY() - 0.5);
        assertThat(tree.getMaxX()).isLessThanOrEqualTo(port.getMaxX() + 0.5);
        assertThat(tree.getMaxY()).isLessThanOrEqualTo(port.getMaxY() + 0.5);
        // and it uses the room: one side touches (up to the padding) unless 1:1 is reached
        boolean filled = tree.getWidth() >= port.getWidth() - 30 || tree.getHeight() >= port.getHeight() - 30;
        assertThat(filled || h.view.zoom() >= NamespaceView.MAX_FIT_ZOOM - 1e-9).isTrue();
    }

    @Test
    void fitToWindowKeepsTheTreeInsideTheViewport(FxRobot robot) {
        assertInsideViewport(robot);
        robot.clickOn("#ns-zoom-in").clickOn("#ns-zoom-in").clickOn("#ns-zoom-in");
        Node port = viewport(robot);
        robot.drag(port, MouseButton.PRIMARY).moveBy(-150, -80).release(MouseButton.PRIMARY);
        Bounds tree = h.view.exportNode().localToScene(h.view.exportNode().getBoundsInLocal());
        Bounds box = port.localToScene(port.getLayoutBounds());
        assertThat(tree.getWidth() > box.getWidth() || tree.getMinX() < box.getMinX()).isTrue();
        robot.clickOn("#ns-fit");
        assertInsideViewport(robot);

        robot.clickOn("#ns-expand-all");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#ns-fit");
        assertInsideViewport(robot);
    }

    @Test
    void keysScrollAndDragZoomAndPan(FxRobot robot) {
        Node port = viewport(robot);
        robot.clickOn(port);
        double z = h.view.zoom();
        robot.type(KeyCode.ADD);
        assertThat(h.view.zoom()).isGreaterThan(z);
        robot.type(KeyCode.MINUS).type(KeyCode.MINUS);
        assertThat(h.view.zoom()).isLessThan(z);
        robot.type(KeyCode.DIGIT0);
        assertThat(h.view.zoom()).isEqualTo(z, org.assertj.core.data.Offset.offset(1e-9));
        robot.moveTo(port).scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.view.zoom()).isNotEqualTo(z);
        Node root = h.view.nodeFor(Name.root).orElseThrow();
        Bounds before = root.localToScene(root.getBoundsInLocal());
        robot.drag(port, MouseButton.PRIMARY).moveBy(90, 40).release(MouseButton.PRIMARY);
        Bounds after = root.localToScene(root.getBoundsInLocal());
        assertThat(after.getMinX() - before.getMinX()).isCloseTo(90, org.assertj.core.data.Offset.offset(2.0));
        assertThat(after.getMinY() - before.getMinY()).isCloseTo(40, org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void hoveringANodeShowsItsRecordsAndZone(FxRobot robot) {
        robot.interact(h.model::toEnd);
        Name tu = name("tu-darmstadt.de.");
        robot.moveTo(h.view.nodeFor(tu).orElseThrow().lookup(".ns-node-box"));
        WaitForAsyncUtils.waitForFxEvents();
        Node card = robot.lookup(".ns-hover-card").query();
        assertThat(card.isVisible()).isTrue();
        // the card is wide enough for its lines (no "..." cut-offs) and inside the view
        for (Label l : robot.lookup(".ns-hover-card .label").queryAllAs(Label.class)) {
            assertThat(l.getWidth()).as(l.getText()).isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
        }
        Bounds cardBounds = card.localToScene(card.getLayoutBounds());
        Bounds port = viewport(robot).localToScene(viewport(robot).getLayoutBounds());
        assertThat(port.contains(cardBounds)).isTrue();
        String text = robot.lookup(".ns-hover-card .label").queryAllAs(Label.class).stream().map(Label::getText)
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(text).contains("tu-darmstadt.de", "Apex of zone tu-darmstadt.de",
                "ns1.hrz.tu-darmstadt.de (glue)", "ns3.hrz.tu-darmstadt.de (only in the zone's own NS set)",
                "tu-darmstadt.de. 86400 IN NS ns1.hrz.tu-darmstadt.de.", "On the path of the lookup so far");
        robot.moveTo(h.view.nodeFor(name("p2p.tu-darmstadt.de.")).orElseThrow().lookup(".ns-node-box"));
        WaitForAsyncUtils.waitForFxEvents();
        text = robot.lookup(".ns-hover-card .label").queryAllAs(Label.class).stream().map(Label::getText)
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(text).contains("In zone tu-darmstadt.de", "empty non-terminal");
        robot.moveTo(robot.lookup("#ns-fit").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(card.isVisible()).isFalse();
        // glueless servers say so in the zone caption and on hover
        robot.interact(h.view::expandAll);
        assertThat(h.view.hoverText(name("pbs.org."))).contains("  ns1.pbsdns.net (no glue: must be looked up)  127.0.7.1");
    }
}
