package org.resolvefx.ui.lesson;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.resolvefx.core.lesson.LessonView;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.player.NarrationBar;
import org.resolvefx.ui.trace.TraceViewModel;

/**
 * What the lesson features need from the main window. An interface, so ui.lesson does not depend on
 * ui.app (which composes it): the main window implements it in a few lines.
 */
public interface LessonHost {

    /** The main window: owner of the lesson windows, whose scene they take their theme from. */
    Stage stage();

    /** The Lookup workspace's cursor (the trace on show, the step every view follows). */
    TraceViewModel model();

    /**
     * Shows a lesson's trace in the Lookup workspace at its first step, with the namespace tree to
     * draw beside it and only the views the scenario asks for.
     */
    void showLessonTrace(Trace trace, NamespaceTree tree, List<LessonView> views);

    /** The narration bar under the Lookup workspace (a lesson puts its introduction there). */
    NarrationBar narrationBar();

    /** A line in the status bar. */
    void status(String text);

    /** Adds a lesson folder or archive to the recent files. */
    void rememberFile(Path file);
}
