package org.resolvefx.core.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeLayoutTest {
    static final double EPS = 1e-6;

    /** A test node; identity matters (the same content may occur twice in a tree). */
    static final class Box {
        final String name;
        final double width;
        final List<Box> children = new ArrayList<>();

        Box(String name, double width, Box... kids) {
            this.name = name;
            this.width = width;
            children.addAll(List.of(kids));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Box box(String name, double width, Box... kids) {
        return new Box(name, width, kids);
    }

    static TreeDrawing<Box> draw(Box root, double gap) {
        return new TreeLayout(gap, 50, 20).layout(root, b -> b.children, b -> b.width);
    }

    static double x(TreeDrawing<Box> d, Box b) {
        return d.placementOf(b).orElseThrow().x();
    }

    @Test
    void singleNode() {
        Box r = box("r", 30);
        TreeDrawing<Box> d = draw(r, 10);
        assertThat(d.size()).isEqualTo(1);
        assertThat(d.x(0)).isEqualTo(15);
        assertThat(d.y(0)).isZero();
        assertThat(d.parent(0)).isEqualTo(-1);
        assertThat(d.bounds()).isEqualTo(new Bounds(0, -10, 30, 10));
    }

    @Test
    void childrenOfDifferentWidthsSitGapApartWithTheParentCentred() {
        Box a = box("a", 10);
        Box b = box("b", 30);
        Box c = box("c", 10);
        Box r = box("r", 4, a, b, c);
        TreeDrawing<Box> d = draw(r, 5);
        assertThat(x(d, a)).isCloseTo(5, within(EPS));
        assertThat(x(d, b)).isCloseTo(30, within(EPS));
        assertThat(x(d, c)).isCloseTo(55, within(EPS));
        assertThat(x(d, r)).isCloseTo(30, within(EPS));
        assertThat(d.placementOf(a).orElseThrow().y()).isEqualTo(50);
        assertThat(d.placementOf(a).orElseThrow().depth()).isEqualTo(1);
        assertThat(d.bounds().width()).isCloseTo(60, within(EPS));
        assertThat(d.bounds().maxY()).isEqualTo(60);
    }

    @Test
    void aWideParentDoesNotPushItsChildrenApart() {
        Box a = box("a", 10);
        Box b = box("b", 10);
        Box r = box("a very long label", 200, a, b);
        TreeDrawing<Box> d = draw(r, 10);
        assertThat(x(d, b) - x(d, a)).isCloseTo(20, within(EPS));
        assertThat(x(d, r)).isCloseTo((x(d, a) + x(d, b)) / 2, within(EPS));
        assertThat(d.bounds().minX()).isCloseTo(0, within(EPS));
    }

    @Test
    void cousinsKeepTheGapAndSubtreesDoNotOverlap() {
        // the left subtree's right contour is deeper than its root: the right subtree must clear it
        Box l = box("l", 10, box("l1", 10), box("l2", 10, box("l21", 40)));
        Box r = box("r", 10, box("r1", 40, box("r11", 10)), box("r2", 10));
        TreeDrawing<Box> d = draw(box("root", 10, l, r), 6);
        TreeLayoutChecks.assertTidy(d, 6);
        Box l21 = l.children.get(1).children.get(0);
        Box r11 = r.children.get(0).children.get(0);
        assertThat(x(d, r11) - x(d, l21)).isGreaterThanOrEqualTo((40 + 10) / 2.0 + 6 - EPS);
    }

    @Test
    void smallSubtreesBetweenLargeOnesAreSpacedEvenly() {
        // Walker's example: the leaves between two wide subtrees share the room equally
        // the wide subtrees' children overlap unless R moves right: that shift is spread over m1..m3
        Box left = box("L", 10, box("a", 10), box("b", 10), box("c", 10), box("d", 10), box("e", 10),
                box("f", 10), box("g", 10), box("h", 10));
        Box right = box("R", 10, box("i", 10), box("j", 10), box("k", 10), box("l", 10), box("m", 10),
                box("n", 10), box("o", 10), box("p", 10));
        Box m1 = box("m1", 10);
        Box m2 = box("m2", 10);
        Box m3 = box("m3", 10);
        Box root = box("root", 10, left, m1, m2, m3, right);
        TreeDrawing<Box> d = draw(root, 10);
        TreeLayoutChecks.assertTidy(d, 10);
        double step1 = x(d, m1) - x(d, left);
        double step2 = x(d, m2) - x(d, m1);
        double step3 = x(d, m3) - x(d, m2);
        double step4 = x(d, right) - x(d, m3);
        assertThat(step2).isCloseTo(step1, within(EPS));
        assertThat(step3).isCloseTo(step1, within(EPS));
        assertThat(step4).isCloseTo(step1, within(EPS));
        assertThat(step1).isGreaterThan(20); // more than the siblings' own distance: the room was shared
        assertThat(x(d, right.children.get(0)) - x(d, left.children.get(7))).isCloseTo(20, within(EPS));
        // and the whole tree is symmetric about the root
        assertThat(x(d, root) - x(d, left)).isCloseTo(x(d, right) - x(d, root), within(EPS));
    }

    @Test
    void identicalSubtreesAreDrawnIdentically() {
        Box s1 = box("s", 12, box("x", 30, box("p", 5)), box("y", 8));
        Box s2 = box("s", 12, box("x", 30, box("p", 5)), box("y", 8));
        Box root = box("root", 10, s1, box("mid", 100, box("m1", 20), box("m2", 20), box("m3", 20)), s2);
        TreeDrawing<Box> d = draw(root, 7);
        double dx = x(d, s2) - x(d, s1);
        assertThat(x(d, s2.children.get(0)) - x(d, s1.children.get(0))).isCloseTo(dx, within(EPS));
        assertThat(x(d, s2.children.get(1)) - x(d, s1.children.get(1))).isCloseTo(dx, within(EPS));
        assertThat(x(d, s2.children.get(0).children.get(0)) - x(d, s1.children.get(0).children.get(0)))
                .isCloseTo(dx, within(EPS));
    }

    @Test
    void aDeepChainIsLaidOutWithoutRecursion() {
        Box root = box("0", 10);
        Box b = root;
        for (int i = 1; i < 5_000; i++) {
            Box c = box(Integer.toString(i), 10 + i % 7);
            b.children.add(c);
            b = c;
        }
        TreeDrawing<Box> d = draw(root, 10);
        assertThat(d.size()).isEqualTo(5_000);
        for (int i = 0; i < d.size(); i++) {
            assertThat(d.x(i)).isCloseTo(d.x(0), within(EPS));
            assertThat(d.depth(i)).isEqualTo(i);
        }
        assertThat(d.bounds().maxY()).isEqualTo(4_999 * 50 + 10);
    }

    @Test
    void aDeepChainWithSideBranchesStaysTidy() {
        Box root = box("0", 10);
        Box b = root;
        for (int i = 1; i < 3_000; i++) {
            Box c = box("c" + i, 10);
            b.children.add(box("side" + i, 5 + i % 13));
            b.children.add(c);
            if (i % 2 == 0) {
                b.children.add(box("right" + i, 8));
            }
            b = c;
        }
        TreeDrawing<Box> d = draw(root, 3);
        TreeLayoutChecks.assertTidy(d, 3);
    }

    @Test
    void mirroredTreesAreDrawnAsMirrorImages() {
        Box t = box("r", 10, box("a", 20, box("a1", 10), box("a2", 30, box("a21", 10), box("a22", 10))),
                box("b", 10), box("c", 15, box("c1", 10)), box("d", 10, box("d1", 40), box("d2", 10)));
        TreeLayoutChecks.assertMirrorInvariant(t, 5);
    }

    @Test
    void fitScalesAndCentresTheDrawingIntoAViewport() {
        Box r = box("r", 20, box("a", 20), box("b", 20));
        TreeDrawing<Box> d = draw(r, 20); // 60 wide, 70 high (-10..60)
        ViewportFit fit = d.fit(600, 1400);
        assertThat(fit.scale()).isCloseTo(10, within(EPS));
        assertThat(fit.toViewX(d.bounds().minX())).isCloseTo(0, within(EPS));
        assertThat(fit.toViewX(d.bounds().maxX())).isCloseTo(600, within(EPS));
        assertThat(fit.toViewY(d.bounds().centerY())).isCloseTo(700, within(EPS));
        assertThat(fit.toLayoutX(fit.toViewX(17))).isCloseTo(17, within(EPS));
        ViewportFit capped = d.fit(600, 1400, 20, 2);
        assertThat(capped.scale()).isEqualTo(2);
        assertThat(capped.toViewX(d.bounds().centerX())).isCloseTo(300, within(EPS));
        Bounds inView = d.fit(300, 100, 10, Double.POSITIVE_INFINITY).toView(d.bounds());
        assertThat(inView.minY()).isGreaterThanOrEqualTo(10 - EPS);
        assertThat(inView.maxY()).isLessThanOrEqualTo(90 + EPS);
        assertThatThrownBy(() -> d.fit(0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive size");
        assertThatThrownBy(() -> d.fit(10, 10, 5, 1)).hasMessageContaining("padding");
    }

    @Test
    void badInputIsRejectedWithTheNodeNamed() {
        Box r = box("root", 10, box("ok", 10), box("bad", Double.NaN));
        assertThatThrownBy(() -> draw(r, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node 2").hasMessageContaining("bad").hasMessageContaining("NaN");
        assertThatThrownBy(() -> draw(box("neg", -1), 5)).hasMessageContaining("width -1");
        assertThatThrownBy(() -> new TreeLayout(-1, 10, 5)).hasMessageContaining("gap");
        assertThatThrownBy(() -> new TreeLayout(1, 0, 0)).hasMessageContaining("levelHeight");
        assertThatThrownBy(() -> new TreeLayout(1, 10, 11)).hasMessageContaining("nodeHeight");
    }

    @Test
    void zeroGapAndZeroWidthsStillKeepOrder() {
        Box a = box("a", 0);
        Box b = box("b", 0);
        TreeDrawing<Box> d = draw(box("r", 0, a, b), 0);
        assertThat(x(d, a)).isLessThanOrEqualTo(x(d, b));
        TreeLayoutChecks.assertTidy(d, 0);
    }

    @Test
    void placementsListEveryNodeInPreorder() {
        Box a = box("a", 10, box("a1", 10));
        Box b = box("b", 10);
        TreeDrawing<Box> d = draw(box("r", 10, a, b), 5);
        assertThat(d.placements()).extracting(p -> p.node().name).containsExactly("r", "a", "a1", "b");
        assertThat(d.placements()).extracting(TreeDrawing.Placement::parent).containsExactly(-1, 0, 1, 0);
        TreeDrawing.Placement<Box> a1 = d.placement(2);
        assertThat(a1.right() - a1.left()).isEqualTo(10);
        assertThat(a1.bottom() - a1.top()).isEqualTo(20);
        assertThat(d.box(2)).isEqualTo(new Bounds(a1.left(), a1.top(), a1.right(), a1.bottom()));
        assertThat(d.placementOf(box("stranger", 1))).isEmpty();
    }
}
