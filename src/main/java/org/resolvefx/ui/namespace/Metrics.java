package org.resolvefx.ui.namespace;

/**
 * Sizes of the tree drawing in pixels, all proportional to the root font size ({@code em}), so the
 * projector theme's larger type spreads the tree out as much as it enlarges the labels. The hull
 * padding and outline widths live in namespace.css (also in em); the gaps here leave room for them.
 */
record Metrics(double em) {
    double padX() {
        return 0.55 * em;
    }

    double padY() {
        return 0.25 * em;
    }

    double minBoxWidth() {
        return 2.4 * em;
    }

    double captionGap() {
        return 0.3 * em;
    }

    double toggleRadius() {
        return 0.55 * em;
    }

    double toggleGap() {
        return 0.1 * em;
    }

    /** Space between neighbouring blocks on a level: two zone outlines (2 x 0.8em) plus air. */
    double hgap() {
        return 2.2 * em;
    }

    /** Space between levels: two zone outlines, a cut mark between them, tags above the lower boxes. */
    double vgap() {
        return 3.0 * em;
    }

    double tagGap() {
        return 0.3 * em;
    }

    double tagPadX() {
        return 0.35 * em;
    }

    double tagPadY() {
        return 0.08 * em;
    }

    double cutHalfLength() {
        return 0.75 * em;
    }

    double margin() {
        return 1.5 * em;
    }

    double topMargin() {
        return 3 * em;
    }

    /** How far beside the tree edges the referral arrow runs. */
    double referralOffset() {
        return 0.9 * em;
    }

    double referralReach() {
        return 3.5 * em;
    }
}
