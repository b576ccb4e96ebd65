package org.resolvefx.ui.lesson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.resolvefx.core.lesson.LessonFiles;
import org.resolvefx.core.lesson.LessonLoader;
import org.resolvefx.core.lesson.LessonProblem;
import org.resolvefx.core.lesson.LoadedLesson;
import org.resolvefx.core.lesson.ShippedLessons;

/**
 * The lessons the browser lists: the shipped ones first (loaded once, in the background), then
 * those opened from folders and archives, in the order they were opened. Opening a lesson again
 * replaces its entry. Loading checks each lesson completely (every scenario replayed), so the
 * list can mark a broken lesson before anyone starts it.
 */
public final class LessonLibrary {
    private final ObservableList<LessonEntry> entries = FXCollections.observableArrayList();
    private final List<LessonEntry> shipped = new ArrayList<>();
    private final List<LessonEntry> opened = new ArrayList<>();
    private Task<List<LoadedLesson>> shippedTask;

    /** Every lesson, shipped first. Changed on the JavaFX thread only. */
    public ObservableList<LessonEntry> entries() {
        return entries;
    }

    /** Loads the shipped lessons in the background, once; later calls return the same task. */
    public Task<List<LoadedLesson>> loadShipped() {
        if (shippedTask != null) {
            return shippedTask;
        }
        shippedTask = new Task<>() {
            @Override
            protected List<LoadedLesson> call() {
                try {
                    return ShippedLessons.loadAll();
                } catch (IOException | RuntimeException e) {
                    // listed as a broken entry: the browser says what went wrong instead of staying empty
                    String source = ShippedLessons.FOLDER;
                    return List.of(new LoadedLesson(source, Optional.empty(), LessonFiles.empty(source + "/"),
                            List.of(), List.of(LessonProblem.of(source, 0,
                            "cannot read the lessons shipped with ResolveFX: " + e.getMessage()))));
                }
            }
        };
        shippedTask.setOnSucceeded(e -> {
            shipped.clear();
            for (LoadedLesson l : shippedTask.getValue()) {
                shipped.add(new LessonEntry(l, null));
            }
            refresh();
        });
        start(shippedTask, "shipped lessons");
        return shippedTask;
    }

    /** Loads a lesson folder or .rfxlesson archive in the background; never fails (problems are in the entry). */
    public Task<LessonEntry> open(Path path) {
        Task<LessonEntry> task = new Task<>() {
            @Override
            protected LessonEntry call() {
                return new LessonEntry(LessonLoader.load(path), path);
            }
        };
        task.setOnSucceeded(e -> add(task.getValue()));
        start(task, "lesson " + path.getFileName());
        return task;
    }

    /** Adds an opened lesson, replacing an earlier entry from the same folder or file. */
    public void add(LessonEntry entry) {
        Path key = entry.path() == null ? null : entry.path().toAbsolutePath().normalize();
        opened.removeIf(o -> o.path() != null && o.path().toAbsolutePath().normalize().equals(key));
        opened.add(entry);
        refresh();
    }

    /** The entry opened from a path, if any. */
    public Optional<LessonEntry> find(Path path) {
        Path key = path.toAbsolutePath().normalize();
        return opened.stream().filter(o -> o.path().toAbsolutePath().normalize().equals(key)).findFirst();
    }

    private void refresh() {
        List<LessonEntry> all = new ArrayList<>(shipped);
        all.addAll(opened);
        entries.setAll(all);
    }

    static void start(Task<?> task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }
}
