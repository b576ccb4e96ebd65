package org.resolvefx.core.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.resolvefx.core.namespace.TreeLayoutTest.Box;

/** Random trees with random widths: the rules of a tidy drawing always hold. */
class TreeLayoutPropertiesTest {

    /**
     * Node i > 0 hangs under node i-1 (a chain step) or under an earlier node chosen by its gene; its
     * width comes from the gene too (0 included). Shrinks towards small, flat trees.
     */
    static Box randomTree(List<Integer> genes) {
        List<Box> all = new ArrayList<>();
        Box root = new Box("n0", 1 + genes.get(0) % 50);
        all.add(root);
        for (int i = 1; i < genes.size(); i++) {
            int g = genes.get(i);
            Box parent = g % 4 == 0 ? all.get(i - 1) : all.get(g % i);
            Box b = new Box("n" + i, (g / 7) % 60);
            parent.children.add(b);
            all.add(b);
        }
        return root;
    }

    @Property
    void noOverlapsAndParentsCentred(@ForAll @Size(min = 1, max = 150) List<@IntRange(min = 0, max = 100_000) Integer> genes,
                                     @ForAll @DoubleRange(min = 0, max = 30) double gap) {
        Box root = randomTree(genes);
        TreeDrawing<Box> d = new TreeLayout(gap, 40, 10).layout(root, b -> b.children, b -> b.width);
        assertThat(d.size()).isEqualTo(genes.size());
        TreeLayoutChecks.assertTidy(d, gap);
    }

    @Property
    void aSubtreeIsDrawnTheSameWhereverItOccurs(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 100_000) Integer> genes,
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 100_000) Integer> otherGenes) {
        Box sub = randomTree(genes);
        Box copy = TreeLayoutChecks.copy(sub);
        Box other = randomTree(otherGenes);
        Box root = new Box("root", 10);
        root.children.add(sub);
        root.children.add(other);
        other.children.add(copy); // one level deeper and further right
        TreeDrawing<Box> d = new TreeLayout(5, 40, 10).layout(root, b -> b.children, b -> b.width);
        Map<Box, Double> x = new IdentityHashMap<>();
        for (int i = 0; i < d.size(); i++) {
            x.put(d.node(i), d.x(i));
        }
        double dx = x.get(copy) - x.get(sub);
        List<Box[]> pairs = new ArrayList<>();
        pairs.add(new Box[] {sub, copy});
        while (!pairs.isEmpty()) {
            Box[] p = pairs.remove(pairs.size() - 1);
            assertThat(x.get(p[1]) - x.get(p[0])).isCloseTo(dx, within(1e-6 * Math.max(1, d.bounds().width())));
            for (int i = 0; i < p[0].children.size(); i++) {
                pairs.add(new Box[] {p[0].children.get(i), p[1].children.get(i)});
            }
        }
    }

    @Property
    void aTreeBesideItsMirrorImageIsSymmetric(
            @ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 100_000) Integer> genes) {
        Box left = randomTree(genes);
        Map<Box, Box> mirrorOf = new IdentityHashMap<>();
        Box right = TreeLayoutChecks.mirror(left, mirrorOf);
        Box root = new Box("root", 10);
        root.children.add(left);
        root.children.add(right);
        TreeDrawing<Box> d = new TreeLayout(4, 40, 10).layout(root, b -> b.children, b -> b.width);
        Map<Box, Double> x = new IdentityHashMap<>();
        for (int i = 0; i < d.size(); i++) {
            x.put(d.node(i), d.x(i));
        }
        double axis = x.get(root);
        for (Map.Entry<Box, Box> e : mirrorOf.entrySet()) {
            assertThat(x.get(e.getValue()) - axis).isCloseTo(axis - x.get(e.getKey()),
                    within(1e-6 * Math.max(1, d.bounds().width())));
        }
    }

    @Property(tries = 200)
    void mirrorInvariance(@ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 100_000) Integer> genes) {
        TreeLayoutChecks.assertMirrorInvariant(randomTree(genes), 3);
    }
}
