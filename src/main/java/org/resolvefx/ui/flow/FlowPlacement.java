package org.resolvefx.ui.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the number badge and label of every arrow of the message-flow figure go. Plain geometry in
 * the view's design pixels, no JavaFX, so it is unit-tested on its own.
 *
 * <p>Every arrow is a quadratic curve: it leaves and enters the boxes in the lanes of
 * {@code FlowDiagram.routes} and bows out in the middle, each arrow between the same two boxes to a
 * bow of its own (queries to one side, responses to the other). A badge and its label form one
 * "unit" that sits on the arrow itself, turned along it (or, on steep arrows, the label stands level
 * beside the badge), so a label can never be read as belonging to another arrow. Since every arrow of
 * a pair has its own bow, the units of a pair lie side by side at the top of their bows.
 *
 * <p>Greedy, in arrow order: each unit takes the free spot along its own curve nearest the top of
 * the bow that crosses the fewest other arrows. A unit never depends on later units, and the same
 * input always gives the same figure.
 *
 * <p>Trigonometry goes through {@link StrictMath}: {@code Math.sin} and friends may differ in the last
 * bit between JVMs and platforms (their specification allows it), and a unit that just touches another
 * must be placed the same way on every machine that draws the same trace.
 *
 * <p>Written by hand: graph-drawing libraries with edge-label placement (ELK, Graphviz) route the
 * edges themselves; here the lanes come from {@code FlowDiagram.routes} and only the bows, badges and
 * labels are to be chosen.
 */
public final class FlowPlacement {
    /** Beyond this many arrows units go to the top of their bows without collision checks. */
    static final int CHECKED_LIMIT = 2_000;
    /** Chords steeper than this (degrees) get level labels beside the badge, not turned ones. */
    static final double STEEP_DEGREES = 55;
    /** Spots tried along an arrow when labels show one at a time. */
    static final int SPARSE_TRIES = 15;

    private FlowPlacement() {
    }

    /** A quadratic Bezier curve from (x0, y0) through control (cx, cy) to (x2, y2). */
    public record Curve(double x0, double y0, double cx, double cy, double x2, double y2) {
        public static Curve straight(double x0, double y0, double x2, double y2) {
            return new Curve(x0, y0, (x0 + x2) / 2, (y0 + y2) / 2, x2, y2);
        }

        double xAt(double t) {
            double u = 1 - t;
            return u * u * x0 + 2 * u * t * cx + t * t * x2;
        }

        double yAt(double t) {
            double u = 1 - t;
            return u * u * y0 + 2 * u * t * cy + t * t * y2;
        }

        /** Direction of travel at t, in radians. */
        double angleAt(double t) {
            double dx = 2 * (1 - t) * (cx - x0) + 2 * t * (x2 - cx);
            double dy = 2 * (1 - t) * (cy - y0) + 2 * t * (y2 - cy);
            if (dx == 0 && dy == 0) {
                return StrictMath.atan2(y2 - y0, x2 - x0);
            }
            return StrictMath.atan2(dy, dx);
        }

        double chord() {
            return StrictMath.hypot(x2 - x0, y2 - y0);
        }

        /** The curve as {@code n} straight pieces (for crossing tests). */
        List<double[]> pieces(int n) {
            List<double[]> out = new ArrayList<>(n);
            double px = x0;
            double py = y0;
            for (int i = 1; i <= n; i++) {
                double t = (double) i / n;
                double x = xAt(t);
                double y = yAt(t);
                out.add(new double[] {px, py, x, y});
                px = x;
                py = y;
            }
            return out;
        }

        /**
         * The curve from a lane's end points that bows to {@code bow} pixels from the chord at its middle
         * (signed, along the normal (-uy, ux) of the chord direction {@code (ux, uy)}).
         */
        public static Curve bowed(double x0, double y0, double x2, double y2, double nx, double ny, double endOffset,
                           double bow) {
            // the middle of a quadratic curve is (P0 + 2C + P2) / 4: put it 'bow' from the line of the boxes
            double mx = (x0 + x2) / 2;
            double my = (y0 + y2) / 2;
            double c = 2 * bow - endOffset;
            double k = c - endOffset;
            return new Curve(x0, y0, mx + nx * k, my + ny * k, x2, y2);
        }
    }

