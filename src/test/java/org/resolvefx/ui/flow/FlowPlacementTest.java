package org.resolvefx.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.resolvefx.ui.flow.FlowPlacement.Curve;
import org.resolvefx.ui.flow.FlowPlacement.Obb;
import org.resolvefx.ui.flow.FlowPlacement.Placed;
import org.resolvefx.ui.flow.FlowPlacement.Request;

/** The geometry behind badge and label placement, against simple independent oracles. */
class FlowPlacementTest {

    @Property
    void levelRectanglesOverlapExactlyWhenTheirExtentsDo(@ForAll("rects") double[] a, @ForAll("rects") double[] b) {
        Obb oa = Obb.axis(a[0], a[1], a[0] + a[2], a[1] + a[3]);
        Obb ob = Obb.axis(b[0], b[1], b[0] + b[2], b[1] + b[3]);
        boolean expected = a[0] < b[0] + b[2] - 1e-9 && b[0] < a[0] + a[2] - 1e-9 && a[1] < b[1] + b[3] - 1e-9
                && b[1] < a[1] + a[3] - 1e-9;
        assertThat(oa.overlaps(ob)).isEqualTo(expected);
        assertThat(ob.overlaps(oa)).isEqualTo(expected);
    }

    @Property
    void turnedRectanglesOverlapSymmetricallyAndWhenOneHoldsTheOthersCentre(@ForAll("obbs") Obb a,
                                                                            @ForAll("obbs") Obb b) {
        assertThat(a.overlaps(b)).isEqualTo(b.overlaps(a));
        if (contains(a, b.cx(), b.cy()) || contains(b, a.cx(), a.cy())) {
            assertThat(a.overlaps(b)).isTrue();
        }
        double reach = Math.hypot(a.halfW(), a.halfH()) + Math.hypot(b.halfW(), b.halfH());
        if (Math.hypot(a.cx() - b.cx(), a.cy() - b.cy()) > reach) {
            assertThat(a.overlaps(b)).isFalse();
        }
    }

    @Property
    void aPieceIntersectsATurnedRectangleWhenAnyOfItsPointsLiesInside(@ForAll("obbs") Obb box,
            @ForAll @DoubleRange(min = -60, max = 60) double x1, @ForAll @DoubleRange(min = -60, max = 60) double y1,
            @ForAll @DoubleRange(min = -60, max = 60) double x2, @ForAll @DoubleRange(min = -60, max = 60) double y2) {
        boolean sampledInside = false;
        for (int i = 0; i <= 400 && !sampledInside; i++) {
            double t = i / 400.0;
            sampledInside = contains(box, x1 + (x2 - x1) * t, y1 + (y2 - y1) * t);
        }
        if (sampledInside) {
            assertThat(box.intersects(x1, y1, x2, y2)).isTrue();
        }
        if (box.intersects(x1, y1, x2, y2)) {
            // the piece comes at least as close as the rectangle's half-diagonal to its centre
            double d = new FlowPlacement.Curve(x1, y1, (x1 + x2) / 2, (y1 + y2) / 2, x2, y2).chord() == 0
                    ? Math.hypot(x1 - box.cx(), y1 - box.cy()) : distance(box.cx(), box.cy(), x1, y1, x2, y2);
            assertThat(d).isLessThanOrEqualTo(Math.hypot(box.halfW(), box.halfH()) + 1e-6);
        }
    }

    @Property
    void aBowedCurvePassesItsMiddleAtTheBowFromTheLineOfTheBoxes(
            @ForAll @DoubleRange(min = -200, max = 200) double x0, @ForAll @DoubleRange(min = -200, max = 200) double y0,
            @ForAll @DoubleRange(min = 20, max = 400) double length, @ForAll @DoubleRange(min = -3.1, max = 3.1) double angle,
            @ForAll @DoubleRange(min = -5, max = 5) double endOffset, @ForAll @DoubleRange(min = -40, max = 40) double bow) {
        double ux = Math.cos(angle);
        double uy = Math.sin(angle);
        double nx = -uy;
        double ny = ux;
        // the lane's ends lie endOffset beside the line through (x0, y0) in direction u
        Curve c = Curve.bowed(x0 + nx * endOffset, y0 + ny * endOffset, x0 + ux * length + nx * endOffset,
                y0 + uy * length + ny * endOffset, nx, ny, endOffset, bow);
        double mx = c.xAt(0.5);
        double my = c.yAt(0.5);
        double side = (mx - x0) * nx + (my - y0) * ny;
        assertThat(side).isCloseTo(bow, within(1e-6));
        assertThat(c.xAt(0)).isCloseTo(x0 + nx * endOffset, within(1e-9));
        assertThat(c.xAt(1)).isCloseTo(x0 + ux * length + nx * endOffset, within(1e-9));
        // at the top of a symmetric bow the curve runs parallel to the line of the boxes
        assertThat(Math.abs(Math.sin(c.angleAt(0.5) - angle))).isLessThan(1e-6);
    }

