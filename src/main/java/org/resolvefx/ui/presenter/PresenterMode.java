package org.resolvefx.ui.presenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.trace.TraceViewModel;

/**
 * Presenter mode: the classroom views full screen for the class, the {@link PresenterView} for the
 * lecturer, a {@link Spotlight} on the views (S), and a blank screen (B). Where things go is decided by
 * {@link ScreenPlan}: with two screens the main stage goes full screen on the projector and a presenter
 * window opens on the laptop's screen; with one screen the main stage goes full screen with a compact
 * presenter card in a corner (P hides it).
 *
 * <pre>{@code
 * PresenterMode p = PresenterMode.start(stage, scene.getRoot(), model, PresenterOptions.defaults()
 *         .withNotes(k -> lesson.notesFor(k))
 *         .withStepping(this::stepForward, this::stepBack)        // with the predict hook
 *         .withBlankScreen(blank.visibleProperty(), this::toggleBlank)
 *         .withLook(() -> setTheme(Theme.PROJECTOR), () -> setTheme(previous)));
 * ...
 * p.stop();   // everything back as it was: root, theme, size and place of the stage
 * }</pre>
 *
 * While it runs, the scene's root is a {@code StackPane} holding the projected root, the spotlight, the
 * compact card and (without a main-window blank) a black layer; {@link #stop()} puts the root back.
 * Keys: in the presenter window Page Down / → / ↓ / Space step forward, Page Up / ← / ↑ / Backspace
 * step back, Home / End go to the first / last step, B or . blanks, S toggles the spotlight, Esc only
 * unblanks; on the projected scene S (spotlight), P (compact card) and, without a main-window blank,
 * B / . / Esc.
 */
public final class PresenterMode {
    private final Stage mainStage;
    private final Scene mainScene;
    private final Parent projectedRoot;
    private final TraceViewModel model;
    private final PresenterOptions options;
    private final ScreenPlan plan;
    private final boolean rehearsal;
    private final StackPane wrapper = new StackPane();
    private final Spotlight spotlight = new Spotlight();
    private final PresenterView compactView;
    private final PresenterView windowView;
    private final Stage presenterStage;
    private final Region ownBlank = new Region();
    private final BooleanProperty ownBlanked = new SimpleBooleanProperty(false);
    private final ObservableBooleanValue blanked;

    // what to restore
    private final double oldX;
    private final double oldY;
    private final double oldWidth;
    private final double oldHeight;
    private final boolean oldFullScreen;
    private final boolean oldMaximized;
    private final String oldExitHint;
    private final KeyCombination oldExitKey;
    private final List<String> oldStylesheets;

    private final EventHandler<KeyEvent> projectedKeys = this::onProjectedKey;
    private final EventHandler<KeyEvent> presenterKeys = this::onPresenterKey;
    private final EventHandler<WindowEvent> mainHidden = e -> stop();
    private final ChangeListener<Boolean> blankListener = (obs, o, n) -> showBlank(n);
    private boolean running;

    private PresenterMode(Stage mainStage, Node projectedRoot, TraceViewModel model, PresenterOptions options) {
        this.mainStage = Objects.requireNonNull(mainStage, "mainStage");
        this.model = Objects.requireNonNull(model, "model");
        this.options = Objects.requireNonNull(options, "options");
        this.mainScene = Objects.requireNonNull(mainStage.getScene(), "the main stage has no scene");
        if (projectedRoot != mainScene.getRoot()) {
            throw new IllegalArgumentException("the projected root must be the main scene's root");
        }
        this.projectedRoot = (Parent) projectedRoot;
        List<Rectangle2D> screens = options.screens().get();
        Rectangle2D primary = screens.isEmpty() ? null : screens.get(0);
        this.plan = ScreenPlan.plan(screens, primary);
        this.rehearsal = plan.layout() == ScreenPlan.Layout.ONE_SCREEN && options.windowOnSingleScreen();
        this.blanked = options.blanked() != null ? options.blanked() : ownBlanked;

        oldX = mainStage.getX();
        oldY = mainStage.getY();
        oldWidth = mainStage.getWidth();
        oldHeight = mainStage.getHeight();
        oldFullScreen = mainStage.isFullScreen();
        oldMaximized = mainStage.isMaximized();
        oldExitHint = mainStage.getFullScreenExitHint();
        oldExitKey = mainStage.getFullScreenExitKeyCombination();
        oldStylesheets = new ArrayList<>(mainScene.getStylesheets());

        boolean window = plan.layout() == ScreenPlan.Layout.TWO_SCREENS || rehearsal;
        windowView = window ? newView(false) : null;
        compactView = window ? null : newView(true);
        presenterStage = window ? new Stage() : null;
    }

