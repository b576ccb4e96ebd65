package org.resolvefx.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aFolderIsReadWithoutHiddenFiles() throws Exception {
        Path dir = TinyLesson.write(tmp.resolve("tiny"), TinyLesson.files());
        Files.writeString(dir.resolve(".DS_Store"), "x");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref");
        LessonFiles f = LessonFiles.readFolder(dir);
        assertThat(f.paths()).containsExactly("lesson.json", "narration/www.de.md", "narration/www.en.md");
        assertThat(f.display("lesson.json")).isEqualTo(dir + "/lesson.json");
        assertThat(f.displayLesson()).isEqualTo(dir.toString());
    }

    @Test
    void symbolicLinksAreNotFollowed() throws Exception {
        Path dir = TinyLesson.write(tmp.resolve("tiny"), TinyLesson.files());
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(dir.resolve("zones.zone"), secret);
        assertThat(LessonFiles.readFolder(dir).contains("zones.zone")).isFalse();
    }

    @Test
    void aLinkedLessonFolderIsRead() throws Exception {
        Path dir = TinyLesson.write(tmp.resolve("tiny"), TinyLesson.files());
        Path link = Files.createSymbolicLink(tmp.resolve("linked"), dir);
        LoadedLesson l = LessonLoader.load(link);
        assertThat(l.problems()).isEmpty();
        assertThat(l.source()).isEqualTo(link.toString());
    }

    @Test
    void aZipBombIsStoppedWhileUnpacking() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("lesson.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i <= LessonFiles.MAX_FILE_BYTES >> 20; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertThat(out.size()).isLessThan(100_000);
        assertThatThrownBy(() -> LessonFiles.readArchive(new ByteArrayInputStream(out.toByteArray()), "bomb.rfxlesson"))
                .isInstanceOf(LessonFiles.ReadException.class)
                .hasMessageContaining("lesson.json unpacks to more than 16 MB");
    }

    @Test
    void tooManyEntries() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i <= LessonFiles.MAX_FILES; i++) {
                z.putNextEntry(new ZipEntry("f" + i));
                z.closeEntry();
            }
        }
        assertThatThrownBy(() -> LessonFiles.readArchive(new ByteArrayInputStream(out.toByteArray()), "many"))
                .hasMessageContaining("more than " + LessonFiles.MAX_FILES + " entries");
    }

    @Test
    void notAZip() throws IOException {
        Path p = Files.writeString(tmp.resolve("x.rfxlesson"), "hello, not a zip");
        LoadedLesson l = LessonLoader.load(p);
        assertThat(l.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.file()).isEqualTo(p.toString());
            assertThat(pr.message()).startsWith("not a lesson archive");
        });
    }

    @Test
    void zipRoundTripIsReproducible() throws Exception {
        LessonFiles f = TinyLesson.inMemory(TinyLesson.files());
        byte[] zip = f.toZip();
        assertThat(f.toZip()).isEqualTo(zip);
        LessonFiles back = LessonFiles.readArchive(new ByteArrayInputStream(zip), "t.rfxlesson");
        assertThat(back.paths()).isEqualTo(f.paths());
        assertThat(new String(back.bytes("lesson.json").orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo(TinyLesson.MANIFEST);
    }

    @Test
    void unsafePathsAreRefusedInMemoryToo() {
        for (String bad : new String[] {"../x", "/x", "a//b", "a/./b", "C:x", "a\\b", ""}) {
            assertThatThrownBy(() -> LessonFiles.of("x/", Map.of(bad, new byte[0]))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void notUtf8IsAProblemNotACrash() {
        Map<String, byte[]> files = new java.util.HashMap<>();
        TinyLesson.files().forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
        files.put("narration/www.de.md", new byte[] {(byte) 0xC3, (byte) 0x28});
        LoadedLesson l = LessonLoader.load(LessonFiles.of("t/", files));
        assertThat(l.problems()).extracting(LessonProblem::format).containsExactly("t/narration/www.de.md: not UTF-8 text");
    }
}
