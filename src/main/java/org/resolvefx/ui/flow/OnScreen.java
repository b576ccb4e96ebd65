package org.resolvefx.ui.flow;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Whether a view is on screen. The flow figure and the sequence diagram share a tab pane: the one in
 * the other tab stays in the scene but invisible, and drawing every step into it would cost as much
 * as drawing the visible one. Views skip the work while hidden and catch up from the state when shown.
 */
final class OnScreen {
    private OnScreen() {
    }

    /** True when the node and all its ancestors are visible. */
    static boolean isTreeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs {@code shown} whenever the node's parent (a tab's content area) or the node itself turns
     * visible. Hiding further up (a closed pane) takes the node out of the scene, which the views
     * handle with their scene listeners.
     */
    static void whenShown(Node node, Runnable shown) {
        ChangeListener<Boolean> onVisible = (o, was, is) -> {
            if (is) {
                shown.run();
            }
        };
        node.visibleProperty().addListener(onVisible);
        node.parentProperty().addListener((o, oldParent, newParent) -> {
            if (oldParent != null) {
                oldParent.visibleProperty().removeListener(onVisible);
            }
            if (newParent != null) {
                newParent.visibleProperty().addListener(onVisible);
            }
        });
        Parent p = node.getParent();
        if (p != null) {
            p.visibleProperty().addListener(onVisible);
        }
    }
}