    /**
     * Starts presenting.
     *
     * @param mainStage     the stage with the classroom views
     * @param projectedRoot the root of its scene: what the class sees (wrapped while presenting)
     * @param model         the cursor the views follow
     * @param options       notes, stepping, blank screen, look, clock and screens
     */
    public static PresenterMode start(Stage mainStage, Node projectedRoot, TraceViewModel model,
                                      PresenterOptions options) {
        PresenterMode p = new PresenterMode(mainStage, projectedRoot, model, options);
        p.begin();
        return p;
    }

    private PresenterView newView(boolean compact) {
        PresenterView v = new PresenterView(model);
        v.setId(compact ? "presenter-compact" : "presenter-view");
        v.compactProperty().set(compact);
        v.notesProperty().set(options.notes());
        v.clockProperty().set(options.clock());
        v.blankedProperty().bind(blanked);
        v.spotlightProperty().bind(spotlight.onProperty());
        v.onStopProperty().set(this::stop);
        v.resetElapsed();
        return v;
    }

    private void begin() {
        running = true;
        // the projected scene: views, spotlight, compact card, black layer
        mainScene.setRoot(wrapper);
        wrapper.getChildren().add(projectedRoot);
        wrapper.setId("presenter-stack");
        wrapper.getChildren().add(spotlight);
        if (compactView != null) {
            StackPane.setAlignment(compactView, Pos.BOTTOM_RIGHT);
            StackPane.setMargin(compactView, new Insets(0, 16, 16, 0));
            wrapper.getChildren().add(compactView);
            compactView.startClock();
        }
        ownBlank.getStyleClass().add("projector-blank");
        ownBlank.setId("presenter-blank");
        ownBlank.setStyle("-fx-background-color: black;");
        ownBlank.setVisible(false);
        wrapper.getChildren().add(ownBlank);
        blanked.addListener(blankListener);
        showBlank(blanked.get());
        mainScene.addEventFilter(KeyEvent.KEY_PRESSED, projectedKeys);

        // the look: projector theme for the class
        if (options.toProjectorLook() != null) {
            options.toProjectorLook().run();
        } else if (options.projectorStylesheets() != null) {
            mainScene.getStylesheets().setAll(options.projectorStylesheets());
        }

        // the stages
        mainStage.setFullScreenExitHint("");
        mainStage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        if (plan.layout() == ScreenPlan.Layout.TWO_SCREENS) {
            mainStage.setFullScreen(false);
            mainStage.setMaximized(false);
            mainStage.setX(plan.projector().getMinX());
            mainStage.setY(plan.projector().getMinY());
            mainStage.setWidth(plan.projector().getWidth());
            mainStage.setHeight(plan.projector().getHeight());
            mainStage.setFullScreen(true);
            openPresenterWindow(plan.presenter());
        } else if (rehearsal) {
            Rectangle2D s = plan.presenter();
            openPresenterWindow(new Rectangle2D(s.getMinX() + s.getWidth() * 0.45, s.getMinY(),
                    s.getWidth() * 0.55, s.getHeight() * 0.7));
        } else {
            mainStage.setFullScreen(true);
        }
        mainStage.addEventHandler(WindowEvent.WINDOW_HIDDEN, mainHidden);
    }

