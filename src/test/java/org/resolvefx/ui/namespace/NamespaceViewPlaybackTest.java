package org.resolvefx.ui.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.ui.namespace.Fixtures.name;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resolvefx.core.namespace.NamespaceNode;
import org.resolvefx.core.playback.Playback;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.app.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xbill.DNS.Name;

/** The lecture's capture played over the default world's tree: what lights up when, forwards and back. */
@ExtendWith(ApplicationExtension.class)
class NamespaceViewPlaybackTest {
    static final Name DE = name("de.");
    static final Name TU = name("tu-darmstadt.de.");
    static final Name INF = name("informatik.tu-darmstadt.de.");
    static final Name CHARON = name("charon.dekanat.informatik.tu-darmstadt.de.");
    static final Name WWW = name("www.p2p.tu-darmstadt.de.");

    ViewHarness h;

    @Start
    void start(Stage stage) {
        h = new ViewHarness(stage, Theme.LIGHT);
    }

    boolean lit(Name n) {
        return h.view.nodeFor(n).orElseThrow().getStyleClass().contains("on-path");
    }

    boolean touched(Name zone) {
        return h.view.zoneStyleClasses(zone).contains("touched");
    }

    @Test
    void theQueryLightsUpZoneByZoneAndSteppingBackRestoresExactly(FxRobot robot) {
        Trace trace = Fixtures.recursiveCold();
        robot.interact(() -> h.model.load(trace, Fixtures.defaultWorldTree()));
        WaitForAsyncUtils.waitForFxEvents();
        int n = h.model.length();

        // at the start nothing is lit; only the question is marked as the name being resolved
        for (NamespaceNode node : h.view.displayedTree().nodes()) {
            h.view.nodeFor(node.name()).ifPresent(g -> assertThat(g.getStyleClass()).as(node.name().toString())
                    .doesNotContain("on-path"));
            if (node.zoneApex() && h.view.nodeFor(node.name()).isPresent()) {
                assertThat(touched(node.name())).as(node.name().toString()).isFalse();
            }
        }
        assertThat(h.view.tagTexts(WWW)).containsExactly("\u25b6 resolving");
        assertThat(h.view.referralArrowShown()).isFalse();

        List<String> forward = new ArrayList<>();
        int rootReferral = HighlightsTest.referralFrom(Role.ROOT);
        int deReferral = HighlightsTest.referralFrom(Role.TLD);
        for (int k = 0; k <= n; k++) {
            assertThat(h.model.position()).isEqualTo(k);
            forward.add(h.drawn());
            if (k == rootReferral) {
                assertThat(h.view.zoneStyleClasses(Name.root)).contains("touched", "referring");
                assertThat(lit(Name.root)).isTrue();
                assertThat(h.view.tagTexts(Name.root)).contains("\u2192 referral");
                assertThat(h.view.referralArrowShown()).isTrue();
                assertThat(touched(DE)).isFalse();
            }
            if (k == deReferral) {
                assertThat(touched(DE)).isTrue();
                assertThat(lit(DE)).isTrue();
                assertThat(h.view.zoneStyleClasses(DE)).contains("referring");
                assertThat(h.view.zoneStyleClasses(Name.root)).contains("touched").doesNotContain("referring");
                assertThat(h.view.tagTexts(DE)).contains("2", "\u2192 referral");
            }
            if (k < n) {
                robot.interact(h.model::stepForward);
            }
        }
        // the end: . -> de -> tu-darmstadt.de -> informatik lit, charon current after the CNAME restart
        for (Name z : List.of(Name.root, DE, TU, INF)) {
            assertThat(touched(z)).as(z.toString()).isTrue();
            assertThat(lit(z)).as(z.toString()).isTrue();
        }
        for (Name z : List.of(DE, TU, INF)) {
            assertThat(h.view.edgeStyleClasses(z)).as(z.toString()).contains("cut", "on-path");
        }
        assertThat(h.view.nodeFor(CHARON).orElseThrow().getStyleClass()).contains("current", "on-path");
        assertThat(h.view.tagTexts(CHARON)).containsExactly("\u25b6 resolving");
        assertThat(h.view.nodeFor(WWW).orElseThrow().getStyleClass()).contains("alias").doesNotContain("current");
        assertThat(h.view.tagTexts(WWW)).containsExactly("CNAME");
        assertThat(touched(name("com."))).isFalse();
        assertThat(h.view.tagTexts(INF)).contains("4");

        // the descriptions do tell positions apart (else the comparisons below would prove nothing)
        assertThat(new java.util.HashSet<>(forward)).hasSizeGreaterThan(n / 2);
        for (int k = n; k >= 0; k--) {
            assertThat(h.drawn()).as("stepping back to " + k).isEqualTo(forward.get(k));
            if (k > 0) {
                robot.interact(h.model::stepBack);
            }
        }
        Random r = new Random(7);
        for (int i = 0; i < 12; i++) {
            int k = r.nextInt(n + 1);
            robot.interact(() -> h.model.jumpTo(k));
            assertThat(h.drawn()).as("jump to " + k).isEqualTo(forward.get(k));
        }
        // the layout was made once for the trace, not per step
        assertThat(h.view.layoutCount()).isLessThanOrEqualTo(2);
    }