    @Property(tries = 200)
    void unitsThatFoundASpotOverlapNothingAndSitOnTheirArrows(@ForAll("fans") List<Request> requests,
                                                             @ForAll boolean dense) {
        List<Obb> obstacles = List.of(Obb.axis(-100, -20, 0, 20), Obb.axis(400, -300, 500, 300));
        double gap = 4;
        List<Placed> placed = FlowPlacement.place(obstacles, requests, gap, dense);
        assertThat(placed).hasSameSizeAs(requests);
        assertThat(FlowPlacement.place(obstacles, requests, gap, dense)).isEqualTo(placed);
        List<Obb[]> parts = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            Request r = requests.get(i);
            Placed p = placed.get(i);
            assertThat(p.t()).isBetween(0.0, 1.0);
            assertThat(p.labelDegrees()).isGreaterThan(-90).isLessThanOrEqualTo(90);
            double onCurve = Math.hypot(p.badgeX() - r.curve().xAt(p.t()), p.badgeY() - r.curve().yAt(p.t()));
            assertThat(onCurve).isLessThanOrEqualTo(r.unitLength(gap) / 2 + 1e-6);
            if (r.hasLabel()) {
                // the label touches its badge: they form one unit
                double apart = Math.hypot(p.labelX() - p.badgeX(), p.labelY() - p.badgeY());
                assertThat(apart).isCloseTo(r.badgeRadius() + gap + r.labelWidth() / 2, within(1e-6));
            }
            Obb[] all = FlowPlacement.parts(r, p);
            parts.add(p.labelOnlyWhenCurrent() || (!dense && all.length > 1) ? new Obb[] {all[0]} : all);
        }
        for (int i = 0; i < placed.size(); i++) {
            if (placed.get(i).crowded()) {
                continue;
            }
            for (Obb part : parts.get(i)) {
                for (Obb o : obstacles) {
                    assertThat(part.overlaps(o)).as("unit %d against a box", i + 1).isFalse();
                }
                for (int j = 0; j < i; j++) {
                    for (Obb other : parts.get(j)) {
                        assertThat(part.overlaps(other)).as("unit %d against unit %d", i + 1, j + 1).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void theSameInputGivesTheSamePlacementEveryTime() {
        List<Request> requests = lectureFan();
        List<Obb> boxes = List.of(Obb.axis(-240, -35, 0, 35), Obb.axis(520, -280, 760, 280));
        List<Placed> first = FlowPlacement.place(boxes, requests, 4, true);
        for (int i = 0; i < 300; i++) {
            assertThat(FlowPlacement.place(boxes, requests, 4, true)).isEqualTo(first);
        }
    }

    @Test
    void aBusyFanFindsAFreeSpotForEveryBadgeAndNearlyEveryLabel() {
        // four arrows to each of four servers is busier than the lecture traces (FlowViewTest checks those:
        // every label placed there); here every badge must find a spot, and at most two labels may not
        List<Request> requests = lectureFan();
        List<Obb> boxes = List.of(Obb.axis(-240, -35, 0, 35), Obb.axis(520, -280, 760, 280));
        List<Placed> placed = FlowPlacement.place(boxes, requests, 4, true);
        assertThat(placed).noneMatch(Placed::crowded);
        assertThat(placed.stream().filter(Placed::labelOnlyWhenCurrent).count()).isLessThanOrEqualTo(2);
    }

    /**
     * A resolver at the left asking four servers stacked on the right, two queries and two responses
     * each, in the proportions of the flow view at 14 px type (chords about 520 px, servers 160 px
     * apart, bows 25 px apart, labels 150 px).
     */
    private static List<Request> lectureFan() {
        List<Request> requests = new ArrayList<>();
        for (int server = 0; server < 4; server++) {
            double y = -240 + server * 160;
            for (int k = 0; k < 4; k++) {
                boolean response = k % 2 == 1;
                int side = response ? -1 : 1;
                double bow = side * (k / 2 + 0.5) * 25;
                double len = Math.hypot(520, y);
                double nx = -y / len;
                double ny = 520 / len;
                Curve c = response ? Curve.bowed(520, y, 0, 0, nx, ny, 0, bow) : Curve.bowed(0, 0, 520, y, nx, ny, 0, bow);
                requests.add(new Request(c, 11, 150, 18, 1, 13, response ? 0.4 : 0.6));
            }
        }
        return requests;
    }

    @Test
    void steepArrowsGetLevelLabelsBesideTheBadge() {
        Request r = new Request(Curve.straight(0, 0, 5, 300), 10, 80, 16, -1, 12, 0.5);
        Placed p = FlowPlacement.place(List.of(), List.of(r), 4, true).get(0);
        assertThat(p.labelDegrees()).isZero();
        assertThat(p.labelX()).isLessThan(p.badgeX());
        assertThat(p.labelY()).isEqualTo(p.badgeY());
        assertThat(Math.hypot(p.badgeX() - r.curve().xAt(p.t()), p.badgeY() - r.curve().yAt(p.t()))).isZero();
    }

    @Test
    void slotsAndPiecesBehave() {
        Curve c = Curve.straight(0, 0, 100, 0);
        assertThat(c.pieces(4)).hasSize(4);
        assertThat(c.pieces(4).get(3)[2]).isEqualTo(100);
        Obb turned = new Obb(0, 0, 10, 2, Math.PI / 2);
        double[] b = turned.bounds();
        assertThat(b[1]).isCloseTo(-10, within(1e-9));
        assertThat(b[0]).isCloseTo(-2, within(1e-9));
        assertThat(turned.intersects(-5, 8, 5, 8)).isTrue();
        assertThat(turned.intersects(-5, 11, 5, 11)).isFalse();
    }

    private static boolean contains(Obb o, double x, double y) {
        double c = Math.cos(-o.angle());
        double s = Math.sin(-o.angle());
        double lx = (x - o.cx()) * c - (y - o.cy()) * s;
        double ly = (x - o.cx()) * s + (y - o.cy()) * c;
        return Math.abs(lx) < o.halfW() - 1e-6 && Math.abs(ly) < o.halfH() - 1e-6;
    }

    private static double distance(double px, double py, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
    }

    @Provide
    Arbitrary<double[]> rects() {
        Arbitrary<Double> pos = Arbitraries.doubles().between(-50, 50).ofScale(1);
        Arbitrary<Double> size = Arbitraries.doubles().between(0.5, 40).ofScale(1);
        return Combinators.combine(pos, pos, size, size).as((x, y, w, h) -> new double[] {x, y, w, h});
    }

    @Provide
    Arbitrary<Obb> obbs() {
        Arbitrary<Double> pos = Arbitraries.doubles().between(-40, 40);
        Arbitrary<Double> half = Arbitraries.doubles().between(0.5, 25);
        Arbitrary<Double> angle = Arbitraries.doubles().between(-3.14, 3.14);
        return Combinators.combine(pos, pos, half, half, angle).as(Obb::new);
    }

    /** Random fans of bowed arrows between a host at the origin and servers on the right. */
    @Provide
    Arbitrary<List<Request>> fans() {
        Arbitrary<Request> one = Combinators.combine(
                Arbitraries.integers().between(-3, 3), Arbitraries.integers().between(0, 4),
                Arbitraries.of(1, -1), Arbitraries.doubles().between(20, 160), Arbitraries.doubles().between(0, 1))
                .as((row, k, side, labelW, pref) -> {
                    double y = row * 90;
                    double len = Math.hypot(400, y);
                    Curve c = Curve.bowed(0, 0, 400, y, -y / len, 400 / len, 0, side * (k + 0.5) * 22);
                    return new Request(c, 10, labelW < 40 ? 0 : labelW, labelW < 40 ? 0 : 16, side, 12,
                            0.3 + 0.4 * pref);
                });
        return one.list().ofMinSize(1).ofMaxSize(24);
    }
}
