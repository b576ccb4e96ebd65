package org.resolvefx.ui.player;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.ui.common.Icons;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.trace.TraceViewModel;

/**
 * Play, pause, step, jump and speed for the open trace. Playing steps forward on a timer whose
 * pace follows the speed (0.25x to 4x); messages get more time than bookkeeping steps, so a
 * packet can travel its arrow before the next step.
 */
public final class PlayerBar extends HBox {
    /** Base time a message step stays on screen at 1x: the packet animation plus time to read. */
    static final double MESSAGE_STEP_SECONDS = 1.6;
    static final double OTHER_STEP_SECONDS = 0.9;
    public static final double[] SPEEDS = {0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4};

    private final TraceViewModel model;
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    /** Declared before the buttons: their icons take their size from its font. */
    private final Label position = new Label();
    private final Button first = button("mdi2s-skip-previous", "player.first", "player-first");
    private final Button back = button("mdi2s-step-backward", "player.back", "player-back");
    private final Button play = button("mdi2p-play", "player.play", "player-play");
    private final Button forward = button("mdi2s-step-forward", "player.forward", "player-forward");
    private final Button last = button("mdi2s-skip-next", "player.last", "player-last");
    private final ComboBox<Double> speed = new ComboBox<>();
    private final Scrubber scrubber;
    private Timeline timer;
    /** The trace clock the views show: the cursor's event time, running on towards the next while playing. */
    private final javafx.beans.property.LongProperty clockMicros = new javafx.beans.property.SimpleLongProperty();
    private Timeline clockRun;
    /** Whether the play button shows "pause" now (null before the first refresh). */
    private Boolean shownPlaying;

    public PlayerBar(TraceViewModel model) {
        this.model = model;
        this.scrubber = new Scrubber(model);
        getStyleClass().add("player-bar");
        setId("player");
        getStylesheets().add(PlayerBar.class.getResource("/org/resolvefx/ui/player/player.css").toExternalForm());
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);

        first.setOnAction(e -> {
            pause();
            model.toStart();
        });
        back.setOnAction(e -> {
            pause();
            model.stepBack();
        });
        play.setOnAction(e -> togglePlay());
        forward.setOnAction(e -> {
            pause();
            model.requestStepForward();
        });
        last.setOnAction(e -> {
            pause();
            model.toEnd();
        });

