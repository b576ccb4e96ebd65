package org.resolvefx.core.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.resolvefx.core.namespace.TreeLayoutTest.Box;

/** The aesthetic rules of a tidy drawing, checked on any drawing. */
final class TreeLayoutChecks {
    private TreeLayoutChecks() {
    }

    /**
     * Nodes of a level appear left to right in tree order, at least {@code gap} apart; every parent is
     * centred over its first and last child; y follows the depth.
     */
    static <T> void assertTidy(TreeDrawing<T> d, double gap) {
        double eps = 1e-7 * Math.max(1, d.bounds().width());
        double levelHeight = 0;
        for (int i = 0; i < d.size(); i++) {
            if (d.depth(i) == 1) {
                levelHeight = d.y(i);
                break;
            }
        }
        Map<Integer, Integer> lastOnLevel = new HashMap<>();
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            children.add(new ArrayList<>());
        }
        for (int i = 0; i < d.size(); i++) {
            Integer prev = lastOnLevel.put(d.depth(i), i);
            if (prev != null) {
                double rightOfPrev = d.x(prev) + d.width(prev) / 2;
                double left = d.x(i) - d.width(i) / 2;
                assertThat(left - rightOfPrev).as("space between node %d and node %d on level %d", prev, i,
                        d.depth(i)).isGreaterThanOrEqualTo(gap - eps);
            }
            if (d.parent(i) >= 0) {
                children.get(d.parent(i)).add(i);
                assertThat(d.depth(i)).isEqualTo(d.depth(d.parent(i)) + 1);
            }
            assertThat(d.y(i)).isCloseTo(d.depth(i) * levelHeight, within(1e-9 * Math.max(1, d.y(i))));
            assertThat(d.x(i) - d.width(i) / 2).isGreaterThanOrEqualTo(-eps);
        }
        for (int p = 0; p < d.size(); p++) {
            List<Integer> kids = children.get(p);
            if (!kids.isEmpty()) {
                double mid = (d.x(kids.get(0)) + d.x(kids.get(kids.size() - 1))) / 2;
                assertThat(d.x(p)).as("node %d centred over its children", p).isCloseTo(mid, within(eps));
            }
        }
    }

    /** The mirror image of a tree is drawn as the mirror image of its drawing. */
    static void assertMirrorInvariant(Box tree, double gap) {
        Map<Box, Box> mirrorOf = new IdentityHashMap<>();
        Box mirror = mirror(tree, mirrorOf);
        TreeLayout layout = new TreeLayout(gap, 40, 10);
        TreeDrawing<Box> d = layout.layout(tree, b -> b.children, b -> b.width);
        TreeDrawing<Box> m = layout.layout(mirror, b -> b.children, b -> b.width);
        double w = d.bounds().maxX();
        assertThat(m.bounds().maxX()).isCloseTo(w, within(1e-6 * Math.max(1, w)));
        for (int i = 0; i < d.size(); i++) {
            double mx = m.placementOf(mirrorOf.get(d.node(i))).orElseThrow().x();
            assertThat(mx).as("mirror of node %d", i).isCloseTo(w - d.x(i), within(1e-6 * Math.max(1, w)));
        }
    }

    static Box mirror(Box b, Map<Box, Box> mirrorOf) {
        Box m = new Box(b.name, b.width);
        mirrorOf.put(b, m);
        for (int i = b.children.size() - 1; i >= 0; i--) {
            m.children.add(mirror(b.children.get(i), mirrorOf));
        }
        return m;
    }

    static Box copy(Box b) {
        Box c = new Box(b.name, b.width);
        for (Box k : b.children) {
            c.children.add(copy(k));
        }
        return c;
    }
}
