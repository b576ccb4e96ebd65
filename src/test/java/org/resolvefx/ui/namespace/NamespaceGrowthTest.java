package org.resolvefx.ui.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.ui.namespace.Fixtures.name;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resolvefx.core.namespace.NamespaceBuilder;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.app.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xbill.DNS.Name;

/** A live lookup growing under the view, and a tree of 2,000 names. */
@ExtendWith(ApplicationExtension.class)
class NamespaceGrowthTest {
    ViewHarness h;

    @Start
    void start(Stage stage) {
        h = new ViewHarness(stage, Theme.LIGHT);
    }

    static Trace prefix(Trace t, int events) {
        return new Trace(t.title(), t.question(), t.mode(), t.source(), t.startedAt(), t.world(), t.endpoints(),
                t.initialCache(), t.events().subList(0, events));
    }

    Bounds screen(Name n) {
        Node g = h.view.nodeFor(n).orElseThrow();
        return g.localToScene(g.getBoundsInLocal());
    }

    @Test
    void growingKeepsPanZoomAndTheNameInFocusInPlace(FxRobot robot) {
        Trace full = Fixtures.recursiveCold();
        Trace early = prefix(full, 12);
        robot.interact(() -> h.model.load(early, NamespaceTree.learnedFrom(early)));
        robot.interact(() -> {
            h.model.jumpTo(6);
            h.view.zoomIn();
        });
        WaitForAsyncUtils.waitForFxEvents();
        double zoom = h.view.zoom();
        Name focus = h.model.state().namespaceFocus().currentName();
        Bounds before = screen(focus);
        int layouts = h.view.layoutCount();
        robot.interact(() -> h.model.grow(full, NamespaceTree.learnedFrom(full)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.model.position()).isEqualTo(6);
        assertThat(h.view.layoutCount()).isGreaterThan(layouts);
        assertThat(h.view.zoom()).isEqualTo(zoom);
        Bounds after = screen(focus);
        assertThat(after.getMinX()).isCloseTo(before.getMinX(), org.assertj.core.data.Offset.offset(0.5));
        assertThat(after.getMinY()).isCloseTo(before.getMinY(), org.assertj.core.data.Offset.offset(0.5));
        // names the longer trace taught are drawn
        assertThat(h.view.nodeFor(name("charon.dekanat.informatik.tu-darmstadt.de."))).isPresent();
    }

    @Test
    void twoThousandNamesAreLaidOutOnceAndEachStepOnlyRestylesWhatChanges(FxRobot robot) {
        NamespaceBuilder b = new NamespaceBuilder().add(Fixtures.defaultWorldTree());
        int extra = 2000 - Fixtures.defaultWorldTree().size();
        for (int i = 0; i < extra; i++) {
            // 40 zones of 50 hosts each below com, like a big hosting provider
            b.addQuestion(name("host" + i + ".customer" + (i / 50) + ".com."));
        }
        for (int z = 0; z < 40; z++) {
            b.addZone(name("customer" + z + ".com."), List.of());
        }
        NamespaceTree big = b.snapshot();
        assertThat(big.size()).isBetween(2000, 2100);
        long t0 = System.nanoTime();
        robot.interact(() -> {
            h.model.load(Fixtures.recursiveCold(), big);
            h.view.expandAll();
        });
        long builtIn = System.nanoTime() - t0;
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.view.visibleNodeCount()).isEqualTo(big.size());
        int layouts = h.view.layoutCount();
        int maxChanges = 0;
        long s0 = System.nanoTime();
        for (int k = 0; k < h.model.length(); k++) {
            robot.interact(h.model::stepForward);
            maxChanges = Math.max(maxChanges, h.view.lastStepChanges());
        }
        long stepped = System.nanoTime() - s0;
        assertThat(h.view.layoutCount()).isEqualTo(layouts);
        // a step restyles a handful of names, zones and edges, not the 2,000
        assertThat(maxChanges).isBetween(1, 20);
        robot.interact(() -> h.view.fitToWindow());
        System.out.printf("2,000-name tree: load + expand-all layout %.0f ms; %d steps %.1f ms each (incl. robot)%n",
                builtIn / 1e6, h.model.length(), stepped / 1e6 / h.model.length());
    }
}