    private void openPresenterWindow(Rectangle2D where) {
        List<String> sheets = options.presenterStylesheets() != null ? options.presenterStylesheets()
                : oldStylesheets;
        Scene scene = new Scene(windowView, where.getWidth(), where.getHeight());
        scene.getStylesheets().setAll(sheets);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, presenterKeys);
        presenterStage.setScene(scene);
        presenterStage.titleProperty().bind(I18n.text("presenter.title"));
        presenterStage.setX(where.getMinX());
        presenterStage.setY(where.getMinY());
        presenterStage.setWidth(where.getWidth());
        presenterStage.setHeight(where.getHeight());
        presenterStage.setOnCloseRequest(e -> stop());
        presenterStage.show();
        windowView.startClock();
    }

    /** Ends presenting and puts root, look, stage size and place back as they were. Safe to call twice. */
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        mainStage.removeEventHandler(WindowEvent.WINDOW_HIDDEN, mainHidden);
        mainScene.removeEventFilter(KeyEvent.KEY_PRESSED, projectedKeys);
        blanked.removeListener(blankListener);
        if (presenterStage != null) {
            windowView.stopClock();
            presenterStage.setOnCloseRequest(null);
            presenterStage.getScene().removeEventFilter(KeyEvent.KEY_PRESSED, presenterKeys);
            presenterStage.titleProperty().unbind();
            presenterStage.close();
        }
        if (compactView != null) {
            compactView.stopClock();
        }
        spotlight.setOn(false);
        wrapper.getChildren().clear();
        mainScene.setRoot(projectedRoot);
        if (options.restoreLook() != null) {
            options.restoreLook().run();
        } else if (options.toProjectorLook() == null && options.projectorStylesheets() != null) {
            mainScene.getStylesheets().setAll(oldStylesheets);
        }
        mainStage.setFullScreen(oldFullScreen);
        if (!oldFullScreen) {
            mainStage.setMaximized(oldMaximized);
            if (!oldMaximized) {
                mainStage.setX(oldX);
                mainStage.setY(oldY);
                mainStage.setWidth(oldWidth);
                mainStage.setHeight(oldHeight);
            }
        }
        mainStage.setFullScreenExitHint(oldExitHint);
        mainStage.setFullScreenExitKeyCombination(oldExitKey);
        ownBlanked.set(false);
    }

    public boolean isRunning() {
        return running;
    }

    public ScreenPlan plan() {
        return plan;
    }

    public Spotlight spotlight() {
        return spotlight;
    }

    /** The presenter view on show: in the presenter window, or the compact card. */
    public PresenterView presenterView() {
        return windowView != null ? windowView : compactView;
    }

    /** The presenter window, where there is one (two screens, or a rehearsal on one). */
    public Optional<Stage> presenterStage() {
        return Optional.ofNullable(presenterStage);
    }

    /** Whether the class sees a black screen. */
    public boolean isBlanked() {
        return blanked.get();
    }

    // ------------------------------------------------------------------ keys

    private void stepForward() {
        if (options.stepForward() != null) {
            options.stepForward().run();
        } else {
            model.stepForward();
        }
    }

    private void stepBack() {
        if (options.stepBack() != null) {
            options.stepBack().run();
        } else {
            model.stepBack();
        }
    }

    private void toggleBlank() {
        if (options.blanked() != null) {
            options.toggleBlank().run();
        } else {
            ownBlanked.set(!ownBlanked.get());
        }
    }

    private void showBlank(boolean on) {
        // the main window's own blank covers its views; the spotlight and the compact card lie above it
        ownBlank.setVisible(options.blanked() == null && on);
        spotlight.setOpacity(on ? 0 : 1);
        if (compactView != null) {
            compactView.setOpacity(on ? 0 : 1);
        }
    }

    private void onProjectedKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || e.getTarget() instanceof javafx.scene.control.TextInputControl) {
            return;
        }
        boolean ownBlankKeys = options.blanked() == null;
        if (ownBlankKeys && ownBlanked.get()) {
            if (e.getCode() == KeyCode.B || e.getCode() == KeyCode.PERIOD || e.getCode() == KeyCode.ESCAPE) {
                ownBlanked.set(false);
            }
            e.consume();
            return;
        }
        switch (e.getCode()) {
            case S -> {
                spotlight.toggle();
                e.consume();
            }
            case P -> {
                if (compactView != null) {
                    compactView.setVisible(!compactView.isVisible());
                    e.consume();
                }
            }
            case B, PERIOD -> {
                if (ownBlankKeys) {
                    ownBlanked.set(true);
                    e.consume();
                }
            }
            default -> {
            }
        }
    }

    private void onPresenterKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        boolean handled = true;
        switch (e.getCode()) {
            case PAGE_DOWN, RIGHT, DOWN, SPACE -> stepForward();
            case PAGE_UP, LEFT, UP, BACK_SPACE -> stepBack();
            case HOME -> model.toStart();
            case END -> model.toEnd();
            case B, PERIOD -> toggleBlank();
            case ESCAPE -> {
                if (blanked.get()) {
                    toggleBlank();
                }
            }
            case S -> spotlight.toggle();
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }
}
