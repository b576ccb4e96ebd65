package org.resolvefx.ui.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.resolvefx.core.capture.CaptureFiles;
import org.resolvefx.core.capture.DnsPacket;
import org.resolvefx.core.capture.MessageSource;

/**
 * Reads a capture or message file off the JavaFX thread. The file is opened (and its format
 * recognised) before anything on screen changes, so a file that cannot be read leaves the
 * current one in place. Rows then reach the UI in batches through {@link Platform#runLater},
 * the first at once, so the list fills while the rest loads; cancelling stops between packets.
 */
public final class CaptureLoadTask extends Task<CaptureLoadTask.Result> {
    private static final int BATCH_ROWS = 2_000;
    private static final long BATCH_NANOS = 100_000_000L;

    /** How reading ended: messages read, other frames skipped, and the fault that stopped it, if any. */
    public record Result(Path file, long messages, long framesSkipped, String fault, boolean cancelled) {
    }

    private final Path file;
    private final Runnable onOpened;
    private final Consumer<List<MessageRow>> onBatch;

    /**
     * @param onOpened called on the JavaFX thread once the file is recognised, before the first batch
     * @param onBatch  called on the JavaFX thread with each batch of rows, in file order
     */
    public CaptureLoadTask(Path file, Runnable onOpened, Consumer<List<MessageRow>> onBatch) {
        this.file = file;
        this.onOpened = onOpened;
        this.onBatch = onBatch;
    }

    @Override
    protected Result call() throws IOException {
        try (MessageSource source = CaptureFiles.open(file)) {
            Platform.runLater(onOpened);
            long count = 0;
            Instant first = null;
            List<MessageRow> batch = new ArrayList<>();
            long lastFlush = System.nanoTime();
            String fault = null;
            while (!isCancelled()) {
                DnsPacket p;
                try {
                    p = source.next();
                } catch (IOException e) {
                    fault = e.getMessage();
                    break;
                }
                if (p == null) {
                    break;
                }
                if (first == null) {
                    first = p.time();
                }
                batch.add(new MessageRow(p, first));
                count++;
                long now = System.nanoTime();
                // the first row goes out alone so the list is never empty while a big file loads
                if (count == 1 || batch.size() >= BATCH_ROWS || now - lastFlush >= BATCH_NANOS) {
                    flush(batch);
                    batch = new ArrayList<>();
                    lastFlush = now;
                    long total = source.totalBytes();
                    if (total > 0) {
                        updateProgress(source.bytesRead(), total);
                    }
                    updateMessage(Long.toString(count));
                }
            }
            flush(batch);
            return new Result(file, count, source.framesSkipped(), fault, isCancelled());
        }
    }

    private void flush(List<MessageRow> batch) {
        if (!batch.isEmpty()) {
            List<MessageRow> rows = List.copyOf(batch);
            Platform.runLater(() -> onBatch.accept(rows));
        }
    }
}
