package org.resolvefx.ui.presenter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntFunction;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.common.Icons;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.trace.TraceViewModel;

/**
 * What the lecturer sees while the class sees the views: the step on show and the next one (their
 * narration), notes for the step, the time of day and the time since presenting began, step k of n,
 * whether the projector is blanked or the spotlight on, and the keys. Full size in the presenter window
 * on the laptop; {@link #compactProperty() compact} as a small card over the views when there is only
 * one screen. It only reads the cursor; stepping is the keys' business ({@link PresenterMode}).
 */
public final class PresenterView extends BorderPane {
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final TraceViewModel model;
    private final ObjectProperty<IntFunction<String>> notes = new SimpleObjectProperty<>(step -> "");
    private final BooleanProperty blanked = new SimpleBooleanProperty(false);
    private final BooleanProperty spotlight = new SimpleBooleanProperty(false);
    private final BooleanProperty compact = new SimpleBooleanProperty(false);
    private final ObjectProperty<Clock> clock = new SimpleObjectProperty<>(Clock.systemDefaultZone());
    private final ObjectProperty<Runnable> onStop = new SimpleObjectProperty<>(() -> { });
    private Instant startedAt;
    private Timeline ticker;

    private final Label step = new Label();
    private final Label blankChip = new Label();
    private final Label spotlightChip = new Label();
    private final Label timeOfDay = new Label();
    private final Label elapsed = new Label();
    private final Label nowTitle = new Label();
    private final Label now = new Label();
    private final Label nextTitle = new Label();
    private final Label next = new Label();
    private final Label notesTitle = new Label();
    private final Label notesText = new Label();
    private final Label keys = new Label();
    private final Button stop = new Button();
    private final VBox nowCard;
    private final VBox nextCard;
    private final VBox notesCard;
    private final HBox keyBar;
    private final HBox columns;

