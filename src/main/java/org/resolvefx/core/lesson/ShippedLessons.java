package org.resolvefx.core.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The lessons that ship with ResolveFX: Maven copies {@code lessons/} into the jar as
 * {@code /lessons/ID/...}, and this class reads them back from wherever the application's classes
 * come from: {@code target/classes} (tests, {@code mvn javafx:run}) or the jar ({@code java -jar},
 * the jpackage app-image, which holds the same jar).
 *
 * <p>Why not classpath resources by name: a class loader cannot list a folder, and the files of a
 * lesson are not known in advance. Why not a zip file system: {@code jdk.zipfs} is not in the trimmed
 * runtime of the installers, while {@link ZipFile} is in {@code java.base}.
 */
public final class ShippedLessons {

    /** The folder inside the jar (and in the source tree) that holds the lessons. */
    public static final String FOLDER = "lessons";

    private ShippedLessons() {
    }

    /** Every shipped lesson, loaded and checked, in folder order ("01-...", "02-..."). */
    public static List<LoadedLesson> loadAll() throws IOException {
        List<LoadedLesson> out = new ArrayList<>();
        for (LessonFiles files : read()) {
            out.add(LessonLoader.load(files));
        }
        return out;
    }

    /** The files of every shipped lesson, in folder order. */
    public static List<LessonFiles> read() throws IOException {
        return readFrom(classRoot());
    }

    /** Where this class was loaded from: a class folder or a jar. */
    static Path classRoot() throws IOException {
        CodeSource cs = ShippedLessons.class.getProtectionDomain().getCodeSource();
        URL where = cs == null ? null : cs.getLocation();
        if (where == null) {
            throw new IOException("cannot find the shipped lessons: the application's location is unknown");
        }
        try {
            return Path.of(where.toURI());
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new IOException("cannot find the shipped lessons in " + where + ": " + e.getMessage(), e);
        }
    }

    /**
     * The lessons under {@code lessons/} of a class folder or a jar: each sub-folder holding a
     * lesson.json. Files are named "lessons/ID/..." in messages, as in the source tree.
     */
    public static List<LessonFiles> readFrom(Path classRoot) throws IOException {
        if (Files.isDirectory(classRoot)) {
            return readFolder(classRoot.resolve(FOLDER));
        }
        if (Files.isRegularFile(classRoot)) {
            return readJar(classRoot);
        }
        throw new IOException("cannot find the shipped lessons: " + classRoot + " not found");
    }

    private static List<LessonFiles> readFolder(Path lessons) throws IOException {
        List<LessonFiles> out = new ArrayList<>();
        if (!Files.isDirectory(lessons)) {
            return out;
        }
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(lessons)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p.resolve(Lesson.MANIFEST))) {
                    dirs.add(p);
                }
            }
        }
        dirs.sort(null);
        for (Path d : dirs) {
            try {
                out.add(LessonFiles.readFolder(d).withDisplayBase(display(d.getFileName().toString())));
            } catch (LessonFiles.ReadException e) {
                throw new IOException(e.file() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<LessonFiles> readJar(Path jar) throws IOException {
        Map<String, Map<String, byte[]>> byLesson = new TreeMap<>();
        long total = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (e.isDirectory() || !name.startsWith(FOLDER + "/")) {
                    continue;
                }
                String rest = name.substring(FOLDER.length() + 1);
                int slash = rest.indexOf('/');
                if (slash <= 0 || rest.contains("/.") || rest.startsWith(".")) {
                    continue; // lessons/README.md, hidden files
                }
                String lesson = rest.substring(0, slash);
                String path = rest.substring(slash + 1);
                if (LessonFiles.unsafePathReason(path) != null) {
                    continue;
                }
                byte[] data;
                try (InputStream in = zip.getInputStream(e)) {
                    data = in.readNBytes(LessonFiles.MAX_FILE_BYTES + 1);
                }
                total += data.length;
                if (data.length > LessonFiles.MAX_FILE_BYTES || total > LessonFiles.MAX_TOTAL_BYTES) {
                    throw new IOException(jar + ": the shipped lessons are larger than a lesson may be");
                }
                byLesson.computeIfAbsent(lesson, k -> new TreeMap<>()).put(path, data);
            }
        }
        List<LessonFiles> out = new ArrayList<>();
        byLesson.forEach((lesson, files) -> {
            if (files.containsKey(Lesson.MANIFEST)) {
                out.add(LessonFiles.of(display(lesson), files));
            }
        });
        return out;
    }

    private static String display(String lessonFolder) {
        return FOLDER + "/" + lessonFolder + "/";
    }
}
