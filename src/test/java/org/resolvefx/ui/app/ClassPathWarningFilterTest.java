package org.resolvefx.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The window's launcher silences only JavaFX's warning that it runs from the class path. */
class ClassPathWarningFilterTest {

    @Test
    void dropsTheClassPathWarningAndKeepsEverythingElse() {
        assertThat(ResolveFxApp.WITHOUT_CLASS_PATH_WARNING.isLoggable(new LogRecord(Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'"))).isFalse();
        assertThat(ResolveFxApp.WITHOUT_CLASS_PATH_WARNING.isLoggable(new LogRecord(Level.WARNING,
                "Could not resolve '-rfx-fg' while resolving lookups for '-fx-text-fill'"))).isTrue();
        assertThat(ResolveFxApp.WITHOUT_CLASS_PATH_WARNING.isLoggable(new LogRecord(Level.SEVERE, null))).isTrue();
    }
}
