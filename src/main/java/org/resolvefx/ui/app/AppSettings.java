package org.resolvefx.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.resolvefx.ui.i18n.I18n;

/**
 * What the application remembers between runs (theme, language, recent files), in the user's
 * Java preferences. Tests use their own preferences node (system property resolvefx.prefs.node).
 */
public final class AppSettings {
    static final int MAX_RECENT = 10;
    private static final String KEY_THEME = "theme";
    private static final String KEY_LANGUAGE = "language";
    private static final String KEY_RECENT = "recentFiles";

    private final Preferences prefs;

    public AppSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    public static AppSettings standard() {
        String node = System.getProperty("resolvefx.prefs.node", "org/resolvefx/app");
        return new AppSettings(Preferences.userRoot().node(node));
    }

    public Theme theme() {
        return Theme.parse(prefs.get(KEY_THEME, null), Theme.LIGHT);
    }

    public void setTheme(Theme theme) {
        prefs.put(KEY_THEME, theme.name());
        flush();
    }

    public Locale language() {
        String tag = prefs.get(KEY_LANGUAGE, null);
        return tag == null ? I18n.systemDefault() : Locale.forLanguageTag(tag);
    }

    public void setLanguage(Locale locale) {
        prefs.put(KEY_LANGUAGE, locale.toLanguageTag());
        flush();
    }

    /** Recently opened files, newest first, only those that still exist. */
    public List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (String line : prefs.get(KEY_RECENT, "").split("\n")) {
            if (!line.isBlank()) {
                Path p = Path.of(line);
                if (Files.exists(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    public void addRecentFile(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recentFiles());
        list.remove(abs);
        list.add(0, abs);
        while (list.size() > MAX_RECENT) {
            list.remove(list.size() - 1);
        }
        StringBuilder sb = new StringBuilder();
        for (Path p : list) {
            sb.append(p).append('\n');
        }
        prefs.put(KEY_RECENT, sb.toString());
        flush();
    }

    public void clearRecentFiles() {
        prefs.remove(KEY_RECENT);
        flush();
    }

    /** Forgets everything (used by tests to start from a clean slate). */
    public void clear() {
        try {
            prefs.clear();
        } catch (BackingStoreException e) {
            // preferences that cannot be written are not worth stopping the application for
        }
    }

    private void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // same: the setting still applies for this run
        }
    }
}
