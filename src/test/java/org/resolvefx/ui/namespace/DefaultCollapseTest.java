package org.resolvefx.ui.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.ui.namespace.Fixtures.name;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.namespace.NamespaceBuilder;
import org.resolvefx.core.namespace.NamespaceNode;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.playback.Playback;
import org.xbill.DNS.Name;

class DefaultCollapseTest {

    @Test
    void aSmallTreeIsShownWhole() {
        NamespaceTree small = new NamespaceBuilder().addQuestion(name("www.p2p.tu-darmstadt.de."))
                .addQuestion(name("www.example.com.")).snapshot();
        assertThat(small.size()).isLessThan(DefaultCollapse.WHOLE_TREE_LIMIT);
        assertThat(DefaultCollapse.of(small, Set.of())).isEmpty();
    }

    @Test
    void theDefaultWorldShowsTheLookupsPathsWithCollapsedSiblings() {
        NamespaceTree tree = Fixtures.defaultWorldTree();
        assertThat(tree.size()).isGreaterThanOrEqualTo(DefaultCollapse.WHOLE_TREE_LIMIT);
        LookupNames names = LookupNames.of(Playback.of(Fixtures.recursiveCold()));
        Set<Name> collapsed = DefaultCollapse.of(tree, names.interesting());
        assertThat(collapsed).contains(name("com."), name("edu."), name("net."), name("org."), name("nic.de."),
                name("hrz.tu-darmstadt.de."), name("google.de."));
        assertThat(collapsed).doesNotContain(Name.root, name("de."), name("tu-darmstadt.de."),
                name("informatik.tu-darmstadt.de."), name("dekanat.informatik.tu-darmstadt.de."),
                name("p2p.tu-darmstadt.de."));
        NamespaceTree visible = tree.visibleSubtree(collapsed);
        for (Name n : names.interesting()) {
            assertThat(visible.contains(n)).as(n.toString()).isTrue();
        }
        assertThat(visible.size()).isLessThan(tree.size() / 2);
    }

    @Test
    void withoutALookupTheTopLevelDomainsAreCollapsed() {
        NamespaceTree tree = Fixtures.defaultWorldTree();
        NamespaceTree visible = tree.visibleSubtree(DefaultCollapse.of(tree, Set.of()));
        assertThat(visible.size()).isEqualTo(1 + tree.root().children().size());
        assertThat(visible.root().children()).allMatch(NamespaceNode::isCollapsed);
    }

    /** Random big trees: every interesting name stays visible, and every visible name is needed. */
    @Property(tries = 200)
    void interestingNamesStayVisible(@ForAll @Size(min = 60, max = 200) List<@IntRange(min = 0, max = 5) Integer> shape,
                                     @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 199) Integer> picks) {
        NamespaceBuilder b = new NamespaceBuilder();
        String[] labels = {"a", "b", "c", "d", "e", "f"};
        java.util.List<Name> names = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < shape.size(); i++) {
            int v = shape.get(i);
            // a deterministic walk: each step names a child or a sibling label
            current.insert(0, labels[v] + i % 7 + ".");
            if (current.length() > 60 || v == 0) {
                current.setLength(0);
                current.append(labels[v]).append(i).append('.');
            }
            Name n = name(current.toString());
            names.add(n);
            b.addQuestion(n);
        }
        NamespaceTree tree = b.snapshot();
        Set<Name> interesting = new HashSet<>();
        for (int p : picks) {
            interesting.add(names.get(p % names.size()));
        }
        Set<Name> collapsed = DefaultCollapse.of(tree, interesting);
        NamespaceTree visible = tree.visibleSubtree(collapsed);
        for (Name n : interesting) {
            assertThat(visible.contains(n)).isTrue();
        }
        if (tree.size() >= DefaultCollapse.WHOLE_TREE_LIMIT) {
            Set<Name> onPaths = new HashSet<>();
            onPaths.add(Name.root);
            for (Name n : interesting) {
                tree.pathTo(n).forEach(x -> onPaths.add(x.name()));
            }
            for (NamespaceNode v : visible.nodes()) {
                boolean needed = onPaths.contains(v.name()) || onPaths.contains(new Name(v.name(), 1));
                assertThat(needed).as(v.name().toString()).isTrue();
            }
        }
    }
}
