package org.resolvefx.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resolvefx.ui.i18n.I18n;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Switching the language at run time changes every label of the main window: every text that shows an English
 * interface string before the switch shows the German one after it, and no English interface string is left
 * anywhere in the window (menus, tabs, buttons, column headers, prompts, tooltips) once it speaks German.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        AppSettings settings = new AppSettings(Preferences.userRoot().node("resolvefx-test/language-switch"));
        settings.clear();
        settings.setLanguage(Locale.ENGLISH);
        window = new MainWindow(stage, settings);
        window.show();
    }

    @AfterEach
    void backToEnglish() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.setLanguage(Locale.ENGLISH)).get(10, TimeUnit.SECONDS);
    }

    /** A place in the window that shows text, read again after the switch. */
    private record Shown(Object owner, String where, Supplier<String> text, boolean recycled) {
        Shown(Object owner, String where, Supplier<String> text) {
            this(owner, where, text, false);
        }
    }

    @Test
    void everyLabelOfTheLookupWorkspaceChangesWithTheLanguage() throws Exception {
        assertThat(window.showsLookup()).isTrue();
        switchingToGermanTranslatesEveryLabel(40);
    }

    @Test
    void everyLabelOfTheMessagesWorkspaceChangesWithTheLanguage(FxRobot robot) throws Exception {
        Path capture = InspectorWindowTest.sharedCapture("a-recursive-cold.pcap");
        javafx.concurrent.Task<?>[] task = new javafx.concurrent.Task<?>[1];
        robot.interact(() -> task[0] = window.openFile(capture));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> task[0].isDone());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.showsLookup()).isFalse();
        assertThat(window.rows()).isNotEmpty();
        switchingToGermanTranslatesEveryLabel(20);
    }

    private void switchingToGermanTranslatesEveryLabel(int atLeast) throws Exception {
        Map<String, String> english = values(I18n.ENGLISH);
        Map<String, String> german = values(I18n.GERMAN);
        // an interface string whose two translations differ; texts such as "DNS" or "Deutsch" read the same
        Map<String, String> translatable = new HashMap<>();
        english.forEach((key, en) -> {
            String de = german.get(key);
            if (de != null && !de.equals(en) && !en.isBlank()) {
                translatable.put(key, en);
            }
        });
        Set<String> germanTexts = new HashSet<>(german.values());
        Map<String, List<String>> keysByEnglish = new HashMap<>();
        translatable.forEach((k, en) -> keysByEnglish.computeIfAbsent(en, x -> new ArrayList<>()).add(k));

        List<Shown> before = fx(this::shownTexts);
        Map<Shown, List<String>> englishShown = new IdentityHashMap<>();
        for (Shown s : before) {
            if (s.recycled()) {
                continue;
            }
            String text = fx(s.text()::get);
            List<String> keys = keysByEnglish.get(text);
            if (keys != null) {
                englishShown.put(s, keys);
            }
        }
        // the window is full of interface strings: a scan that finds few would prove nothing
        assertThat(englishShown).as("English interface strings found in the window").hasSizeGreaterThan(atLeast);

        WaitForAsyncUtils.asyncFx(() -> window.setLanguage(Locale.GERMAN)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> unchanged = new ArrayList<>();
        englishShown.forEach((s, keys) -> {
            if (s.owner() instanceof Node n && fx(() -> n.getScene() == null)) {
                return; // replaced by a new node on the switch: the scan of the German window checks that one
            }
            String now = fx(s.text()::get);
            boolean translated = keys.stream().anyMatch(k -> german.get(k).equals(now));
            if (!translated) {
                unchanged.add(s.where() + ": \"" + now + "\" (key " + keys + ")");
            }
        });
        Collections.sort(unchanged);
        assertThat(unchanged).as("labels that kept their English text after switching to German").isEmpty();

        // texts that were created or rebuilt after the switch must be German too
        List<String> leftInEnglish = new ArrayList<>();
        for (Shown s : fx(this::shownTexts)) {
            String now = fx(s.text()::get);
            if (keysByEnglish.containsKey(now) && !germanTexts.contains(now)) {
                leftInEnglish.add(s.where() + ": \"" + now + "\"");
            }
        }
        Collections.sort(leftInEnglish);
        assertThat(leftInEnglish).as("English interface strings in the German window").isEmpty();
    }

    private static Map<String, String> values(Locale locale) {
        ResourceBundle b = I18n.bundle(locale);
        Map<String, String> out = new HashMap<>();
        for (String k : b.keySet()) {
            out.put(k, b.getString(k));
        }
        return out;
    }

    private static <T> T fx(Supplier<T> s) {
        try {
            return WaitForAsyncUtils.asyncFx(s::get).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every text the window shows now: node texts, prompts, tooltips, tabs, column headers and the menus. */
    private List<Shown> shownTexts() {
        List<Shown> out = new ArrayList<>();
        Parent root = window.scene().getRoot();
        walk(root, out, new HashSet<>());
        for (Node n : root.lookupAll(".menu-bar")) {
            if (n instanceof MenuBar bar) {
                for (Menu m : bar.getMenus()) {
                    menu(m, "menu", out);
                }
            }
        }
        return out;
    }

    private static void menu(MenuItem item, String path, List<Shown> out) {
        String where = path + " > " + item.getText();
        out.add(new Shown(item, where, item::getText));
        if (item instanceof Menu m) {
            for (MenuItem child : m.getItems()) {
                menu(child, where, out);
            }
        }
    }

    private static void walk(Node n, List<Shown> out, Set<Node> seen) {
        if (!seen.add(n)) {
            return;
        }
        String where = n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId());
        if (n instanceof Labeled l && !(n instanceof IndexedCell<?>)) {
            out.add(new Shown(l, where, l::getText));
        }
        if (n instanceof IndexedCell<?> cell && !cell.isEmpty()) {
            // list and table cells are recycled when the language changes: what counts is the text a cell
            // shows after the switch, which the scan of the German window checks
            out.add(new Shown(cell, where, cell::getText, true));
        }
        if (n instanceof TextInputControl t) {
            out.add(new Shown(t, where + " prompt", t::getPromptText));
        }
        if (n instanceof Control c && c.getTooltip() != null) {
            // a cell's tooltip goes with the cell: recycled like its text
            out.add(new Shown(c.getTooltip(), where + " tooltip", c.getTooltip()::getText, n instanceof IndexedCell<?>));
        }
        if (n instanceof TabPane tp) {
            for (Tab tab : tp.getTabs()) {
                out.add(new Shown(tab, where + " tab", tab::getText));
                if (tab.getContent() != null) {
                    walk(tab.getContent(), out, seen);
                }
            }
        }
        if (n instanceof TableView<?> tv) {
            for (TableColumnBase<?, ?> c : tv.getColumns()) {
                out.add(new Shown(c, where + " column", c::getText));
            }
        }
        if (n instanceof TreeTableView<?> tv) {
            for (TableColumnBase<?, ?> c : tv.getColumns()) {
                out.add(new Shown(c, where + " column", c::getText));
            }
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, out, seen);
            }
        }
    }
}
