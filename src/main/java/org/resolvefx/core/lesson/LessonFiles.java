package org.resolvefx.core.lesson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The files of one lesson, held in memory: {@code lesson.json}, narration, zone files, recorded
 * traces. A lesson folder and a {@code .rfxlesson} archive are both read into this form (bounded in
 * number and size), so everything after reading treats them alike and never touches the disk again.
 * Paths are relative, with '/' between folders ("narration/recursive.en.md").
 */
public final class LessonFiles {

    /** Lessons are text files of a few kilobytes; recorded traces reach a few hundred. */
    public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    public static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    public static final int MAX_FILES = 2000;
    static final int MAX_DEPTH = 8;

    private final String displayBase;
    private final Map<String, byte[]> files;

    private LessonFiles(String displayBase, Map<String, byte[]> files) {
        this.displayBase = Objects.requireNonNull(displayBase, "displayBase");
        this.files = files;
    }

    /**
     * Files given in memory. {@code displayBase} is put in front of a path in messages
     * ("lessons/02-recursive/", "x.rfxlesson!/").
     *
     * @throws IllegalArgumentException for a path that is not a plain relative path inside the lesson
     */
    public static LessonFiles of(String displayBase, Map<String, byte[]> files) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String why = unsafePathReason(e.getKey());
            if (why != null) {
                throw new IllegalArgumentException("'" + e.getKey() + "': " + why);
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        return new LessonFiles(displayBase, copy);
    }

    public static LessonFiles empty(String displayBase) {
        return new LessonFiles(displayBase, new TreeMap<>());
    }

