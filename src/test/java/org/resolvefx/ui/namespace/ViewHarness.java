package org.resolvefx.ui.namespace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.resolvefx.core.namespace.NamespaceNode;
import org.resolvefx.ui.app.Theme;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.trace.TraceViewModel;

/** A namespace view in a stage of its own, in a theme, for the headless UI tests. */
final class ViewHarness {
    /** Fits Monocle's default headless screen (1280 x 800). */
    static final double WIDTH = 1200;
    static final double HEIGHT = 760;

    final TraceViewModel model = new TraceViewModel();
    final NamespaceView view;
    final Scene scene;

    ViewHarness(Stage stage, Theme theme) {
        I18n.setLocale(I18n.ENGLISH);
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        view = new NamespaceView(model);
        scene = new Scene(view, WIDTH, HEIGHT);
        scene.getStylesheets().setAll(theme.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    void theme(Theme theme) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        scene.getStylesheets().setAll(theme.stylesheets());
    }

    /**
     * What the scene graph shows, one line per drawn name, zone region and edge, with its style
     * classes and tags: two positions look the same exactly when these are equal.
     */
    String drawn() {
        List<String> lines = new ArrayList<>();
        for (NamespaceNode n : view.displayedTree().nodes()) {
            view.nodeFor(n.name()).ifPresent(g -> lines.add("node " + n.name() + " " + classes(g) + " "
                    + view.tagTexts(n.name())));
            if (n.zoneApex() && view.nodeFor(n.name()).isPresent()) {
                lines.add("zone " + n.name() + " " + new TreeSet<>(view.zoneStyleClasses(n.name())));
            }
            if (n.depth() > 0 && view.nodeFor(n.name()).isPresent()) {
                lines.add("edge " + n.name() + " " + new TreeSet<>(view.edgeStyleClasses(n.name())));
            }
        }
        lines.add("referral arrow " + view.referralArrowShown());
        return String.join("\n", lines);
    }

    static Set<String> classes(Node n) {
        return new TreeSet<>(n.getStyleClass());
    }
}
