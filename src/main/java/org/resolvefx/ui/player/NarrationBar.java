package org.resolvefx.ui.player;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.trace.Narration;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.trace.TraceViewModel;

/**
 * One sentence per step for students, under the views, in the interface language. Lecturers who
 * speak themselves switch it off (View menu, or N).
 */
public final class NarrationBar extends HBox {
    private final TraceViewModel model;
    private final Label step = new Label();
    private final Label text = new Label();
    private final ObjectProperty<Narration> intro = new SimpleObjectProperty<>();

    public NarrationBar(TraceViewModel model) {
        this.model = model;
        getStyleClass().add("narration-bar");
        setId("narration");
        getStylesheets().add(NarrationBar.class.getResource("/org/resolvefx/ui/player/player.css").toExternalForm());
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        step.getStyleClass().add("narration-step");
        // as wide as its longest text for the trace: stepping must not move the sentence beside it
        StableWidth.keep(step, () -> {
            int n = model.length();
            return java.util.List.of(I18n.get("narration.start"), I18n.get("narration.step", n, n));
        }, model.playbackProperty(), I18n.localeProperty());
        text.getStyleClass().add("narration-text");
        text.setId("narration-text");
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        getChildren().addAll(step, text);
        model.stateProperty().addListener((obs, o, n) -> refresh());
        I18n.onLocaleChange(this, this::refresh);
        intro.addListener((obs, o, n) -> refresh());
        managedProperty().bind(visibleProperty());
        refresh();
    }

    /**
     * What to say before step 1 instead of the generated introduction (a lesson's own introduction);
     * null for the generated one.
     */
    public ObjectProperty<Narration> introProperty() {
        return intro;
    }

    /** The sentence shown now (for tests and exports). */
    public String text() {
        return text.getText();
    }

    private void refresh() {
        PlaybackState s = model.state();
        if (s == null) {
            step.setText("");
            text.setText("");
            return;
        }
        step.setText(s.position() == 0 ? I18n.get("narration.start")
                : I18n.get("narration.step", s.position(), s.eventCount()));
        Narration said = s.position() == 0 && intro.get() != null ? intro.get() : s.narration();
        text.setText(said.text(I18n.locale()));
    }
}
