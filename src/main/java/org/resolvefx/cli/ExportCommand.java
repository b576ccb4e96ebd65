package org.resolvefx.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.resolvefx.core.capture.CaptureFiles;
import org.resolvefx.core.capture.CaptureReadResult;
import org.resolvefx.core.trace.CaptureImport;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceFileException;
import org.resolvefx.core.trace.TraceFiles;
import org.resolvefx.ui.app.AppSettings;
import org.resolvefx.ui.app.ExportView;
import org.resolvefx.ui.app.MainWindow;
import org.resolvefx.ui.app.StepExport;
import org.resolvefx.ui.app.Theme;
import org.resolvefx.ui.i18n.I18n;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export}: every step of a lookup as numbered PNGs, drawn by the real views with no display
 * (JavaFX's headless Monocle platform, software rendering), for slides and reports.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Draw every step of a lookup (a .trace.json file, or a lookup found in a capture) as "
                + "numbered PNG pictures, with no display needed."},
        footer = {"", "Exit codes: 0 written, 1 the input could not be read or the pictures not written, 2 bad arguments.",
            "", "Examples:", "  export lookup.trace.json --png slides/",
            "  export capture.pcap --png slides/ --view tree --scale 3 --theme projector",
            "  export lookup.trace.json --png slides/ --steps 5-8 --lang de"})
public final class ExportCommand implements Callable<Integer> {
    static final int EXIT_INPUT = 1;
    static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TRACE-OR-CAPTURE", description = "A *.trace.json file, or a pcap/pcapng capture.")
    Path input;

    @Option(names = "--png", paramLabel = "DIR", required = true, description = "Folder for step-NNN.png (created if needed).")
    Path dir;

    @Option(names = "--view", paramLabel = "flow|tree|inspector|window",
            description = "What to draw (default: ${DEFAULT-VALUE}).")
    String view = "window";

    @Option(names = "--scale", paramLabel = "1|2|3", description = "Pixel scale (default: ${DEFAULT-VALUE}).")
    double scale = 2;

    @Option(names = "--theme", paramLabel = "light|dark|projector", description = "Look (default: ${DEFAULT-VALUE}).")
    String theme = "light";

    @Option(names = "--steps", paramLabel = "all|N|A-B",
            description = "Which steps: all, one step N, or a range A-B; step 0 is before the first message "
                    + "(default: ${DEFAULT-VALUE}).")
    String steps = "all";

    @Option(names = "--lookup", paramLabel = "K", description = "For a capture with several lookups: which one, "
            + "counted from 1 (default: ${DEFAULT-VALUE}).")
    int lookupNumber = 1;

    @Option(names = "--lang", paramLabel = "en|de", description = "Language of the texts (default: ${DEFAULT-VALUE}).")
    String lang = "en";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExportView what;
        Theme look;
        try {
            what = ExportView.parse(view);
        } catch (IllegalArgumentException e) {
            err.println("error: --view must be flow, tree, inspector or window, not '" + view + "'");
            return EXIT_USAGE;
        }
        look = Theme.parse(theme, null);
        if (look == null) {
            err.println("error: --theme must be light, dark or projector, not '" + theme + "'");
            return EXIT_USAGE;
        }
        if (scale < 0.5 || scale > 4) {
            err.println("error: --scale must be between 1 and 4");
            return EXIT_USAGE;
        }
        if (!lang.equals("en") && !lang.equals("de")) {
            err.println("error: --lang must be en or de");
            return EXIT_USAGE;
        }
        Trace trace;
        try {
            trace = readLookup();
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return EXIT_INPUT;
        }
        int[] range;
        try {
            range = stepRange(steps, trace.events().size());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return EXIT_USAGE;
        }
        try {
            int n = render(trace, what, look, range[0], range[1]);
            out.println("wrote " + n + " pictures (" + what.cliName() + ", " + trimmed(scale) + "x, " + look.name()
                    .toLowerCase(Locale.ROOT) + ") to " + dir);
            return 0;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return EXIT_INPUT;
        }
    }

    private static String trimmed(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private Trace readLookup() throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new IOException(input + ": no such file");
        }
        if (TraceFiles.looksLikeTrace(input)) {
            try {
                return TraceFiles.read(input);
            } catch (TraceFileException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        CaptureReadResult r = CaptureFiles.readAll(input);
        List<Trace> traces = CaptureImport.toTraces(r.packets(), input.getFileName().toString());
        if (traces.isEmpty()) {
            throw new IOException(input + ": no DNS lookup found" + (r.fault() == null ? "" : " (" + r.fault() + ")"));
        }
        if (lookupNumber < 1 || lookupNumber > traces.size()) {
            throw new IllegalArgumentException(input + " holds " + traces.size() + " lookups; --lookup "
                    + lookupNumber + " is not one of them");
        }
        return traces.get(lookupNumber - 1);
    }

    /** "all", "N" or "A-B" as an inclusive range within 0..length. */
    static int[] stepRange(String text, int length) {
        String s = text.trim();
        int from;
        int to;
        try {
            if (s.equalsIgnoreCase("all")) {
                from = 0;
                to = length;
            } else if (s.contains("-")) {
                from = Integer.parseInt(s.substring(0, s.indexOf('-')).trim());
                to = Integer.parseInt(s.substring(s.indexOf('-') + 1).trim());
            } else {
                from = Integer.parseInt(s);
                to = from;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--steps must be all, a step number or a range like 3-7, not '"
                    + text + "'");
        }
        if (from < 0 || to > length || from > to) {
            throw new IllegalArgumentException("--steps " + text + " is outside the lookup's steps 0-" + length);
        }
        return new int[] {from, to};
    }

    /** Starts JavaFX on the headless Monocle platform and draws the steps there. */
    private int render(Trace trace, ExportView what, Theme look, int from, int to) throws IOException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1920x1200-32");
        System.setProperty("java.awt.headless", "true");
        CompletableFuture<Integer> done = new CompletableFuture<>();
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // started before in this JVM (tests): fine
        }
        Platform.runLater(() -> {
            Preferences prefs = Preferences.userRoot().node("org/resolvefx/export-command");
            AppSettings settings = new AppSettings(prefs);
            settings.clear();
            settings.setTheme(look);
            settings.setLanguage(Locale.forLanguageTag(lang));
            try {
                Stage stage = new Stage();
                MainWindow window = new MainWindow(stage, settings);
                window.show();
                window.showLookup(trace, false);
                done.complete(new StepExport(window, what, scale).write(dir, from, to));
                stage.close();
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            } finally {
                settings.clear();
                I18n.setLocale(I18n.systemDefault());
            }
        });
        try {
            return done.get(10, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof IOException io ? io : new IOException(c.getMessage(), c);
        } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
            throw new IOException("drawing the pictures did not finish", e);
        }
    }
}
