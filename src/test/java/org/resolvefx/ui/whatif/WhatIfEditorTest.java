package org.resolvefx.ui.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.ui.app.Theme;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.predict.ClassroomTestKit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** What-if editing of the default world: checked as you type, applied, compared, reset. */
@ExtendWith(ApplicationExtension.class)
class WhatIfEditorTest {
    private static final SandboxWorld WORLD = ClassroomTestKit.defaultWorld();
    private static final Name TUD = Name.fromConstantString("tu-darmstadt.de.");
    private final List<SandboxWorld> applied = new ArrayList<>();
    private WhatIfEditor editor;
    private Scene scene;

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        editor = new WhatIfEditor(WORLD);
        editor.onApplyProperty().set(applied::add);
        scene = ClassroomTestKit.scene(editor, 1200, 760, Theme.LIGHT);
        ClassroomTestKit.show(stage, scene);
        editor.selectZoneFor(Name.fromConstantString("www.tu-darmstadt.de."));
    }

    @AfterEach
    void english() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> I18n.setLocale(Locale.ENGLISH)).get();
    }

    private static Trace resolve(SandboxWorld w, String name) {
        return ClassroomTestKit.sandbox(w).resolve(Question.of(name, Type.A), ResolutionMode.RECURSIVE);
    }

    private static TraceEvent end(Trace t) {
        return t.outcome().orElseThrow();
    }

    private String text() {
        return editor.editor().textArea().getText();
    }

    private boolean applyDisabled(FxRobot robot) {
        return robot.lookup("#whatif-apply").queryAs(Button.class).isDisabled();
    }

    @Test
    void showsTheZoneItsFileAndWhoServesIt() {
        assertThat(editor.zone()).isEqualTo(TUD);
        assertThat(text()).isEqualTo(WORLD.zone(TUD).orElseThrow().masterText());
        assertThat(editor.servedByText()).contains("ns1.hrz.tu-darmstadt.de (127.0.3.1)")
                .contains("ns2.hrz.tu-darmstadt.de (127.0.3.2").contains("delegated from de.");
        assertThat(editor.statusText()).startsWith("Valid zone: ");
        assertThat(editor.canApply()).isFalse();
    }

    @Test
    void typingAMistakeShowsLineAndColumnMarksTheLineAndDisablesApply(FxRobot robot) {
        int lines = text().split("\n", -1).length;
        robot.clickOn("#whatif-text");
        robot.interact(() -> editor.editor().textArea().end());
        robot.write("www2 IN AA 127.0.3.9");
        assertThat(editor.problem()).isPresent();
        ZoneProblem p = editor.problem().get();
        assertThat(p.line()).isEqualTo(lines);
        assertThat(p.column()).isEqualTo(9);
        assertThat(editor.statusText()).isEqualTo("Line " + lines + ", column 9: syntax error: Invalid type 'AA'");
        assertThat(applyDisabled(robot)).isTrue();
        assertThat(robot.lookup("#whatif-goto").query().isVisible()).isTrue();

        // the gutter marks the line's number, and the band lies on that line
        WaitForAsyncUtils.waitForFxEvents();
        Label marked = editor.editor().visibleNumbers().stream()
                .filter(l -> l.getStyleClass().contains("zone-line-number-problem")).findFirst().orElseThrow();
        assertThat(marked.getText()).isEqualTo("! " + lines);
        Bounds band = editor.editor().problemBandBounds();
        assertThat(band).isNotNull();
        Bounds number = marked.localToScene(marked.getBoundsInLocal());
        assertThat(band.getCenterY()).isCloseTo(number.getCenterY(), org.assertj.core.data.Offset.offset(3.0));
        robot.interact(() -> ClassroomTestKit.render(editor, "whatif-problem-light"));

        // Go to puts the caret on the mistake
        robot.clickOn("#whatif-goto");
        int caret = editor.editor().textArea().getCaretPosition();
        assertThat(text().substring(caret)).startsWith("AA 127.0.3.9");

        // mending it as you type makes it valid and Apply possible
        robot.interact(() -> editor.editor().textArea().end());
        for (int i = 0; i < "AA 127.0.3.9".length(); i++) {
            robot.type(KeyCode.BACK_SPACE);
        }
        robot.write("A 127.0.3.9");
        assertThat(editor.problem()).isEmpty();
        assertThat(editor.statusText()).startsWith("Valid zone: ").contains("Apply it");
        assertThat(applyDisabled(robot)).isFalse();
        assertThat(editor.editor().problemBandBounds()).isNull();

        // German, while a problem is shown
        robot.write(" x");
        robot.interact(() -> I18n.setLocale(Locale.GERMAN));
        assertThat(editor.statusText()).startsWith("Zeile " + lines + ", Spalte ");
        // the fixed texts follow too: a button, a form's label and its field's prompt
        java.util.ResourceBundle de = I18n.bundle(Locale.GERMAN);
        assertThat(robot.lookup("#whatif-apply").queryAs(javafx.scene.control.Labeled.class).getText())
                .isEqualTo(de.getString("whatif.apply"));
        assertThat(robot.lookup("#whatif-add-owner-label").queryAs(javafx.scene.control.Labeled.class).getText())
                .isEqualTo(de.getString("whatif.add.owner"));
        assertThat(robot.lookup("#whatif-delegate-child").queryAs(javafx.scene.control.TextField.class)
                .getPromptText()).isEqualTo(de.getString("whatif.delegate.childPrompt"));
    }

    @Test
    void applyingAChangedAddressResolvesDifferentlyAndResetRestores(FxRobot robot) {
        String changed = text().replace("www     IN A    127.0.3.80", "www     IN A    127.0.3.99");
        robot.interact(() -> editor.editor().textArea().setText(changed));
        assertThat(editor.canApply()).isTrue();
        robot.clickOn("#whatif-apply");
        assertThat(applied).hasSize(1);
        SandboxWorld after = applied.get(0);
        assertThat(editor.world()).isSameAs(after);
        assertThat(after.zone(TUD).orElseThrow().masterText()).isEqualTo(changed);
        assertThat(editor.canApply()).isFalse();

        Trace before = resolve(WORLD, "www.tu-darmstadt.de");
        Trace now = resolve(after, "www.tu-darmstadt.de");
        assertThat(((TraceEvent.Answer) end(before)).records()).anyMatch(r -> r.endsWith("127.0.3.80"));
        assertThat(((TraceEvent.Answer) end(now)).records()).anyMatch(r -> r.endsWith("127.0.3.99"));
        robot.interact(() -> editor.showComparison(before, now));
        assertThat(editor.comparisonText()).isEqualTo("What changed: Answer changed: A 127.0.3.80 \u2192 A 127.0.3.99"
                + " \u00b7 same servers asked (3) \u00b7 messages: 8 \u2192 8");
        robot.interact(() -> ClassroomTestKit.render(editor, "whatif-applied-light"));

        robot.clickOn("#whatif-reset");
        assertThat(applied).hasSize(2);
        assertThat(applied.get(1)).isSameAs(WORLD);
        assertThat(editor.world()).isSameAs(WORLD);
        assertThat(text()).isEqualTo(WORLD.zone(TUD).orElseThrow().masterText());
        assertThat(((TraceEvent.Answer) end(resolve(editor.world(), "www.tu-darmstadt.de"))).records())
                .anyMatch(r -> r.endsWith("127.0.3.80"));
    }

    @Test
    void delegatingASubdomainWithTheFormChangesTheLookup(FxRobot robot) {
        robot.clickOn("#whatif-delegate-pane");
        robot.clickOn("#whatif-delegate");
        assertThat(robot.lookup("#whatif-delegate-message").queryAs(Label.class).getText())
                .isEqualTo("Fill in Subdomain first.");
        robot.clickOn("#whatif-delegate-child").write("p2p");
        robot.clickOn("#whatif-delegate-ns").write("ns.informatik.tu-darmstadt.de.");
        robot.clickOn("#whatif-delegate");
        assertThat(text()).endsWith("p2p\tIN\tNS\tns.informatik.tu-darmstadt.de.\n");
        assertThat(editor.problem()).isEmpty();
        robot.interact(() -> ClassroomTestKit.render(editor, "whatif-delegate-light"));
        robot.clickOn("#whatif-text");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        assertThat(applied).hasSize(1);

        // www.p2p now lies below a cut served by a server that does not serve it: the lookup fails
        Trace before = resolve(WORLD, "www.p2p.tu-darmstadt.de");
        Trace after = resolve(applied.get(0), "www.p2p.tu-darmstadt.de");
        assertThat(end(before)).isInstanceOf(TraceEvent.Answer.class);
        assertThat(end(after)).isInstanceOf(TraceEvent.Failure.class);
        robot.interact(() -> editor.showComparison(before, after));
        assertThat(editor.comparisonText()).startsWith("What changed: Answer changed: A 127.0.31.10 \u2192 no answer");
    }

    @Test
    void addRecordFormWritesAMasterFileLineAndGlueMustBeInTheZone(FxRobot robot) {
        robot.clickOn("#whatif-add-owner").write("www2");
        robot.clickOn("#whatif-add-ttl").write("600");
        robot.clickOn("#whatif-add-data").write("127.0.3.81");
        robot.clickOn("#whatif-add");
        assertThat(text()).endsWith("www2\t600\tIN\tA\t127.0.3.81\n");
        assertThat(editor.problem()).isEmpty();
        boolean[] ok = new boolean[1];
        robot.interact(() -> ok[0] = editor.apply());
        assertThat(ok[0]).isTrue();
        Trace t = resolve(applied.get(0), "www2.tu-darmstadt.de");
        assertThat(((TraceEvent.Answer) end(t)).records()).containsExactly("www2.tu-darmstadt.de. 600 IN A 127.0.3.81");

        // a delegation to a server outside the zone with glue: the glue line is refused, with its line
        robot.interact(() -> editor.addDelegationLines("lab", "ns1.example.org.", "127.0.3.50"));
        assertThat(editor.problem()).isPresent();
        assertThat(editor.statusText()).contains("ns1.example.org. is outside the zone tu-darmstadt.de.");
        assertThat(editor.problem().get().line()).isEqualTo(text().split("\n", -1).length - 1);
        robot.interact(() -> ok[0] = editor.apply());
        assertThat(ok[0]).isFalse();

        // switching zones keeps the draft; discarding drops it
        robot.interact(() -> editor.selectZone(Name.fromConstantString("de.")));
        assertThat(editor.servedByText()).contains("a.nic.de (127.0.2.1)");
        robot.interact(() -> editor.selectZone(TUD));
        assertThat(text()).contains("ns1.example.org.");
        robot.clickOn("#whatif-discard");
        assertThat(text()).isEqualTo(applied.get(0).zone(TUD).orElseThrow().masterText());
        assertThat(editor.problem()).isEmpty();
    }

    @Test
    void looksRightInEveryTheme(FxRobot robot) {
        robot.interact(() -> editor.editor().textArea().setText(text() + "www2 IN AA 127.0.3.9\n"));
        for (Theme t : Theme.values()) {
            robot.interact(() -> {
                ClassroomTestKit.theme(scene, t);
                ClassroomTestKit.render(editor, "whatif-" + t.name().toLowerCase(Locale.ROOT));
            });
            Label status = robot.lookup("#whatif-status").queryAs(Label.class);
            assertThat(status.getHeight()).isGreaterThanOrEqualTo(status.prefHeight(status.getWidth()) - 0.5);
        }
        robot.interact(() -> ClassroomTestKit.theme(scene, Theme.LIGHT));
    }
}