    /**
     * A rectangle turned by {@code angle} radians about its centre. Immutable; the turn's sine and
     * cosine, the corners and the enclosing radius are worked out once, since placement tests every
     * candidate spot against everything placed before it.
     */
    public static final class Obb {
        private final double cx;
        private final double cy;
        private final double halfW;
        private final double halfH;
        private final double angle;
        private final double cos;
        private final double sin;
        private final double radius;
        private final double[][] corners;

        public Obb(double cx, double cy, double halfW, double halfH, double angle) {
            this.cx = cx;
            this.cy = cy;
            this.halfW = halfW;
            this.halfH = halfH;
            this.angle = angle;
            this.cos = StrictMath.cos(angle);
            this.sin = StrictMath.sin(angle);
            this.radius = StrictMath.hypot(halfW, halfH);
            this.corners = new double[4][];
            int i = 0;
            for (int sx : new int[] {-1, 1}) {
                for (int sy : new int[] {-1, 1}) {
                    double x = sx * halfW;
                    double y = sy * halfH;
                    corners[i++] = new double[] {cx + x * cos - y * sin, cy + x * sin + y * cos};
                }
            }
        }

        public static Obb axis(double minX, double minY, double maxX, double maxY) {
            return new Obb((minX + maxX) / 2, (minY + maxY) / 2, (maxX - minX) / 2, (maxY - minY) / 2, 0);
        }

        public double cx() {
            return cx;
        }

        public double cy() {
            return cy;
        }

        public double halfW() {
            return halfW;
        }

        public double halfH() {
            return halfH;
        }

        public double angle() {
            return angle;
        }

        Obb inflate(double d) {
            return new Obb(cx, cy, Math.max(0, halfW + d), Math.max(0, halfH + d), angle);
        }

        double[][] corners() {
            return corners;
        }

        /** Axis-aligned bounds: {minX, minY, maxX, maxY}. */
        double[] bounds() {
            double c = Math.abs(cos);
            double s = Math.abs(sin);
            double ex = halfW * c + halfH * s;
            double ey = halfW * s + halfH * c;
            return new double[] {cx - ex, cy - ey, cx + ex, cy + ey};
        }

        /** Separating-axis test for two turned rectangles (touching counts as not overlapping). */
        boolean overlaps(Obb o) {
            double dx = cx - o.cx;
            double dy = cy - o.cy;
            double reach = radius + o.radius;
            if (dx * dx + dy * dy >= reach * reach) {
                return false; // their enclosing circles are apart
            }
            return !separates(cos, sin, o) && !separates(-sin, cos, o) && !separates(o.cos, o.sin, o)
                    && !separates(-o.sin, o.cos, o);
        }

        private boolean separates(double ax, double ay, Obb o) {
            double minA = Double.POSITIVE_INFINITY;
            double maxA = Double.NEGATIVE_INFINITY;
            double minB = Double.POSITIVE_INFINITY;
            double maxB = Double.NEGATIVE_INFINITY;
            for (double[] p : corners) {
                double d = p[0] * ax + p[1] * ay;
                minA = Math.min(minA, d);
                maxA = Math.max(maxA, d);
            }
            for (double[] p : o.corners) {
                double d = p[0] * ax + p[1] * ay;
                minB = Math.min(minB, d);
                maxB = Math.max(maxB, d);
            }
            return maxA <= minB + 1e-9 || maxB <= minA + 1e-9;
        }

