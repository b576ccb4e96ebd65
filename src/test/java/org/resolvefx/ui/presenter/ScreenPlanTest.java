package org.resolvefx.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Where presenter mode puts things, for one, two and three screens (no JavaFX toolkit needed). */
class ScreenPlanTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1920, 1200);
    private static final Rectangle2D PROJECTOR = new Rectangle2D(1920, 0, 1280, 800);
    private static final Rectangle2D BIG_TV = new Rectangle2D(-3840, 0, 3840, 2160);

    @Test
    void oneScreenGetsTheCompactCard() {
        ScreenPlan p = ScreenPlan.plan(List.of(LAPTOP));
        assertThat(p.layout()).isEqualTo(ScreenPlan.Layout.ONE_SCREEN);
        assertThat(p.projector()).isEqualTo(LAPTOP);
        assertThat(p.presenter()).isEqualTo(LAPTOP);
    }

    @Test
    void twoScreensPutTheViewsOnTheOtherScreenAndThePresenterOnThePrimary() {
        ScreenPlan p = ScreenPlan.plan(List.of(LAPTOP, PROJECTOR));
        assertThat(p.layout()).isEqualTo(ScreenPlan.Layout.TWO_SCREENS);
        assertThat(p.projector()).isEqualTo(PROJECTOR);
        assertThat(p.presenter()).isEqualTo(LAPTOP);
        // JavaFX does not promise the primary first: the primary decides, not the order
        ScreenPlan q = ScreenPlan.plan(List.of(PROJECTOR, LAPTOP), LAPTOP);
        assertThat(q).isEqualTo(p);
        // even when the projector is the bigger one and listed first
        ScreenPlan r = ScreenPlan.plan(List.of(BIG_TV, LAPTOP), LAPTOP);
        assertThat(r.projector()).isEqualTo(BIG_TV);
        assertThat(r.presenter()).isEqualTo(LAPTOP);
    }

    @Test
    void withThreeScreensTheLargestOtherOneProjects() {
        ScreenPlan p = ScreenPlan.plan(List.of(LAPTOP, PROJECTOR, BIG_TV));
        assertThat(p.projector()).isEqualTo(BIG_TV);
        assertThat(p.presenter()).isEqualTo(LAPTOP);
        // equal sizes: the first listed wins, so the choice is stable
        Rectangle2D twin = new Rectangle2D(5000, 0, 1280, 800);
        assertThat(ScreenPlan.plan(List.of(LAPTOP, PROJECTOR, twin)).projector()).isEqualTo(PROJECTOR);
    }

    @Test
    void mirroredOrOddScreenListsStillGiveAPlan() {
        assertThat(ScreenPlan.plan(List.of(LAPTOP, new Rectangle2D(0, 0, 1920, 1200))).layout())
                .isEqualTo(ScreenPlan.Layout.ONE_SCREEN);
        assertThat(ScreenPlan.plan(List.of(LAPTOP, PROJECTOR), new Rectangle2D(9, 9, 9, 9)).presenter())
                .isEqualTo(LAPTOP);
        assertThat(ScreenPlan.plan(List.of(new Rectangle2D(0, 0, 0, 0), PROJECTOR)).layout())
                .isEqualTo(ScreenPlan.Layout.ONE_SCREEN);
        assertThatThrownBy(() -> ScreenPlan.plan(List.of())).hasMessageContaining("no screens");
        assertThatThrownBy(() -> ScreenPlan.plan(List.of(new Rectangle2D(0, 0, 0, 0))))
                .hasMessageContaining("no screen with a size");
    }

    @Test
    void elapsedTimeReadsLikeAStopwatch() {
        assertThat(PresenterView.elapsedText(Duration.ZERO)).isEqualTo("0:00");
        assertThat(PresenterView.elapsedText(Duration.ofSeconds(305))).isEqualTo("5:05");
        assertThat(PresenterView.elapsedText(Duration.ofSeconds(3 * 3600 + 62))).isEqualTo("3:01:02");
        assertThat(PresenterView.elapsedText(Duration.ofSeconds(-10))).isEqualTo("0:00");
    }
}
