package org.resolvefx.ui.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window, files from the command line opened in it. */
public final class ResolveFxApp extends Application {

    public static void launchWindow(String[] args) {
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