    public PresenterView(TraceViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        getStyleClass().add("presenter-view");
        setId("presenter-view");
        getStylesheets().add(Objects.requireNonNull(PresenterView.class.getResource(
                "/org/resolvefx/ui/presenter/presenter.css")).toExternalForm());

        step.getStyleClass().add("presenter-step");
        step.setId("presenter-step");
        step.setMinWidth(Region.USE_PREF_SIZE);
        blankChip.getStyleClass().addAll("presenter-chip", "presenter-chip-blank");
        blankChip.setId("presenter-blanked");
        blankChip.setGraphic(Icons.icon("mdi2m-monitor-off", blankChip.fontProperty(), 1.1));
        blankChip.visibleProperty().bind(blanked);
        blankChip.managedProperty().bind(blankChip.visibleProperty());
        blankChip.setMinWidth(Region.USE_PREF_SIZE);
        spotlightChip.getStyleClass().addAll("presenter-chip", "presenter-chip-spotlight");
        spotlightChip.setId("presenter-spotlight");
        spotlightChip.setGraphic(Icons.icon("mdi2f-flashlight", spotlightChip.fontProperty(), 1.1));
        spotlightChip.visibleProperty().bind(spotlight);
        spotlightChip.managedProperty().bind(spotlightChip.visibleProperty());
        spotlightChip.setMinWidth(Region.USE_PREF_SIZE);
        timeOfDay.getStyleClass().add("presenter-clock");
        timeOfDay.setId("presenter-clock");
        timeOfDay.setMinWidth(Region.USE_PREF_SIZE);
        timeOfDay.setGraphic(Icons.icon("mdi2c-clock-outline", timeOfDay.fontProperty(), 0.9));
        elapsed.getStyleClass().add("presenter-elapsed");
        elapsed.setId("presenter-elapsed");
        elapsed.setMinWidth(Region.USE_PREF_SIZE);
        elapsed.setGraphic(Icons.icon("mdi2t-timer-outline", elapsed.fontProperty(), 0.9));
        Tooltip elapsedTip = new Tooltip();
        elapsedTip.textProperty().bind(I18n.text("presenter.elapsedTip"));
        elapsed.setTooltip(elapsedTip);
        elapsed.setOnMouseClicked(e -> resetElapsed());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(step, blankChip, spotlightChip, spacer, timeOfDay, elapsed);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("presenter-top");
        setTop(top);

        nowCard = card(nowTitle, now, "presenter-now");
        nowCard.getStyleClass().add("presenter-card-now");
        nextCard = card(nextTitle, next, "presenter-next");
        notesCard = card(notesTitle, notesText, "presenter-notes");
        notesTitle.setGraphic(Icons.icon("mdi2n-note-text-outline", notesTitle.fontProperty(), 1.0));
        columns = new HBox(nowCard, nextCard);
        columns.getStyleClass().add("presenter-columns");
        HBox.setHgrow(nowCard, Priority.ALWAYS);
        HBox.setHgrow(nextCard, Priority.ALWAYS);
        nowCard.setPrefWidth(0);
        nextCard.setPrefWidth(0);
        VBox middle = new VBox(columns, notesCard);
        middle.getStyleClass().add("presenter-columns");
        VBox.setVgrow(notesCard, Priority.ALWAYS);
        setCenter(middle);

        keys.getStyleClass().add("presenter-key-legend");
        keys.setId("presenter-keys");
        keys.setWrapText(true);
        keys.setGraphic(Icons.icon("mdi2k-keyboard-outline", keys.fontProperty(), 1.1));
        stop.setId("presenter-stop");
        stop.setFocusTraversable(false);
        stop.setOnAction(e -> onStop.get().run());
        stop.managedProperty().bind(stop.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(keys, Priority.SOMETIMES);
        keyBar = new HBox(keys, gap, stop);
        keyBar.setAlignment(Pos.CENTER_LEFT);
        keyBar.getStyleClass().add("presenter-keys");
        setBottom(keyBar);

        model.stateProperty().addListener((obs, o, n) -> refresh());
        model.traceProperty().addListener((obs, o, n) -> refresh());
        notes.addListener((obs, o, n) -> refresh());
        blanked.addListener((obs, o, n) -> refresh());
        compact.addListener((obs, o, n) -> arrange());
        clock.addListener((obs, o, n) -> tick());
        I18n.onLocaleChange(this, this::refresh);
        arrange();
        resetElapsed();
    }

    private static VBox card(Label title, Label body, String bodyClass) {
        title.getStyleClass().add("presenter-card-title");
        body.getStyleClass().add(bodyClass);
        body.setWrapText(true);
        body.setMinHeight(Region.USE_PREF_SIZE);
        body.setMaxWidth(Double.MAX_VALUE);
        VBox v = new VBox(title, body);
        v.getStyleClass().add("presenter-card");
        v.setMinWidth(0);
        return v;
    }

    // ------------------------------------------------------------------ properties

    /** Notes per step: called with the cursor position (0 before the first step, k after step k). */
    public ObjectProperty<IntFunction<String>> notesProperty() {
        return notes;
    }

    /** Bind to the main window's blank screen; the view then says that the class sees black. */
    public BooleanProperty blankedProperty() {
        return blanked;
    }

    public BooleanProperty spotlightProperty() {
        return spotlight;
    }

    /** The small card for one screen: next step, notes, step and times only. */
    public BooleanProperty compactProperty() {
        return compact;
    }

    /** The clock for the time of day and the elapsed time (tests set a fixed one). */
    public ObjectProperty<Clock> clockProperty() {
        return clock;
    }

    /** What "Stop presenting" does. */
    public ObjectProperty<Runnable> onStopProperty() {
        return onStop;
    }

    /** Restarts the elapsed time from now (click on it). */
    public void resetElapsed() {
        startedAt = clock.get().instant();
        tick();
    }

    /** Updates the time of day and the elapsed time every second while shown. */
    public void startClock() {
        stopClock();
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        tick();
    }

    public void stopClock() {
        if (ticker != null) {
            ticker.stop();
            ticker = null;
        }
    }

    /** Reads the clock once. */
    public void tick() {
        Instant t = clock.get().instant();
        timeOfDay.setText(LocalTime.ofInstant(t, clock.get().getZone()).format(TIME_OF_DAY));
        elapsed.setText(elapsedText(Duration.between(startedAt, t)));
    }

    /** "4:05" under an hour, "1:04:05" above; negative durations (a clock set back) count as zero. */
    static String elapsedText(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    // ------------------------------------------------------------------ what is shown (also for tests)

    public String stepText() {
        return step.getText();
    }

    public String nowText() {
        return now.getText();
    }

    public String nextText() {
        return next.getText();
    }

    public String notesText() {
        return notesText.getText();
    }

    public String timeOfDayText() {
        return timeOfDay.getText();
    }

    public String elapsedText() {
        return elapsed.getText();
    }

    // ------------------------------------------------------------------ drawing

    private void arrange() {
        boolean small = compact.get();
        getStyleClass().remove("presenter-compact");
        if (small) {
            getStyleClass().add("presenter-compact");
            columns.getChildren().setAll(nextCard);
            setMaxWidth(Region.USE_PREF_SIZE);
            setMaxHeight(Region.USE_PREF_SIZE);
        } else {
            columns.getChildren().setAll(nowCard, nextCard);
            setMaxWidth(Double.MAX_VALUE);
            setMaxHeight(Double.MAX_VALUE);
        }
        stop.setVisible(!small);
        refresh();
    }

    private void refresh() {
        Locale l = I18n.locale();
        PlaybackState s = model.state();
        Trace t = model.trace();
        stop.setText(I18n.get("presenter.stop"));
        notesTitle.setText(I18n.get("presenter.notes"));
        blankChip.setText(I18n.get("presenter.blanked"));
        spotlightChip.setText(I18n.get("presenter.spotlight"));
        keys.setText(I18n.get(compact.get() ? "presenter.keysCompact" : "presenter.keys"));
        if (s == null || t == null) {
            step.setText(I18n.get("presenter.noTrace"));
            nowTitle.setText("");
            now.setText("");
            nextTitle.setText("");
            next.setText("");
            setNotes("");
            return;
        }
        int k = s.position();
        int n = s.eventCount();
        step.setText(k == 0 ? I18n.get("presenter.start", n) : I18n.get("presenter.step", k, n));
        nowTitle.setText(k == 0 ? I18n.get("presenter.nowStart") : I18n.get("presenter.now", k));
        now.setText(blanked.get() ? I18n.get("presenter.blankedNow") + "\n\n" + s.narration().text(l)
                : s.narration().text(l));
        nowCard.getStyleClass().remove("presenter-card-blanked");
        if (blanked.get()) {
            nowCard.getStyleClass().add("presenter-card-blanked");
        }
        List<org.resolvefx.core.trace.TraceEvent> events = t.events();
        if (k < events.size()) {
            nextTitle.setText(I18n.get("presenter.next", k + 1));
            next.setText(events.get(k).narration().text(l));
        } else {
            nextTitle.setText(I18n.get("presenter.nextEndTitle"));
            next.setText(I18n.get("presenter.nextEnd"));
        }
        String text;
        try {
            text = notes.get() == null ? "" : notes.get().apply(k);
        } catch (RuntimeException e) {
            // a lesson's notes must never break the lecture
            text = "";
        }
        setNotes(text == null ? "" : text);
    }

    private void setNotes(String text) {
        notesText.getStyleClass().remove("presenter-notes-empty");
        if (text.isBlank()) {
            notesText.setText(I18n.get("presenter.noNotes"));
            notesText.getStyleClass().add("presenter-notes-empty");
        } else {
            notesText.setText(text.strip());
        }
    }

    /** Whether the view shows that the projector is blanked. */
    public boolean showsBlanked() {
        return blankChip.isVisible();
    }
}
