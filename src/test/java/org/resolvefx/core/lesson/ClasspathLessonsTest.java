package org.resolvefx.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lessons shipped inside the application: read from the class folder and from a jar alike. */
class ClasspathLessonsTest {

    /** The lesson folders of the source tree, which Maven copies into the jar. */
    private static List<String> sourceLessonFolders() throws IOException {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("lessons"))) {
            for (Path p : ds) {
                if (Files.isRegularFile(p.resolve(Lesson.MANIFEST))) {
                    out.add(p.getFileName().toString());
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> folders(List<LessonFiles> lessons) {
        return lessons.stream().map(LessonFiles::displayLesson).map(s -> s.substring("lessons/".length())).toList();
    }

    @Test
    void everyLessonOfTheSourceTreeIsOnTheClassPathAndLoadsWithoutProblems() throws IOException {
        List<String> expected = sourceLessonFolders();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(10);
        assertThat(folders(ShippedLessons.read())).containsExactlyElementsOf(expected);

        List<LoadedLesson> loaded = ShippedLessons.loadAll();
        assertThat(loaded).hasSize(expected.size());
        for (LoadedLesson l : loaded) {
            assertThat(l.problems()).as(l.source()).isEmpty();
            assertThat(l.isValid()).isTrue();
        }
        assertThat(loaded.get(1).source()).isEqualTo("lessons/02-recursive-iterative");
    }

    @Test
    void aJarGivesTheSameFilesAsTheClassFolder(@TempDir Path dir) throws IOException {
        Path classes = ShippedLessons.classRoot();
        List<LessonFiles> fromFolder = ShippedLessons.readFrom(classes);
        Path jar = dir.resolve("app.jar");
        try (OutputStream os = Files.newOutputStream(jar); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry("org/resolvefx/Some.class"));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("lessons/"));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("lessons/README.md"));
            z.write("not a lesson".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("lessons/no-manifest/narration/x.en.md"));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("lessons/01-namespace/.DS_Store"));
            z.closeEntry();
            for (LessonFiles lesson : fromFolder) {
                String base = lesson.displayBase();
                z.putNextEntry(new ZipEntry(base));
                z.closeEntry();
                for (String p : lesson.paths()) {
                    z.putNextEntry(new ZipEntry(base + p));
                    z.write(lesson.bytes(p).orElseThrow());
                    z.closeEntry();
                }
            }
        }
        List<LessonFiles> fromJar = ShippedLessons.readFrom(jar);
        assertThat(folders(fromJar)).containsExactlyElementsOf(folders(fromFolder));
        for (int i = 0; i < fromJar.size(); i++) {
            LessonFiles a = fromFolder.get(i);
            LessonFiles b = fromJar.get(i);
            assertThat(b.paths()).containsExactlyElementsOf(a.paths());
            for (String p : a.paths()) {
                assertThat(b.bytes(p).orElseThrow()).as(p).isEqualTo(a.bytes(p).orElseThrow());
            }
        }
        LoadedLesson second = LessonLoader.load(fromJar.get(1));
        assertThat(second.problems()).isEmpty();
        assertThat(second.run("recursive").orElseThrow().trace().messages()).hasSize(8);
    }

    @Test
    void aClassFolderWithoutLessonsHasNoneAndAMissingLocationSaysSo(@TempDir Path dir) throws IOException {
        assertThat(ShippedLessons.readFrom(dir)).isEmpty();
        Files.createDirectories(dir.resolve("lessons/empty"));
        assertThat(ShippedLessons.readFrom(dir)).isEmpty();
        assertThatThrownBy(() -> ShippedLessons.readFrom(dir.resolve("gone.jar")))
                .isInstanceOf(IOException.class).hasMessageContaining("gone.jar").hasMessageContaining("not found");
        Path notAZip = Files.writeString(dir.resolve("broken.jar"), "no zip");
        assertThatThrownBy(() -> ShippedLessons.readFrom(notAZip)).isInstanceOf(IOException.class);
    }
}
