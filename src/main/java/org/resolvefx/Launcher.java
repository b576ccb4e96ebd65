package org.resolvefx;

import org.resolvefx.cli.ResolveFxCommand;
import org.resolvefx.ui.app.ResolveFxApp;

/**
 * Entry point of {@code resolvefx.jar}. With no arguments, or with only file names, it opens the
 * window; with a subcommand ({@code inspect}, {@code trace}, ...) or an option ({@code --help}) it
 * works on the command line.
 *
 * <p>It deliberately does not extend {@code javafx.application.Application}: the JavaFX launcher
 * refuses to start an Application main class from a plain class-path jar ("JavaFX runtime
 * components are missing").
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (ResolveFxCommand.isCommandLine(args)) {
            System.exit(ResolveFxCommand.run(args));
        } else {
            ResolveFxApp.launchWindow(args);
        }
    }
}
