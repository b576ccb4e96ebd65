package org.resolvefx.core.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Saves that never leave a half-written file: the bytes go to a temporary file in the target's
 * directory (same file system, so the rename is atomic), are forced to disk, and then replace the
 * target in one ATOMIC_MOVE. Where the file system cannot move atomically, a plain REPLACE_EXISTING
 * move is the fallback.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path target, byte[] data) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            keepPermissions(absolute, temp);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Temporary files are created private (rw-------); a saved trace or capture should keep the
     * target's permissions, or get the usual rw-r--r-- when it is new.
     */
    private static void keepPermissions(Path target, Path temp) {
        try {
            if (!Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                return;
            }
            Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(temp, perms);
        } catch (IOException | UnsupportedOperationException e) {
            // permissions are a courtesy; the save itself must not fail for them
        }
    }
}
