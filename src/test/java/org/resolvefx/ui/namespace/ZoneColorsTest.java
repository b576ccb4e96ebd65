package org.resolvefx.ui.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.ui.namespace.Fixtures.name;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.namespace.NamespaceBuilder;
import org.resolvefx.core.namespace.NamespaceNode;
import org.resolvefx.core.namespace.NamespaceTree;
import org.xbill.DNS.Name;

class ZoneColorsTest {

    @Test
    void zonesDifferFromTheirParentZoneAndLeftNeighbour() {
        NamespaceTree tree = Fixtures.defaultWorldTree();
        ZoneColors c = new ZoneColors();
        c.assign(tree);
        Map<Integer, Name> lastAtDepth = new HashMap<>();
        for (NamespaceNode n : tree.nodes()) {
            if (!n.zoneApex()) {
                continue;
            }
            int shade = c.shadeOf(n.name());
            assertThat(shade).isBetween(1, ZoneColors.COUNT);
            if (n.depth() > 0) {
                Name parentZone = tree.zoneOf(new Name(n.name(), 1)).name();
                assertThat(shade).as(n.name() + " vs " + parentZone).isNotEqualTo(c.shadeOf(parentZone));
            }
            Name left = lastAtDepth.put(n.depth(), n.name());
            if (left != null) {
                assertThat(shade).as(n.name() + " vs " + left).isNotEqualTo(c.shadeOf(left));
            }
        }
    }

    @Test
    void aZoneKeepsItsShadeWhenTheTreeGrows() {
        NamespaceTree small = new NamespaceBuilder().addZone(name("de."), java.util.List.of())
                .addZone(name("tu-darmstadt.de."), java.util.List.of()).snapshot();
        ZoneColors c = new ZoneColors();
        c.assign(small);
        int de = c.shadeOf(name("de."));
        int tu = c.shadeOf(name("tu-darmstadt.de."));
        NamespaceTree bigger = new NamespaceBuilder().add(small).addZone(name("com."), java.util.List.of())
                .addZone(name("bbc.com."), java.util.List.of()).addZone(name("a.de."), java.util.List.of()).snapshot();
        c.assign(bigger);
        assertThat(c.shadeOf(name("de."))).isEqualTo(de);
        assertThat(c.shadeOf(name("tu-darmstadt.de."))).isEqualTo(tu);
        assertThat(c.shadeOf(name("a.de."))).isNotEqualTo(de);
        c.clear();
        assertThat(c.shadeOf(name("de."))).isEqualTo(ZoneColors.COUNT);
    }
}