    @Test
    void nxdomainAnswersMarkTheNameOnlyFromTheResponseOn(FxRobot robot) {
        Name nosuch = name("nosuchhost.tu-darmstadt.de.");
        Trace t = Fixtures.capture("d-nxdomain").stream().filter(x -> x.question().name().equals(nosuch))
                .findFirst().orElseThrow();
        robot.interact(() -> h.model.load(t, Fixtures.defaultWorldTree()));
        WaitForAsyncUtils.waitForFxEvents();
        // the world has no such name: the view adds it so there is something to mark
        assertThat(h.view.nodeFor(nosuch)).isPresent();
        assertThat(h.view.nodeFor(nosuch).orElseThrow().getStyleClass()).doesNotContain("nxdomain");
        robot.interact(h.model::toEnd);
        assertThat(h.view.nodeFor(nosuch).orElseThrow().getStyleClass()).contains("nxdomain");
        assertThat(h.view.tagTexts(nosuch)).contains("\u2715 NXDOMAIN");
        Playback p = h.model.playback();
        int first = -1;
        for (int k = 0; k <= p.length() && first < 0; k++) {
            if (p.stateAt(k).arrows().stream().anyMatch(a -> a.isResponse() && a.rcode() == 3)) {
                first = k;
            }
        }
        int before = first - 1;
        robot.interact(() -> h.model.jumpTo(before));
        assertThat(h.view.nodeFor(nosuch).orElseThrow().getStyleClass()).doesNotContain("nxdomain");
    }

    @Test
    void sideLookupNamesAreMarkedApartWhileAndAfterTheyAreLookedUp(FxRobot robot) throws Exception {
        Trace t = GluelessTrace.trace();
        robot.interact(() -> h.model.load(t, Fixtures.defaultWorldTree()));
        WaitForAsyncUtils.waitForFxEvents();
        Name server = name(GluelessTrace.SERVER);
        Name www = name(GluelessTrace.QNAME);
        assertThat(h.view.nodeFor(server)).isPresent();
        assertThat(h.view.nodeFor(server).orElseThrow().getStyleClass()).doesNotContain("side-lookup");
        int started = GluelessTrace.after(t, org.resolvefx.core.trace.TraceEvent.SideResolutionStarted.class);
        int finished = GluelessTrace.after(t, org.resolvefx.core.trace.TraceEvent.SideResolutionFinished.class);
        robot.interact(() -> h.model.jumpTo(started));
        assertThat(h.view.nodeFor(server).orElseThrow().getStyleClass()).contains("side-lookup", "side-active");
        assertThat(h.view.tagTexts(server)).containsExactly("\u21aa side lookup");
        robot.interact(() -> h.model.jumpTo(finished - 1));
        // by now net and pbsdns.net have been asked: the path down to the server is lit as a side path
        assertThat(h.view.nodeFor(server).orElseThrow().getStyleClass()).contains("side-path", "side-active")
                .doesNotContain("on-path");
        assertThat(h.view.edgeStyleClasses(server)).contains("side-path");
        assertThat(lit(name("pbsdns.net."))).isTrue();
        // pbs.org counts as touched since its referral was followed (before the side lookup began)
        assertThat(touched(name("pbs.org."))).isTrue();
        java.nio.file.Path out = java.nio.file.Path.of("target", "namespace-view");
        java.nio.file.Files.createDirectories(out);
        robot.interact(() -> {
            try {
                org.resolvefx.ui.common.Snapshots.writePng(org.resolvefx.ui.common.Snapshots.snapshot(h.view, 1, null),
                        out.resolve("side-lookup.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        robot.interact(h.model::toEnd);
        assertThat(h.view.nodeFor(server).orElseThrow().getStyleClass()).contains("side-lookup")
                .doesNotContain("side-active");
        assertThat(lit(www)).isTrue();
        assertThat(touched(name("pbs.org."))).isTrue();
        assertThat(h.view.tagTexts(www)).containsExactly("\u25b6 resolving");
    }
}
