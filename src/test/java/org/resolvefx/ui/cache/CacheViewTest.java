package org.resolvefx.ui.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.ui.cache.CacheTraces.DELEGATION_STORED;
import static org.resolvefx.ui.cache.CacheTraces.LATE;
import static org.resolvefx.ui.cache.CacheTraces.NEGATIVE_STORED;
import static org.resolvefx.ui.cache.CacheTraces.positionAfter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.app.Theme;
import org.resolvefx.ui.common.Snapshots;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.trace.TraceViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CacheViewTest {
    final TraceViewModel model = new TraceViewModel();
    CacheView view;
    Scene scene;
    final Trace trace = CacheTraces.nxdomainWithExpiry();

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.ENGLISH);
        Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
        view = new CacheView(model);
        scene = new Scene(view, 1180, 520);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void load(FxRobot robot) {
        robot.interact(() -> model.load(trace, null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Each shown row: its style classes of interest and the texts of its cells. */
    List<String> shownRows(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            view.applyCss();
            view.layout();
        });
        List<String> out = new ArrayList<>();
        for (Node n : robot.lookup("#cache-table .table-row-cell").queryAll()) {
            TableRow<?> row = (TableRow<?>) n;
            if (row.isEmpty() || row.getItem() == null) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (String c : List.of("cache-new", "cache-expired", "cache-negative", "cache-positive")) {
                if (row.getStyleClass().contains(c)) {
                    sb.append('[').append(c).append(']');
                }
            }
            for (Node cell : row.lookupAll(".table-cell")) {
                // the status column is an icon: its words are what a screen reader says (and its tooltip)
                Labeled l = (Labeled) cell;
                sb.append(" | ").append(l.getText() != null ? l.getText() : l.getAccessibleText());
            }
            // the row's tooltip: the whole entry, the TTL with the one it started from
            if (row.getTooltip() != null) {
                sb.append(" || ").append(row.getTooltip().getText().replace('\n', '/'));
            }
            out.add(sb.toString());
        }
        out.sort(null);
        return out;
    }

    String rowFor(FxRobot robot, String name, String type) {
        return shownRows(robot).stream().filter(r -> r.contains(" | " + name + " | " + type + " | ")).findFirst()
                .orElseThrow(() -> new AssertionError(name + " " + type + " not in " + shownRows(robot)));
    }

    @Test
    void entriesAppearNewShowTheirTtlAndSource(FxRobot robot) {
        assertThat(shownRows(robot)).hasSize(3);
        assertThat(rowFor(robot, ".", "NS")).contains("root hints", "cached", "[cache-positive]")
                .doesNotContain("before this lookup");
        assertThat(rowFor(robot, "com", "NS")).contains("a.root-servers.net (127.0.1.1) · before this lookup"
                + " · authority", " | 172795 s | ", "TTL left: 172795 s of 172800 s");
        robot.interact(() -> model.jumpTo(positionAfter(trace, DELEGATION_STORED)));
        String de = rowFor(robot, "de", "NS");
        assertThat(de).contains("[cache-new]", "cached \u00b7 new", " | 10 s | ", "10 s of 10 s", "a.root-servers.net (127.0.1.1)",
                "authority", "a.nic.de.");
        assertThat(rowFor(robot, "a.nic.de", "A")).contains("additional", "127.0.2.1");
        robot.interact(model::stepForward);
        assertThat(rowFor(robot, "de", "NS")).doesNotContain("[cache-new]");
    }

    @Test
    void negativeEntriesSayWhatTheyAre(FxRobot robot) {
        robot.interact(() -> model.jumpTo(positionAfter(trace, NEGATIVE_STORED)));
        String neg = rowFor(robot, "nosuch.de", "A");
        assertThat(neg).contains("[cache-negative]", "NXDOMAIN \u00b7 new", "no such name; SOA de. 5 IN SOA",
                "a.nic.de (127.0.2.1)").doesNotContain("[cache-positive]");
        Node icon = robot.lookup("#cache-table .table-row-cell.cache-negative .cache-status-icon").query();
        assertThat(((org.kordamp.ikonli.javafx.FontIcon) icon).getIconLiteral()).isEqualTo("mdi2c-cancel");
    }

    @Test
    void ttlsCountDownOnTheClockAndExpire(FxRobot robot) {
        int quiet = positionAfter(trace, 7_100);
        robot.interact(() -> model.jumpTo(quiet));
        assertThat(rowFor(robot, "de", "NS")).contains("10 s of 10");
        robot.interact(() -> view.clockMicrosProperty().set(DELEGATION_STORED + 3_500_000));
        assertThat(rowFor(robot, "de", "NS")).contains("7 s of 10");
        assertThat(robot.lookup("#cache-time").queryAs(Labeled.class).getText()).isEqualTo("at t = 3.504 s");
        robot.interact(() -> view.clockMicrosProperty().set(NEGATIVE_STORED + 5_000_000));
        assertThat(rowFor(robot, "nosuch.de", "A")).contains("[cache-expired]", "expired", "0 s (expired)");
        robot.interact(() -> view.clockMicrosProperty().set(0));
        assertThat(rowFor(robot, "nosuch.de", "A")).doesNotContain("expired");

        robot.interact(() -> model.jumpTo(positionAfter(trace, LATE)));
        assertThat(rowFor(robot, "de", "NS")).contains("[cache-expired]", "cached \u00b7 expired");
        assertThat(rowFor(robot, "a.nic.de", "A")).contains("[cache-expired]");
        assertThat(rowFor(robot, ".", "NS")).doesNotContain("[cache-expired]");
        assertThat(robot.lookup("#cache-count").queryAs(Labeled.class).getText()).isEqualTo("3 live, 3 expired");
    }

    @Test
    void steppingBackRestoresWhatSteppingForwardShowed(FxRobot robot) {
        List<List<String>> forward = new ArrayList<>();
        List<List<CacheRow>> items = new ArrayList<>();
        for (int k = 0; k <= model.length(); k++) {
            forward.add(shownRows(robot));
            items.add(view.rows());
            assertThat(forward.get(k)).hasSize(items.get(k).size());
            if (k < model.length()) {
                robot.interact(model::stepForward);
            }
        }
        assertThat(new java.util.HashSet<>(forward).size()).isGreaterThan(3);
        for (int k = model.length(); k >= 0; k--) {
            assertThat(view.rows()).as("back at " + k).isEqualTo(items.get(k));
            assertThat(shownRows(robot)).as("back at " + k).isEqualTo(forward.get(k));
            if (k > 0) {
                robot.interact(model::stepBack);
            }
        }
    }

    @Test
    void anEmptyCacheSaysTheResolverMustAskTheRoot(FxRobot robot) throws Exception {
        robot.interact(() -> model.load(CacheTraces.emptyCache(), null));
        assertThat(shownRows(robot)).isEmpty();
        Labeled placeholder = robot.lookup(".cache-placeholder").queryAs(Labeled.class);
        assertThat(placeholder.getText()).isEqualTo("The cache is empty: the resolver has to ask the root");
        assertThat(placeholder.isVisible()).isTrue();
        robot.interact(() -> I18n.setLocale(I18n.GERMAN));
        assertThat(placeholder.getText()).startsWith("Der Cache ist leer");
        assertThat(view.table().getColumns().get(3).getText()).isEqualTo("Rest-TTL");
        assertThat(view.table().getColumns().get(5).getText()).isEqualTo("Herkunft");
        robot.interact(() -> I18n.setLocale(I18n.ENGLISH));

        // pictures for people to look at, every theme
        robot.interact(() -> model.load(trace, null));
        robot.interact(() -> model.jumpTo(positionAfter(trace, NEGATIVE_STORED)));
        Path out = Path.of("target", "cache-view");
        Files.createDirectories(out);
        for (Theme theme : Theme.values()) {
            robot.interact(() -> {
                Application.setUserAgentStylesheet(theme.userAgentStylesheet());
                scene.getStylesheets().setAll(theme.stylesheets());
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                try {
                    Snapshots.writePng(Snapshots.snapshot(view, 1, null), out.resolve("cache-" + theme.name()
                            .toLowerCase() + ".png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
