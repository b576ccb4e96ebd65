package org.resolvefx.bench;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.resolvefx.core.capture.CaptureFiles;
import org.resolvefx.core.namespace.NamespaceBuilder;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.namespace.WorldNamespace;
import org.resolvefx.core.playback.Playback;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.CaptureImport;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.app.Theme;
import org.resolvefx.ui.namespace.DefaultCollapse;
import org.resolvefx.ui.namespace.Highlights;
import org.resolvefx.ui.namespace.NamespaceView;
import org.resolvefx.ui.trace.TraceViewModel;
import org.xbill.DNS.Name;

/**
 * The namespace view on a tree of about 2,000 names (the default world plus 40 zones of 50 hosts
 * under com), with the lecture's capture a-recursive-cold playing. Measures what a cursor step costs
 * (the marks, then restyling the scene graph) and what a tree change costs (collapse policy, laying
 * out and building the whole drawing with CSS and text measurement). The JavaFX parts run on the
 * FX thread of a headless Monocle platform with the software renderer; rendering itself is not
 * included. Run:
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main NamespaceViewBench -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NamespaceViewBench {
    private NamespaceTree tree;
    private Playback playback;
    private Set<Name> interesting;
    private int position;
    private TraceViewModel model;
    private NamespaceView view;
    private Stage stage;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        NamespaceBuilder b = new NamespaceBuilder().add(WorldNamespace.of(WorldLoader.loadDefault()));
        for (int i = 0; b.snapshot().size() < 2000 && i < 5000; i++) {
            b.addQuestion(Name.fromString("host" + i + ".customer" + (i / 50) + ".com."));
            if (i % 50 == 0) {
                b.addZone(Name.fromString("customer" + (i / 50) + ".com."), List.of());
            }
        }
        tree = b.snapshot();
        Path capture = Path.of(NamespaceViewBench.class.getResource("/org/resolvefx/ui/namespace/a-recursive-cold.pcap")
                .toURI());
        Trace trace = CaptureImport.toTraces(CaptureFiles.readAll(capture).packets(), "a-recursive-cold").stream()
                .filter(t -> t.mode() == ResolutionMode.RECURSIVE).findFirst().orElseThrow();
        playback = Playback.of(trace);
        PlaybackState last = playback.last();
        interesting = new HashSet<>(last.namespaceFocus().zonePath());
        interesting.addAll(last.namespaceFocus().nameChain());

        // a headless JavaFX platform, as TestFX sets it up for the UI tests
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        FutureTask<Void> start = new FutureTask<>(() -> {
            javafx.application.Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            model = new TraceViewModel();
            model.animateProperty().set(false);
            view = new NamespaceView(model);
            Scene scene = new Scene(view, 1200, 760);
            scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
            model.load(trace, tree);
            view.expandAll();
            return null;
        });
        Platform.startup(start);
        start.get();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        onFx(() -> {
            stage.close();
            return null;
        });
        Platform.exit();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        FutureTask<T> task = new FutureTask<>(c);
        Platform.runLater(task);
        return task.get();
    }

    /** The marks of one position (pure Java; what a step computes before touching the scene graph). */
    @Benchmark
    public Highlights highlightsOfAPosition() {
        position = (position + 1) % (playback.length() + 1);
        return Highlights.of(tree, playback.stateAt(position).namespaceFocus(), Set.of());
    }

    /** The default collapse policy for the 2,000 names. */
    @Benchmark
    public Set<Name> defaultCollapse() {
        return DefaultCollapse.of(tree, interesting);
    }

    /** One cursor step with all 2,000 names drawn: marks plus restyling what changed (FX thread). */
    @Benchmark
    public int stepWithTwoThousandNamesDrawn() throws Exception {
        return onFx(() -> {
            if (model.canStepForward()) {
                model.stepForward();
            } else {
                model.toStart();
            }
            return model.position();
        });
    }

    /** A tree change: lay out and build the drawing of all 2,000 names again (FX thread). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int relayoutTwoThousandNames() throws Exception {
        return onFx(() -> {
            view.expandAll();
            return view.visibleNodeCount();
        });
    }
}