        speed.getItems().setAll(java.util.Arrays.stream(SPEEDS).boxed().toList());
        speed.setValue(1.0);
        speed.setId("player-speed");
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : (v == Math.rint(v) ? String.format("%.0f\u00d7", v)
                        : String.format(java.util.Locale.ROOT, "%s\u00d7", v));
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("\u00d7", ""));
            }
        });
        speed.valueProperty().addListener((obs, o, n) -> model.speedProperty().set(n == null ? 1 : n));
        model.speedProperty().addListener((obs, o, n) -> speed.setValue(n.doubleValue()));
        Tooltip speedTip = new Tooltip();
        speedTip.textProperty().bind(I18n.text("player.speed"));
        speed.setTooltip(speedTip);
        speed.setFocusTraversable(false);
        speed.setMinWidth(USE_PREF_SIZE);

        position.getStyleClass().add("player-position");
        position.setId("player-position");
        // as wide as its longest text for this trace, so that stepping does not resize the bar (and with it
        // the scrubber, whose ticks would be drawn again): only the text is repainted
        StableWidth.keep(position, this::widestPositions, model.playbackProperty(), I18n.localeProperty());
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        getChildren().addAll(first, back, play, forward, last, scrubber, position, speed);

        model.stateProperty().addListener((obs, o, n) -> {
            stopClock();
            clockMicros.set(n == null ? 0 : n.clockMicros());
            refresh();
        });
        model.playbackProperty().addListener((obs, o, n) -> refresh());
        playing.addListener((obs, o, n) -> refresh());
        I18n.onLocaleChange(this, this::refresh);
        refresh();
    }

    private Button button(String icon, String tooltipKey, String id) {
        FontIcon fi = Icons.icon(icon, position.fontProperty(), id.equals("player-play") ? 2.1 : 1.6);
        fi.getStyleClass().add("player-icon");
        Button b = new Button(null, fi);
        b.getStyleClass().addAll("player-button", "flat");
        b.setId(id);
        b.setFocusTraversable(false);
        Tooltip t = new Tooltip();
        t.textProperty().bind(I18n.text(tooltipKey));
        b.setTooltip(t);
        return b;
    }

    /** The longest texts the position label can show for the open trace (its numbers at their widest). */
    private java.util.List<String> widestPositions() {
        if (!model.hasTrace()) {
            return java.util.List.of("");
        }
        int n = model.length();
        int arrows = model.playback().last().arrows().size();
        return java.util.List.of(I18n.get("player.position", n, n, arrows));
    }

    /** Trace-clock time in microseconds for views that count down (the cache's TTLs). */
    public javafx.beans.property.ReadOnlyLongProperty clockMicrosProperty() {
        return clockMicros;
    }

    private void stopClock() {
        if (clockRun != null) {
            clockRun.stop();
            clockRun = null;
        }
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public boolean isPlaying() {
        return playing.get();
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        if (!model.hasTrace()) {
            return;
        }
        if (!model.canStepForward()) {
            model.toStart();
        }
        playing.set(true);
        scheduleNext();
    }

    public void pause() {
        playing.set(false);
        stopClock();
        if (timer != null) {
            timer.stop();
            timer = null;
        }
    }

    /** Shows the next step after the current one has had its time on screen. */
    private void scheduleNext() {
        if (timer != null) {
            timer.stop();
        }
        PlaybackState s = model.state();
        boolean message = s != null && s.isMessageStep();
        double seconds = (message ? MESSAGE_STEP_SECONDS : OTHER_STEP_SECONDS) / model.speedProperty().get();
        if (s != null && s.position() == 0) {
            seconds = OTHER_STEP_SECONDS / model.speedProperty().get();
        }
        if (s != null && model.canStepForward()) {
            // let the trace clock run from this event's time to the next one's while the step is shown
            long next = model.playback().clockAt(s.position() + 1);
            clockRun = new Timeline(
                    new KeyFrame(Duration.ZERO, new javafx.animation.KeyValue(clockMicros, s.clockMicros())),
                    new KeyFrame(Duration.seconds(seconds), new javafx.animation.KeyValue(clockMicros, next,
                            javafx.animation.Interpolator.LINEAR)));
            clockRun.play();
        }
        timer = new Timeline(new KeyFrame(Duration.seconds(seconds), e -> {
            if (!playing.get()) {
                return;
            }
            if (model.canStepForward()) {
                if (!model.requestStepForward()) {
                    // held (predict mode asks first): stop playing until someone steps on
                    pause();
                    return;
                }
                if (model.canStepForward()) {
                    scheduleNext();
                } else {
                    pause();
                }
            } else {
                pause();
            }
        }));
        timer.play();
    }

    private void refresh() {
        // a step changes the position text only: every other part is touched only when it changes, because
        // a style class or icon set again, even to the same value, restyles the whole bar and resizes it
        boolean has = model.hasTrace();
        setDisable(first, !has || !model.canStepBack());
        setDisable(back, !has || !model.canStepBack());
        setDisable(forward, !has || !model.canStepForward());
        setDisable(last, !has || !model.canStepForward());
        setDisable(play, !has);
        boolean isPlaying = playing.get();
        if (shownPlaying == null || shownPlaying != isPlaying) {
            shownPlaying = isPlaying;
            ((FontIcon) play.getGraphic()).setIconLiteral(isPlaying ? "mdi2p-pause" : "mdi2p-play");
            play.getTooltip().textProperty().unbind();
            play.getTooltip().textProperty().bind(I18n.text(isPlaying ? "player.pause" : "player.play"));
        }
        PlaybackState s = model.state();
        if (s == null) {
            position.setText("");
        } else {
            int arrows = s.arrows().size();
            position.setText(I18n.get("player.position", s.position(), s.eventCount(), arrows));
        }
        String kind = s == null || s.event().isEmpty() ? "" : kindClass(s.event().get());
        String wanted = kind.isEmpty() ? null : "at-" + kind;
        String now = getStyleClass().stream().filter(c -> c.startsWith("at-")).findFirst().orElse(null);
        if (!java.util.Objects.equals(wanted, now)) {
            getStyleClass().removeIf(c -> c.startsWith("at-"));
            if (wanted != null) {
                getStyleClass().add(wanted);
            }
        }
    }

    private static void setDisable(Button b, boolean disable) {
        if (b.isDisable() != disable) {
            b.setDisable(disable);
        }
    }

    private static String kindClass(TraceEvent e) {
        return e instanceof TraceEvent.Answer ? "answer" : e instanceof TraceEvent.Failure ? "failure" : "step";
    }
}