    /** Why a path may not name a file of a lesson, or null if it may. */
    static String unsafePathReason(String path) {
        if (path.isEmpty()) {
            return "empty path";
        }
        if (path.startsWith("/") || path.contains("\\") || path.matches("^[A-Za-z]:.*")) {
            return "absolute paths and backslashes are not allowed; paths are relative to the lesson, with '/'";
        }
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) < 0x20) {
                return "control character in the path";
            }
        }
        for (String part : path.split("/", -1)) {
            if (part.equals("..")) {
                return "the path leaves the lesson ('..')";
            }
            if (part.isEmpty() || part.equals(".")) {
                return "empty or '.' folder name in the path";
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ reading

    /** Why a lesson folder or archive could not be read at all. */
    public static final class ReadException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String file;

        ReadException(String file, String message) {
            super(message);
            this.file = file;
        }

        /** The file or folder the problem is about, as the user named it. */
        public String file() {
            return file;
        }

        public LessonProblem toProblem() {
            return LessonProblem.of(file, 0, getMessage());
        }
    }

    /**
     * Reads every regular file of a lesson folder, except hidden ones (".git", ".DS_Store").
     * Symbolic links are not followed: a lesson holds its files itself.
     */
    public static LessonFiles readFolder(Path dir) throws ReadException {
        String shown = dir.toString();
        String base = shown.isEmpty() || shown.endsWith("/") ? shown : shown + "/";
        // the lesson folder itself may be a link (a lesson linked into lessons/); links inside it are not followed
        if (!Files.isDirectory(dir)) {
            throw new ReadException(shown, Files.exists(dir) ? "not a folder" : "not found");
        }
        TreeMap<String, byte[]> out = new TreeMap<>();
        long[] total = {0};
        try {
            Path root = dir.toRealPath();
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH,
                    new java.nio.file.SimpleFileVisitor<>() {
                        @Override
                        public java.nio.file.FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                            return !d.equals(root) && d.getFileName().toString().startsWith(".")
                                    ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                                    : java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFile(Path f, BasicFileAttributes a)
                                throws IOException {
                            if (!a.isRegularFile() || f.getFileName().toString().startsWith(".")) {
                                return java.nio.file.FileVisitResult.CONTINUE;
                            }
                            String rel = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                            if (out.size() >= MAX_FILES) {
                                throw new LimitException("more than " + MAX_FILES + " files");
                            }
                            if (a.size() > MAX_FILE_BYTES) {
                                throw new LimitException(rel + " is larger than " + (MAX_FILE_BYTES >> 20) + " MB");
                            }
                            total[0] += a.size();
                            if (total[0] > MAX_TOTAL_BYTES) {
                                throw new LimitException("the files add up to more than " + (MAX_TOTAL_BYTES >> 20)
                                        + " MB");
                            }
                            out.put(rel, readBounded(Files.newInputStream(f), rel));
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }
                    });
        } catch (LimitException e) {
            throw new ReadException(shown, "too large for a lesson: " + e.getMessage());
        } catch (IOException e) {
            throw new ReadException(shown, "cannot read the folder: " + e.getMessage());
        }
        return new LessonFiles(base, out);
    }

    private static final class LimitException extends IOException {
        private static final long serialVersionUID = 1L;

        LimitException(String message) {
            super(message);
        }
    }

    private static byte[] readBounded(InputStream in, String name) throws IOException {
        try (InputStream s = in) {
            byte[] data = s.readNBytes(MAX_FILE_BYTES + 1);
            if (data.length > MAX_FILE_BYTES) {
                throw new LimitException(name + " is larger than " + (MAX_FILE_BYTES >> 20) + " MB");
            }
            return data;
        }
    }

    /**
     * Reads a {@code .rfxlesson} archive (a zip of the lesson folder, with the files at the top or
     * inside one top folder). Entry names that would leave the lesson ("../x", "/etc/x", "C:\x")
     * refuse the whole archive, as do more than {@link #MAX_FILES} entries or more than
     * {@link #MAX_TOTAL_BYTES} once unpacked (counted while unpacking, not taken from the headers).
     */
    public static LessonFiles readArchive(Path zip) throws ReadException {
        String shown = zip.toString();
        if (!Files.isRegularFile(zip)) {
            throw new ReadException(shown, Files.exists(zip) ? "not a file" : "not found");
        }
        try (InputStream in = Files.newInputStream(zip)) {
            return readArchive(in, shown);
        } catch (IOException e) {
            throw new ReadException(shown, "cannot read the archive: " + e.getMessage());
        }
    }

    /** Reads an archive from a stream; {@code shown} names it in messages. */
    public static LessonFiles readArchive(InputStream in, String shown) throws ReadException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        long total = 0;
        int entries = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipInputStream z = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                entries++;
                if (entries > MAX_FILES) {
                    throw new ReadException(shown, "too large for a lesson: more than " + MAX_FILES + " entries");
                }
                String name = e.getName();
                String forCheck = e.isDirectory() && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
                String why = unsafePathReason(forCheck);
                if (why != null) {
                    throw new ReadException(shown, "refused: entry '" + printable(name) + "' " + why
                            + " (a lesson archive may only hold files inside the lesson)");
                }
                if (e.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                int n;
                while ((n = z.read(buf)) > 0) {
                    data.write(buf, 0, n);
                    total += n;
                    if (data.size() > MAX_FILE_BYTES) {
                        throw new ReadException(shown, "too large for a lesson: " + name + " unpacks to more than "
                                + (MAX_FILE_BYTES >> 20) + " MB");
                    }
                    if (total > MAX_TOTAL_BYTES) {
                        throw new ReadException(shown, "too large for a lesson: the entries unpack to more than "
                                + (MAX_TOTAL_BYTES >> 20) + " MB");
                    }
                }
                if (out.put(name, data.toByteArray()) != null) {
                    throw new ReadException(shown, "entry '" + printable(name) + "' appears twice");
                }
            }
        } catch (ZipException e) {
            throw new ReadException(shown, "not a readable zip archive: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // ZipInputStream reports entry names that are not UTF-8 this way
            throw new ReadException(shown, "not a readable zip archive: an entry name is not UTF-8 text");
        } catch (IOException e) {
            throw new ReadException(shown, "cannot read the archive: " + e.getMessage());
        }
        if (entries == 0) {
            throw new ReadException(shown, "not a lesson archive: no zip entries (a .rfxlesson file is a zip of the "
                    + "lesson folder)");
        }
        return new LessonFiles(shown + "!/", stripTopFolder(out));
    }

    /** "lesson-x/lesson.json", "lesson-x/zones/..." -> "lesson.json", "zones/...": zips made of the folder itself. */
    private static TreeMap<String, byte[]> stripTopFolder(TreeMap<String, byte[]> files) {
        if (files.containsKey(Lesson.MANIFEST) || files.isEmpty()) {
            return files;
        }
        String first = files.firstKey();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return files;
        }
        String top = first.substring(0, slash + 1);
        for (String k : files.keySet()) {
            if (!k.startsWith(top)) {
                return files;
            }
        }
        if (!files.containsKey(top + Lesson.MANIFEST)) {
            return files;
        }
        TreeMap<String, byte[]> out = new TreeMap<>();
        files.forEach((k, v) -> out.put(k.substring(top.length()), v));
        return out;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 200; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ access

    /** What is put in front of paths in messages ("lessons/02-recursive/"). */
    public String displayBase() {
        return displayBase;
    }

    /** How a file is named in messages. */
    public String display(String path) {
        return displayBase + path;
    }

    /** The lesson itself in messages: the folder or archive. */
    public String displayLesson() {
        if (displayBase.endsWith("!/")) {
            return displayBase.substring(0, displayBase.length() - 2);
        }
        return displayBase.endsWith("/") && displayBase.length() > 1
                ? displayBase.substring(0, displayBase.length() - 1) : displayBase;
    }

    public boolean contains(String path) {
        return files.containsKey(path);
    }

    public Optional<byte[]> bytes(String path) {
        byte[] b = files.get(path);
        return b == null ? Optional.empty() : Optional.of(b.clone());
    }

    /**
     * The file as UTF-8 text (a leading byte order mark dropped); empty if there is no such file.
     *
     * @throws CharacterCodingException if the file is not UTF-8
     */
    public Optional<String> text(String path) throws CharacterCodingException {
        byte[] b = files.get(path);
        if (b == null) {
            return Optional.empty();
        }
        String s = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
        return Optional.of(s.startsWith("\uFEFF") ? s.substring(1) : s);
    }

    /** Every path, sorted. */
    public SortedSet<String> paths() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(files.keySet()));
    }

    public int size() {
        return files.size();
    }

    /** A copy with one file added or replaced. */
    public LessonFiles with(String path, byte[] data) {
        String why = unsafePathReason(path);
        if (why != null) {
            throw new IllegalArgumentException("'" + path + "': " + why);
        }
        TreeMap<String, byte[]> copy = new TreeMap<>(files);
        copy.put(path, data.clone());
        return new LessonFiles(displayBase, copy);
    }

    /** A copy with one text file (UTF-8) added or replaced. */
    public LessonFiles withText(String path, String text) {
        return with(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy without the file. */
    public LessonFiles without(String path) {
        TreeMap<String, byte[]> copy = new TreeMap<>(files);
        copy.remove(path);
        return new LessonFiles(displayBase, copy);
    }

    /** A copy named differently in messages. */
    public LessonFiles withDisplayBase(String base) {
        return new LessonFiles(base, files);
    }

    /** The files as a zip archive (entries sorted, fixed times, so the same lesson gives the same bytes). */
    public byte[] toZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(FIXED_ZIP_TIME);
                z.putNextEntry(entry);
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** 2024-01-01 00:00 local time: zip times carry no zone; any fixed value keeps archives reproducible. */
    private static final long FIXED_ZIP_TIME = 1704067200000L;
}
