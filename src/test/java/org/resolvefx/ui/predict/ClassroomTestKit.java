package org.resolvefx.ui.predict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.resolvefx.core.engine.ResolverOptions;
import org.resolvefx.core.engine.ResolverSession;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.WorldException;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.ui.app.Theme;
import org.resolvefx.ui.common.Snapshots;

/** Stage set-up, traces and pictures shared by the classroom-mode UI tests (predict, presenter, what-if). */
public final class ClassroomTestKit {
    /** PNGs of what the tests drew, to look at (the tests assert on the scene graph, not on pixels). */
    public static final Path RENDERS = Path.of("target", "classroom-renders");

    private ClassroomTestKit() {
    }

    public static SandboxWorld defaultWorld() {
        try {
            return WorldLoader.loadDefault();
        } catch (WorldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lecture's resolver: in-process sandbox, seeded, no priming. */
    public static ResolverSession sandbox(SandboxWorld world) {
        return ResolverSession.sandbox(world, ResolverOptions.defaults().withSeed(1L).withPriming(false));
    }

    public static Scene scene(Parent root, double w, double h, Theme theme) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        Scene scene = new Scene(root, w, h);
        scene.getStylesheets().setAll(theme.stylesheets());
        return scene;
    }

    /** Shows the scene at its own size: TestFX shares one primary stage, so no size may carry over. */
    public static void show(Stage stage, Scene scene) {
        stage.setFullScreen(false);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(scene.getWidth());
        stage.setHeight(scene.getHeight());
        stage.show();
    }

    public static void theme(Scene scene, Theme theme) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        scene.getStylesheets().setAll(theme.stylesheets());
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    /** Saves a picture of a node under target/classroom-renders (JavaFX thread). */
    public static void render(Node node, String name) {
        try {
            Files.createDirectories(RENDERS);
            Snapshots.writePng(Snapshots.snapshot(node, 1, null), RENDERS.resolve(name + ".png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