        /** True when the straight piece from (x1, y1) to (x2, y2) enters the rectangle. */
        boolean intersects(double x1, double y1, double x2, double y2) {
            // far pieces first: both ends beyond the enclosing circle on the same side of its centre
            if (Math.max(x1, x2) < cx - radius || Math.min(x1, x2) > cx + radius
                    || Math.max(y1, y2) < cy - radius || Math.min(y1, y2) > cy + radius) {
                return false;
            }
            // into the rectangle's own frame, then Liang-Barsky clipping against an axis-aligned box
            double ax = (x1 - cx) * cos + (y1 - cy) * sin;
            double ay = -(x1 - cx) * sin + (y1 - cy) * cos;
            double bx = (x2 - cx) * cos + (y2 - cy) * sin;
            double by = -(x2 - cx) * sin + (y2 - cy) * cos;
            double t0 = 0;
            double t1 = 1;
            double dx = bx - ax;
            double dy = by - ay;
            double[] p = {-dx, dx, -dy, dy};
            double[] q = {ax + halfW, halfW - ax, ay + halfH, halfH - ay};
            for (int i = 0; i < 4; i++) {
                if (p[i] == 0) {
                    if (q[i] < 0) {
                        return false;
                    }
                } else {
                    double t = q[i] / p[i];
                    if (p[i] < 0) {
                        t0 = Math.max(t0, t);
                    } else {
                        t1 = Math.min(t1, t);
                    }
                    if (t0 > t1) {
                        return false;
                    }
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return "Obb[cx=" + cx + ", cy=" + cy + ", halfW=" + halfW + ", halfH=" + halfH + ", angle=" + angle + "]";
        }
    }

    /**
     * What to place for one arrow.
     *
     * @param curve       the arrow
     * @param badgeRadius radius of its number badge
     * @param labelWidth  width of its label, 0 for none
     * @param labelHeight height of its label
     * @param outward     +1 or -1: the side (in x) a level label goes to on a steep arrow
     * @param headLength  length of the arrow head (kept free at the receiver's end)
     * @param preferredT  where along the curve the unit would best go (0.5: the top of the bow; more
     *                    towards the end whose box has fewer arrows fanning out of it)
     */
    public record Request(Curve curve, double badgeRadius, double labelWidth, double labelHeight, int outward,
                   double headLength, double preferredT) {
        public Request {
            Objects.requireNonNull(curve, "curve");
        }

        boolean hasLabel() {
            return labelWidth > 0 && labelHeight > 0;
        }

        boolean steep() {
            double a = StrictMath.toDegrees(StrictMath.atan2(Math.abs(curve.y2() - curve.y0()), Math.abs(curve.x2() - curve.x0())));
            return a > STEEP_DEGREES;
        }

        /** Length of badge and label in a row along the arrow. */
        double unitLength(double gap) {
            return hasLabel() ? 2 * badgeRadius + gap + labelWidth : 2 * badgeRadius;
        }
    }

    /**
     * Where one unit went.
     *
     * @param t            position along its curve (0 = sender, 1 = receiver)
     * @param badgeX       badge centre
     * @param badgeY       badge centre
     * @param labelX       label centre (NaN without label)
     * @param labelY       label centre
     * @param labelDegrees the label's turn, degrees, within (-90, 90] so that it reads left to right
     * @param crowded      no free spot: it overlaps a box or another unit
     * @param labelOnlyWhenCurrent no free spot for the label, only for the badge: show the label only
     *                     while the arrow is the current one (drawn on top then), the hover summary
     *                     always has it
     */
    public record Placed(double t, double badgeX, double badgeY, double labelX, double labelY, double labelDegrees,
                  boolean crowded, boolean labelOnlyWhenCurrent) {
        Placed withLabelOnlyWhenCurrent(Placed labelled) {
            return new Placed(t, badgeX, badgeY, labelled.labelX, labelled.labelY, labelled.labelDegrees, crowded,
                    true);
        }
    }

    /**
     * Places every request in order.
     *
     * @param obstacles  boxes and other fixed things no unit may cover
     * @param requests   one per arrow, in arrow order
     * @param gap        free space kept between things
     * @param dense      all labels show at once: units avoid each other's labels and count crossings of
     *                   other arrows; when false (long traces show one label at a time) labels only avoid
     *                   the obstacles and the badges
     */
    public static List<Placed> place(List<Obb> obstacles, List<Request> requests, double gap, boolean dense) {
        boolean checked = requests.size() <= CHECKED_LIMIT;
        List<double[]> pieces = new ArrayList<>();
        List<Integer> pieceOwner = new ArrayList<>();
        if (dense && checked) {
            for (int i = 0; i < requests.size(); i++) {
                for (double[] p : requests.get(i).curve().pieces(10)) {
                    pieces.add(p);
                    pieceOwner.add(i);
                }
            }
        }
        Grid taken = new Grid(64);
        List<Placed> out = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            Spot spot = bestSpot(r, i, obstacles, taken, pieces, pieceOwner, gap, checked, dense);
            if (spot.placed.crowded() && r.hasLabel() && dense) {
                // no room for badge and label: keep the badge clear and show the label only when current
                Request badgeOnly = new Request(r.curve(), r.badgeRadius(), 0, 0, r.outward(), r.headLength(),
                        r.preferredT());
                Spot alone = bestSpot(badgeOnly, i, obstacles, taken, pieces, pieceOwner, gap, checked, dense);
                if (!alone.placed.crowded()) {
                    Placed labelled = besideBadge(r, alone.placed, gap);
                    spot = new Spot(alone.placed.withLabelOnlyWhenCurrent(labelled), alone.parts);
                }
            }
            out.add(spot.placed);
            for (Obb part : spot.parts) {
                if (dense || part == spot.parts[0]) {
                    taken.add(part);
                }
            }
        }
        return out;
    }

