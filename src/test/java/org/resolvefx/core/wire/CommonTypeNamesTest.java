package org.resolvefx.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** The summary's own table of common type names says exactly what dnsjava says. */
class CommonTypeNamesTest {

    @Test
    void everyNameInTheTableIsDnsjavasName() {
        int named = 0;
        for (int type = 0; type < MessageSummary.COMMON_TYPE_NAMES.length; type++) {
            String name = MessageSummary.COMMON_TYPE_NAMES[type];
            if (name != null) {
                assertThat(name).as("type " + type).isEqualTo(Type.string(type));
                named++;
            }
        }
        assertThat(named).isGreaterThan(20);
    }
}
