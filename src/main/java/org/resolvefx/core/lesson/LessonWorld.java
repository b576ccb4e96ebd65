package org.resolvefx.core.lesson;

import java.util.Objects;

/** Where a lesson's sandbox world comes from. */
public sealed interface LessonWorld {

    /** Applied on top of the world for every scenario. */
    WorldChanges changes();

    /** A world that ships with ResolveFX ("default"), with changes. */
    record Base(String name, WorldChanges changes) implements LessonWorld {
        public static final String DEFAULT = "default";

        public Base {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(changes, "changes");
        }
    }

    /** The lesson's own world: {@code FOLDER/world.json} and its zone files, with changes. */
    record Folder(String folder, WorldChanges changes) implements LessonWorld {
        public Folder {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(changes, "changes");
        }
    }
}