    private record Spot(Placed placed, Obb[] parts) {
    }

    /**
     * The units placed so far, filed by square cells of their bounds, so that a candidate is tested
     * only against its neighbours (placing 1,000 arrows would otherwise test each against all).
     */
    private static final class Grid {
        private final double cell;
        private final java.util.Map<Long, List<Obb>> cells = new java.util.HashMap<>();

        Grid(double cell) {
            this.cell = cell;
        }

        void add(Obb o) {
            double[] b = o.bounds();
            for (long x = index(b[0]); x <= index(b[2]); x++) {
                for (long y = index(b[1]); y <= index(b[3]); y++) {
                    cells.computeIfAbsent(key(x, y), k -> new ArrayList<>(4)).add(o);
                }
            }
        }

        /** How many placed units the rectangle overlaps (each counted once). */
        int overlapping(Obb o) {
            double[] b = o.bounds();
            java.util.Set<Obb> hit = null;
            for (long x = index(b[0]); x <= index(b[2]); x++) {
                for (long y = index(b[1]); y <= index(b[3]); y++) {
                    List<Obb> in = cells.get(key(x, y));
                    if (in == null) {
                        continue;
                    }
                    for (Obb other : in) {
                        if (o.overlaps(other)) {
                            if (hit == null) {
                                hit = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                            }
                            hit.add(other);
                        }
                    }
                }
            }
            return hit == null ? 0 : hit.size();
        }

        private long index(double v) {
            return (long) Math.floor(v / cell);
        }

        private static long key(long x, long y) {
            return (x << 32) ^ (y & 0xFFFFFFFFL);
        }
    }

    private static Spot bestSpot(Request r, int i, List<Obb> obstacles, Grid taken, List<double[]> pieces,
                                 List<Integer> pieceOwner, double gap, boolean checked, boolean dense) {
        {
            Placed best = null;
            Obb[] bestParts = null;
            double bestScore = Double.POSITIVE_INFINITY;
            double chord = Math.max(1e-6, r.curve().chord());
            double half = (r.steep() ? 2 * r.badgeRadius() : r.unitLength(gap)) / 2;
            double lo = Math.min(0.5, (half + gap) / chord);
            double hi = Math.max(0.5, 1 - (half + gap + r.headLength()) / chord);
            double t0 = Math.max(lo, Math.min(hi, r.preferredT()));
            double step = Math.max(0.02, Math.min(0.06, r.badgeRadius() / chord));
            // long traces (one label at a time) look at fewer spots: a crowded badge there is no great loss
            int tries = !checked ? 1 : dense ? (int) Math.ceil(1 / step) * 2 + 1 : SPARSE_TRIES;
            for (int n = 0; n < tries; n++) {
                int m = (n + 1) / 2;
                double t = t0 + (n % 2 == 1 ? m : -m) * step;
                if (t < lo - 1e-9 || t > hi + 1e-9) {
                    continue;
                }
                Obb[] parts = parts(r, t, gap);
                Placed p = placedAt(r, t, gap);
                if (!checked) {
                    best = p;
                    bestParts = parts;
                    break;
                }
                double score = Math.abs(t - t0) * 40;
                for (Obb part : parts) {
                    Obb padded = part.inflate(gap / 2);
                    for (Obb o : obstacles) {
                        if (padded.overlaps(o)) {
                            score += 1_000_000;
                        }
                    }
                    score += 100_000 * taken.overlapping(padded);
                    for (int k = 0; k < pieces.size(); k++) {
                        if (pieceOwner.get(k) != i) {
                            double[] s = pieces.get(k);
                            if (part.intersects(s[0], s[1], s[2], s[3])) {
                                score += 2;
                            }
                        }
                    }
                }
                if (score < bestScore) {
                    bestScore = score;
                    best = new Placed(p.t(), p.badgeX(), p.badgeY(), p.labelX(), p.labelY(), p.labelDegrees(),
                            score >= 100_000, false);
                    bestParts = parts;
                }
            }
            if (best == null) {
                best = placedAt(r, t0, gap);
                bestParts = parts(r, t0, gap);
            }
            return new Spot(best, bestParts);
        }
    }

