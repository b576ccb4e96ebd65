package org.resolvefx.ui.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resolvefx.core.namespace.NamespaceNode;
import org.resolvefx.ui.app.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The drawn tree of the whole default world: nothing overlaps, in the normal and the projector theme. */
@ExtendWith(ApplicationExtension.class)
class NamespaceLayoutTest {
    ViewHarness h;

    @Start
    void start(Stage stage) {
        h = new ViewHarness(stage, Theme.LIGHT);
    }

    /** Scene bounds of every text (label, caption lines, knob text) and box of every drawn node. */
    record Piece(String what, Bounds bounds) {
    }

    List<Piece> pieces() {
        List<Piece> out = new ArrayList<>();
        for (NamespaceNode n : h.view.displayedTree().nodes()) {
            Node g = h.view.nodeFor(n.name()).orElse(null);
            if (g == null) {
                continue; // collapsed away
            }
            for (Node t : g.lookupAll(".ns-node-label")) {
                out.add(new Piece(n.name() + " label", t.localToScene(t.getBoundsInLocal())));
            }
            for (Node t : g.lookupAll(".ns-caption")) {
                out.add(new Piece(n.name() + " caption '" + ((Text) t).getText() + "'",
                        t.localToScene(t.getBoundsInLocal())));
            }
        }
        return out;
    }

    List<Piece> boxes() {
        List<Piece> out = new ArrayList<>();
        for (NamespaceNode n : h.view.displayedTree().nodes()) {
            Node box = h.view.nodeFor(n.name()).orElseThrow().lookup(".ns-node-box");
            out.add(new Piece(n.name() + " box", box.localToScene(box.getBoundsInLocal())));
        }
        return out;
    }

    static void noOverlaps(List<Piece> pieces) {
        for (int i = 0; i < pieces.size(); i++) {
            for (int j = i + 1; j < pieces.size(); j++) {
                Bounds a = pieces.get(i).bounds();
                Bounds b = pieces.get(j).bounds();
                boolean overlap = a.getMinX() < b.getMaxX() - 0.01 && b.getMinX() < a.getMaxX() - 0.01
                        && a.getMinY() < b.getMaxY() - 0.01 && b.getMinY() < a.getMaxY() - 0.01;
                assertThat(overlap).as(pieces.get(i).what() + " overlaps " + pieces.get(j).what()).isFalse();
            }
        }
    }

    void checkWholeTree(FxRobot robot) {
        robot.interact(() -> {
            h.view.expandAll();
            h.view.fitToWindow();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.view.visibleNodeCount()).isEqualTo(h.view.displayedTree().size());
        List<Piece> texts = pieces();
        assertThat(texts.size()).isGreaterThan(h.view.displayedTree().size());
        noOverlaps(texts);
        noOverlaps(boxes());
        // every label fits inside its box
        for (NamespaceNode n : h.view.displayedTree().nodes()) {
            Node g = h.view.nodeFor(n.name()).orElseThrow();
            Bounds box = g.lookup(".ns-node-box").getBoundsInParent();
            Bounds label = g.lookup(".ns-node-label").getBoundsInParent();
            assertThat(box.contains(label)).as(n.name().toString()).isTrue();
        }
    }

    @Test
    void noTwoLabelsOverlapInTheDefaultWorld(FxRobot robot) {
        robot.interact(() -> h.model.namespaceProperty().set(Fixtures.defaultWorldTree()));
        WaitForAsyncUtils.waitForFxEvents();
        checkWholeTree(robot);
        double lightWidth = h.view.drawingBounds().width();

        robot.interact(() -> h.theme(Theme.PROJECTOR));
        WaitForAsyncUtils.waitForFxEvents();
        checkWholeTree(robot);
        // the projector's larger type spread the tree out (it was laid out again with the new font size)
        assertThat(h.view.drawingBounds().width()).isGreaterThan(lightWidth * 1.2);

        robot.interact(() -> h.model.load(Fixtures.recursiveCold(), Fixtures.defaultWorldTree()));
        robot.interact(h.model::toEnd);
        WaitForAsyncUtils.waitForFxEvents();
        // tags above the boxes stay clear of the labels
        List<Piece> withTags = new ArrayList<>(pieces());
        for (NamespaceNode n : h.view.displayedTree().nodes()) {
            h.view.nodeFor(n.name()).ifPresent(g -> {
                for (Node t : g.lookupAll(".ns-tag")) {
                    withTags.add(new Piece(n.name() + " tag", t.localToScene(t.getBoundsInLocal())));
                }
            });
        }
        assertThat(h.view.visibleNodeCount()).isLessThan(h.view.displayedTree().size());
        assertThat(withTags.stream().filter(p -> p.what().endsWith(" tag")).count()).isGreaterThanOrEqualTo(5);
        noOverlaps(withTags);
    }
}
