package org.resolvefx.ui.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window, files from the command line opened in it. */
public final class ResolveFxApp extends Application {

    /**
     * JavaFX's own logger. JavaFX warns on every start that it runs from the class path ("Unsupported JavaFX
     * configuration"): the shaded jar and the installers do so on purpose (see {@code Launcher}), and the
     * line would only alarm whoever started the application from a terminal. Held here so that the filter
     * on it stays (the logging framework keeps loggers weakly).
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    /** Lets every JavaFX log record through except the class-path warning. */
    static final Filter WITHOUT_CLASS_PATH_WARNING = r -> r.getMessage() == null
            || !r.getMessage().startsWith("Unsupported JavaFX configuration");

    public static void launchWindow(String[] args) {
        JAVAFX_LOG.setFilter(WITHOUT_CLASS_PATH_WARNING);
        // the bundled world and the lecture's lookup get ready while the toolkit starts
        StartupPreparation.begin();
        Application.launch(ResolveFxApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        MainWindow window = new MainWindow(stage, AppSettings.standard());
        window.show();
        List<Path> files = new ArrayList<>();
        for (String arg : getParameters().getUnnamed()) {
            files.add(Path.of(arg));
        }
        if (!files.isEmpty()) {
            window.openFile(files.get(files.size() - 1));
        }
    }
}
