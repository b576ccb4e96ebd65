package org.resolvefx.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceSource;
import org.resolvefx.ui.namespace.ZoneMark;
import org.resolvefx.ui.trace.TraceViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xbill.DNS.Name;

/** The classroom views in the real window, headless: stepping, keys, live resolution, export, themes. */
@ExtendWith(ApplicationExtension.class)
class LookupWorkspaceTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        AppSettings settings = new AppSettings(Preferences.userRoot().node("resolvefx-test/lookup-workspace"));
        settings.clear();
        window = new MainWindow(stage, settings);
        window.show();
    }

    private TraceViewModel model() {
        return window.lookupWorkspace().model();
    }

    private PlaybackState state() {
        return model().state();
    }

    private static Name name(String n) {
        return Name.fromConstantString(n);
    }

    /** What the views show, as text: the arrows drawn, the tree's marks, the cache, the inspector, the narration. */
    private String picture(FxRobot robot) {
        List<String> arrows = new ArrayList<>();
        // the message-flow figure's arrows (the sequence diagram in the other tab recycles its rows)
        for (Node n : robot.from(window.lookupWorkspace().flow()).lookup(".flow-arrow").queryAll()) {
            arrows.add(n.getId() + n.getStyleClass());
        }
        arrows.sort(String::compareTo);
        TraceWorkspace w = window.lookupWorkspace();
        return "position " + model().position() + "\narrows " + arrows + "\ntree " + w.tree().highlights().describe()
                + "\ncache " + w.cache().rows() + "\ninspector "
                + (w.inspector().primary().model().message() == null ? "-"
                : w.inspector().primary().model().message().caption())
                + "\nnarration " + w.narration().text();
    }

    @Test
    void theLecturesLookupIsReadyToPlay() {
        assertThat(window.showsLookup()).isTrue();
        Trace t = model().trace();
        assertThat(t.question().name()).isEqualTo(name("www.p2p.tu-darmstadt.de."));
        assertThat(t.mode()).isEqualTo(ResolutionMode.RECURSIVE);
        assertThat(t.source()).isEqualTo(TraceSource.SANDBOX);
        assertThat(model().position()).isZero();
        assertThat(window.lookupWorkspace().narration().text()).contains("www.p2p.tu-darmstadt.de");
        assertThat(window.rows()).hasSize(t.messages().size());
    }

    @Test
    void steppingDrawsNumberedArrowsAndLightsThePathZoneByZone(FxRobot robot) {
        // step until three messages are on screen: three numbered arrows, no fourth
        while (state().arrows().size() < 3) {
            robot.type(KeyCode.PAGE_DOWN);
        }
        assertThat(robot.lookup("#arrow-1").tryQuery()).isPresent();
        assertThat(robot.lookup("#arrow-3").tryQuery()).isPresent();
        assertThat(robot.lookup("#arrow-4").tryQuery()).isEmpty();
        assertThat(robot.lookup("#arrow-3").query().getStyleClass()).contains("current");
        // the client's query is recursive, the resolver's walk iterative
        assertThat(robot.lookup("#arrow-1").query().getStyleClass()).contains("recursive");
        assertThat(robot.lookup("#arrow-2").query().getStyleClass()).contains("iterative");
        // the root answered with a referral: the root zone is lit and marked as referring
        assertThat(window.lookupWorkspace().tree().highlights().zones().get(Name.root)).contains(ZoneMark.TOUCHED);

        // on to the de server's referral: de is lit, tu-darmstadt.de next
        while (!state().namespaceFocus().touched(name("de."))) {
            robot.type(KeyCode.RIGHT);
        }
        assertThat(window.lookupWorkspace().tree().highlights().zones().get(name("de."))).contains(ZoneMark.TOUCHED);
        assertThat(window.lookupWorkspace().tree().highlights().zones()).doesNotContainKey(
                name("informatik.tu-darmstadt.de."));
        // the inspector shows the message of the current step
        assertThat(window.lookupWorkspace().inspector().primary().model().message().caption())
                .startsWith("Message " + state().arrows().size() + " ");

        // to the end: the path down to informatik.tu-darmstadt.de is lit, the answer is in
        robot.type(KeyCode.END);
        assertThat(state().isFinished()).isTrue();
        assertThat(window.lookupWorkspace().tree().highlights().zones())
                .containsKeys(Name.root, name("de."), name("tu-darmstadt.de."), name("informatik.tu-darmstadt.de."));
        assertThat(robot.lookup("#arrow-" + state().arrows().size()).tryQuery()).isPresent();
    }

    @Test
    void viewsLeftOutOfTheLectureLayoutShowTheCursorWhenTheyComeBack(FxRobot robot) {
        // what the inspector and the cache show at the end, with every view on screen all along
        robot.interact(model()::toEnd);
        List<Object> cacheAtEnd = List.copyOf(shownCache(robot).getItems());
        String captionAtEnd = shownInspector(robot).primary().model().message().caption();
        assertThat(cacheAtEnd).isNotEmpty();
        // back to the start, then to the end again while the lecture layout leaves both views out
        robot.interact(model()::toStart);
        robot.interact(() -> window.setLayout(TraceWorkspace.Layout.LECTURE));
        assertThat(robot.from(window.lookupWorkspace()).lookup("#cache-table").tryQuery()).isEmpty();
        robot.interact(model()::toEnd);
        robot.interact(() -> window.setLayout(TraceWorkspace.Layout.ALL));
        // shown again (read from the scene, not through the workspace's accessors): both show the end
        assertThat(List.<Object>copyOf(shownCache(robot).getItems())).containsExactlyElementsOf(cacheAtEnd);
        assertThat(shownInspector(robot).primary().model().message().caption()).isEqualTo(captionAtEnd);
    }

    private javafx.scene.control.TableView<?> shownCache(FxRobot robot) {
        return robot.from(window.lookupWorkspace()).lookup("#cache-table").queryAs(javafx.scene.control.TableView.class);
    }

    private org.resolvefx.ui.inspector.InspectorView shownInspector(FxRobot robot) {
        return robot.from(window.lookupWorkspace()).lookup("#inspector")
                .queryAs(org.resolvefx.ui.inspector.InspectorView.class);
    }

    @Test
    void steppingBackRestoresExactlyWhatWasShown(FxRobot robot) {
        for (int i = 0; i < 6; i++) {
            robot.type(KeyCode.PAGE_DOWN);
        }
        String atSix = picture(robot);
        robot.type(KeyCode.PAGE_DOWN).type(KeyCode.PAGE_DOWN).type(KeyCode.PAGE_DOWN);
        assertThat(picture(robot)).isNotEqualTo(atSix);
        robot.type(KeyCode.PAGE_UP).type(KeyCode.PAGE_UP).type(KeyCode.PAGE_UP);
        assertThat(picture(robot)).isEqualTo(atSix);
        // a jump there gives the same picture too
        robot.type(KeyCode.HOME);
        robot.interact(() -> model().jumpTo(6));
        assertThat(picture(robot)).isEqualTo(atSix);
    }

    @Test
    void presenterKeysPlayBlankAndHelp(FxRobot robot) throws Exception {
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(model().position()).isEqualTo(1);
        robot.type(KeyCode.PAGE_UP);
        assertThat(model().position()).isZero();
        robot.interact(() -> model().speedProperty().set(4));
        robot.type(KeyCode.SPACE);
        assertThat(window.lookupWorkspace().player().isPlaying()).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model().position() >= 2);
        robot.type(KeyCode.SPACE);
        assertThat(window.lookupWorkspace().player().isPlaying()).isFalse();

        robot.type(KeyCode.B);
        assertThat(window.isBlanked()).isTrue();
        int before = model().position();
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(model().position()).as("a blank screen swallows the keys").isEqualTo(before);
        robot.type(KeyCode.B);
        assertThat(window.isBlanked()).isFalse();

        robot.type(KeyCode.F1);
        assertThat(window.showsShortcuts()).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(window.showsShortcuts()).isFalse();
        robot.write('?');
        assertThat(window.showsShortcuts()).isTrue();
        robot.type(KeyCode.ESCAPE);

        robot.type(KeyCode.N);
        assertThat(window.lookupWorkspace().narration().isVisible()).isFalse();
        robot.type(KeyCode.N);
        assertThat(window.lookupWorkspace().narration().isVisible()).isTrue();
    }

    @Test
    void resolvingTwiceShowsTheSecondAnswerComingFromTheCache(FxRobot robot) throws Exception {
        robot.doubleClickOn("#resolve-name").write("www.tu-darmstadt.de");
        robot.clickOn("#resolve-iterative").clickOn("#resolve-recursive");
        robot.clickOn("#resolve-go");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window.resolveBar().runningProperty().get()
                && model().trace().question().name().equals(name("www.tu-darmstadt.de.")));
        WaitForAsyncUtils.waitForFxEvents();
        Trace first = model().trace();
        assertThat(first.outcome()).get().isInstanceOf(TraceEvent.Answer.class);
        assertThat(first.messages().size()).isGreaterThan(2);
        assertThat(window.lookups()).contains(first);
        robot.interact(() -> window.lookupWorkspace().player().pause());

        robot.clickOn("#resolve-go");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window.resolveBar().runningProperty().get()
                && model().trace() != first);
        WaitForAsyncUtils.waitForFxEvents();
        Trace second = model().trace();
        assertThat(second.messages()).as("the stub's query and the answer from the cache").hasSize(2);
        assertThat(second.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(TraceEvent.CacheLookup.class,
                c -> assertThat(c.outcome()).isEqualTo(TraceEvent.CacheOutcome.HIT)));
        assertThat(second.initialCache()).isNotEmpty();
        robot.interact(() -> window.lookupWorkspace().player().pause());
    }

    @Test
    void aNameThatIsNotANameKeepsResolveOff(FxRobot robot) {
        robot.doubleClickOn("#resolve-name").eraseText(40).write("www..example");
        assertThat(robot.lookup("#resolve-go").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#resolve-problem").queryLabeled().getText()).contains("www..example");
    }

    @Test
    void everyStepExportsAsPicturesOfTheRequestedSize(FxRobot robot, @TempDir Path dir) throws Exception {
        int[] written = new int[1];
        robot.interact(() -> {
            try {
                written[0] = new StepExport(window, ExportView.FLOW, 2).write(dir, 0, 3);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(written[0]).isEqualTo(4);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("step-000.png", "step-001.png", "step-002.png", "step-003.png");
        Node flow = window.lookupWorkspace().exportNode(ExportView.FLOW);
        BufferedImage img = ImageIO.read(dir.resolve("step-003.png").toFile());
        assertThat(img.getWidth()).isEqualTo((int) Math.round(2 * flow.getBoundsInParent().getWidth()));
        assertThat(distinctColours(img)).as("not blank").isGreaterThan(20);
        // the cursor is back where it was
        assertThat(model().position()).isZero();

        robot.interact(() -> {
            try {
                new StepExport(window, ExportView.WINDOW, 1).write(dir.resolve("window"), 2, 2);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        BufferedImage win = ImageIO.read(dir.resolve("window/step-002.png").toFile());
        assertThat(win.getWidth()).isEqualTo((int) Math.round(window.scene().getWidth()));
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    @Test
    void themesSwitchAtAnyTime(FxRobot robot) {
        robot.interact(() -> window.setTheme(Theme.DARK));
        assertThat(window.scene().getStylesheets()).anyMatch(s -> s.endsWith("dark.css"));
        assertThat(window.scene().getRoot().getStyleClass()).contains("theme-dark");
        double normal = robot.lookup("#player-position").queryLabeled().getFont().getSize();
        robot.interact(() -> window.setTheme(Theme.PROJECTOR));
        assertThat(window.scene().getRoot().getStyleClass()).contains("theme-projector").doesNotContain("theme-dark");
        assertThat(robot.lookup("#player-position").queryLabeled().getFont().getSize()).isGreaterThan(normal * 1.3);
        robot.interact(() -> window.setTheme(Theme.LIGHT));
    }
}