    /** The badge (first) and label (second, if any) of a unit at t. */
    static Obb[] parts(Request r, double t, double gap) {
        return parts(r, placedAt(r, t, gap));
    }

    /** The badge (first) and label (second, if the request has one) where they were placed. */
    static Obb[] parts(Request r, Placed p) {
        double rad = r.badgeRadius();
        Obb badge = new Obb(p.badgeX(), p.badgeY(), rad, rad, 0);
        if (!r.hasLabel()) {
            return new Obb[] {badge};
        }
        Obb label = new Obb(p.labelX(), p.labelY(), r.labelWidth() / 2, r.labelHeight() / 2,
                StrictMath.toRadians(p.labelDegrees()));
        return new Obb[] {badge, label};
    }

    /**
     * A label next to a badge that sits on the curve itself (for labels shown only while current): along
     * the curve after the badge, or level beside it on steep arrows.
     */
    static Placed besideBadge(Request r, Placed badge, double gap) {
        double rad = r.badgeRadius();
        if (r.steep()) {
            return new Placed(badge.t(), badge.badgeX(), badge.badgeY(),
                    badge.badgeX() + r.outward() * (rad + gap + r.labelWidth() / 2), badge.badgeY(), 0, false, false);
        }
        double a = fold(r.curve().angleAt(badge.t()));
        double d = rad + gap + r.labelWidth() / 2;
        return new Placed(badge.t(), badge.badgeX(), badge.badgeY(), badge.badgeX() + StrictMath.cos(a) * d,
                badge.badgeY() + StrictMath.sin(a) * d, StrictMath.toDegrees(a), false, false);
    }

    /** A direction folded into (-90, 90] degrees, so that text along it reads left to right. */
    private static double fold(double a) {
        if (a > Math.PI / 2) {
            return a - Math.PI;
        }
        if (a <= -Math.PI / 2) {
            return a + Math.PI;
        }
        return a;
    }

    /** The unit at t: on steep arrows badge on the curve and a level label beside it, else both along it. */
    static Placed placedAt(Request r, double t, double gap) {
        Curve c = r.curve();
        double x = c.xAt(t);
        double y = c.yAt(t);
        double rad = r.badgeRadius();
        if (!r.hasLabel()) {
            return new Placed(t, x, y, Double.NaN, 0, 0, false, false);
        }
        if (r.steep()) {
            double lx = x + r.outward() * (rad + gap + r.labelWidth() / 2);
            return new Placed(t, x, y, lx, y, 0, false, false);
        }
        // read left to right: turn by the direction of travel folded into (-90, 90] degrees
        double a = fold(c.angleAt(t));
        double ux = StrictMath.cos(a);
        double uy = StrictMath.sin(a);
        double len = r.unitLength(gap);
        double bx = x - ux * (len / 2 - rad);
        double by = y - uy * (len / 2 - rad);
        double lx = bx + ux * (rad + gap + r.labelWidth() / 2);
        double ly = by + uy * (rad + gap + r.labelWidth() / 2);
        return new Placed(t, bx, by, lx, ly, StrictMath.toDegrees(a), false, false);
    }
}
