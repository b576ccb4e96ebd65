package org.resolvefx.core.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resolvefx.core.playback.TraceKit.CLIENT;
import static org.resolvefx.core.playback.TraceKit.DE;
import static org.resolvefx.core.playback.TraceKit.INF;
import static org.resolvefx.core.playback.TraceKit.QNAME;
import static org.resolvefx.core.playback.TraceKit.RESOLVER;
import static org.resolvefx.core.playback.TraceKit.ROOT;
import static org.resolvefx.core.playback.TraceKit.ROOT_B;
import static org.resolvefx.core.playback.TraceKit.TUD;
import static org.resolvefx.core.playback.TraceKit.TUD2;
import static org.resolvefx.core.playback.TraceKit.query;
import static org.resolvefx.core.playback.TraceKit.received;
import static org.resolvefx.core.playback.TraceKit.sent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.playback.LectureCaptures;
import org.resolvefx.core.playback.TraceKit;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.WireMessage;
import org.xbill.DNS.Type;

class FlowLayoutTest {

    static FlowBox box(FlowDiagram d, String id) {
        return d.box(id).orElseThrow();
    }

    @Test
    void recursiveLookupLooksLikeTheLectureSlide() {
        FlowDiagram d = FlowLayout.of(TraceKit.lectureRecursive());
        FlowBox client = box(d, "client");
        FlowBox resolver = box(d, "resolver");
        FlowBox root = box(d, "root");
        FlowBox de = box(d, "de");
        FlowBox tud = box(d, "tud");
        // servers on the right, stacked top to bottom as the walk goes down the tree
        assertThat(List.of(root, de, tud)).allMatch(b -> b.column() == FlowColumn.SERVERS && b.x() == root.x());
        assertThat(root.y()).isLessThan(de.y());
        assertThat(de.y()).isLessThan(tud.y());
        // the local resolver on the left, in the middle; the client at the bottom left
        assertThat(resolver.x()).isLessThan(root.x() - root.width());
        assertThat(resolver.y()).isGreaterThan(root.y()).isLessThan(tud.y());
        assertThat(client.x()).isEqualTo(resolver.x());
        assertThat(client.y()).isGreaterThan(tud.y());
        assertThat(d.boxes()).allMatch(b -> b.y() <= client.y() && b.x() >= client.x());
        assertThat(client.column()).isEqualTo(FlowColumn.HOSTS);
        assertThat(root.zoneName().map(Object::toString)).contains(".");
        assertThat(d.bands()).extracting(b -> b.zone().toString()).containsExactly(".", "de.", "tu-darmstadt.de.");
        assertThat(d.mode()).isEqualTo(ResolutionMode.RECURSIVE);
        assertNoOverlaps(d);
    }

    @Test
    void inIterativeModeTheClientTakesTheResolversPlace() {
        FlowDiagram d = FlowLayout.of(TraceKit.lectureIterative());
        FlowBox client = box(d, "client");
        assertThat(client.y()).isGreaterThan(box(d, "root").y()).isLessThan(box(d, "tud").y());
        assertThat(client.x()).isLessThan(box(d, "root").x());
    }

    @Test
    void manyServersSideLookupsAndLanes() {
        Endpoint manDa = TraceKit.endpoint("manda", "127.0.8.1", 53, Role.AUTHORITATIVE, "ns.man-da.de.", "man-da.de.");
        byte[] q = query(QNAME, Type.A, 1, false);
        byte[] side = query("ns.man-da.de.", Type.A, 2, false);
        List<TraceEvent> events = List.of(
                sent(0, RESOLVER, ROOT_B, q), received(1, ROOT_B, RESOLVER, TraceKit.referral(q, "de.", "a.nic.de.",
                        "127.0.2.1")),
                sent(2, RESOLVER, DE, q),
                sent(3, RESOLVER, TUD2, q),
                new TraceEvent.SideResolutionStarted(4, TraceKit.name("ns.man-da.de."), TraceKit.say("side")),
                sent(5, RESOLVER, manDa, side),
                new TraceEvent.SideResolutionFinished(5, TraceKit.name("ns.man-da.de."), List.of(), false,
                        TraceKit.say("side failed")),
                new TraceEvent.MessageSent(6, TraceKit.msg(RESOLVER, TUD, q, Transport.TCP), TraceKit.say("tcp")),
                new TraceEvent.MessageReceived(7, TraceKit.msg(TUD, RESOLVER, TraceKit.answer(q, true, false,
                        QNAME + " 60 IN A 1.2.3.4"), Transport.TCP), true, null, TraceKit.say("tcp answer")),
                sent(8, RESOLVER, INF, q),
                sent(9, RESOLVER, ROOT, q));
        Trace t = TraceKit.trace(ResolutionMode.RECURSIVE, List.of(CLIENT, RESOLVER, ROOT, ROOT_B, DE, TUD, TUD2, INF,
                manDa), List.of(), events);
        FlowDiagram d = FlowLayout.of(t);
        assertNoOverlaps(d);
        assertThat(box(d, "manda").column()).isEqualTo(FlowColumn.SIDE_SERVERS);
        assertThat(box(d, "manda").x()).isGreaterThan(box(d, "root").x() + FlowLayout.BOX_WIDTH);
        List<String> column = d.boxes().stream().filter(b -> b.column() == FlowColumn.SERVERS)
                .map(FlowBox::endpointId).toList();
        // root-b was asked first; tud2 before tud; the informatik zone is deeper
        assertThat(column).containsExactly("root-b", "root", "de", "tud2", "tud", "inf");
        assertThat(d.bands()).extracting(b -> b.zone().toString() + "@" + b.column()).containsExactly(".@SERVERS",
                "de.@SERVERS", "tu-darmstadt.de.@SERVERS", "informatik.tu-darmstadt.de.@SERVERS",
                "man-da.de.@SIDE_SERVERS");
        ZoneBand rootBand = d.bands().get(0);
        assertThat(rootBand.top()).isLessThan(box(d, "root-b").y());
        assertThat(rootBand.bottom()).isGreaterThan(box(d, "root").y());
        // servers of one zone stand closer together than zones do
        assertThat(box(d, "root").y() - box(d, "root-b").y()).isLessThan(box(d, "de").y() - box(d, "root").y());

        List<FlowRoute> routes = d.routes(t.messages());
        assertThat(routes).hasSize(t.messages().size());
        FlowRoute query = routes.get(0);
        FlowRoute answer = routes.get(1);
        assertThat(query.lane()).isPositive();
        assertThat(answer.lane()).isNegative();
        // query and response between the same hosts run parallel on opposite sides of the centre line
        assertThat(side(query, box(d, "resolver"), box(d, "root-b")))
                .isEqualTo(-side(answer, box(d, "resolver"), box(d, "root-b")));
        assertThat(query.x1()).isLessThan(query.x2()); // resolver (left) -> root (right)
        assertThat(answer.x1()).isGreaterThan(answer.x2());
        FlowRoute tcp = routes.get(5);
        assertThat(routes.get(4).toId()).isEqualTo("manda");
        assertThat(Math.abs(tcp.lane())).isGreaterThanOrEqualTo(3);
        assertThat(routes.get(6).lane()).isLessThanOrEqualTo(-3);
        // arrows start and end on the box borders, not inside
        for (FlowRoute r : routes) {
            assertThat(r.length()).isPositive();
            assertThat(inside(box(d, r.fromId()), r.x1(), r.y1())).isFalse();
            assertThat(inside(box(d, r.toId()), r.x2(), r.y2())).isFalse();
        }
    }

    @Test
    void repeatedMessagesStepIntoTheNextLane() {
        byte[] q = query(QNAME, Type.A, 1, false);
        List<TraceEvent> events = List.of(sent(0, RESOLVER, ROOT, q), sent(1, RESOLVER, ROOT, q),
                sent(2, RESOLVER, ROOT, q));
        Trace t = TraceKit.trace(ResolutionMode.RECURSIVE, List.of(CLIENT, RESOLVER, ROOT), List.of(), events);
        List<FlowRoute> r = FlowLayout.of(t).routes(t.messages());
        assertThat(r).extracting(FlowRoute::lane).containsExactly(1, 2, 1);
        assertThat(r.get(0).y1()).isNotEqualTo(r.get(1).y1());
    }

    @Test
    void hostsWithoutRolesArePlacedByWhatTheyDo() {
        Trace capture = org.resolvefx.core.playback.CaptureFixture.trace("a-recursive-cold.pcap",
                org.resolvefx.core.trace.Question.of("www.p2p.tu-darmstadt.de", Type.A), ResolutionMode.RECURSIVE,
                Map.of(), Map.of());
        FlowDiagram d = FlowLayout.of(capture);
        assertThat(box(d, "e127.0.0.53").role()).isEqualTo(Role.RESOLVER);
        assertThat(box(d, "e127.0.0.1").role()).isEqualTo(Role.CLIENT);
        assertThat(box(d, "e127.0.0.1").y()).isGreaterThan(box(d, "e127.0.0.53").y());
        assertThat(d.boxes()).filteredOn(b -> b.column() == FlowColumn.SERVERS).extracting(FlowBox::endpointId)
                .containsExactly("e127.0.1.1", "e127.0.2.1", "e127.0.3.1", "e127.0.3.3");
        assertNoOverlaps(d);
    }

    @Test
    void realCaptureWithRolesAndFit() {
        FlowDiagram d = FlowLayout.of(LectureCaptures.recursiveCold());
        assertNoOverlaps(d);
        ViewportFit fit = d.fit(1280, 720, 20, 100);
        for (FlowBox b : d.boxes()) {
            Bounds v = fit.toView(b.bounds());
            assertThat(v.minX()).isGreaterThanOrEqualTo(20 - 1e-9);
            assertThat(v.maxX()).isLessThanOrEqualTo(1260 + 1e-9);
            assertThat(v.minY()).isGreaterThanOrEqualTo(20 - 1e-9);
            assertThat(v.maxY()).isLessThanOrEqualTo(700 + 1e-9);
        }
    }

    @Test
    void messagesOfAnotherTraceAreRejectedClearly() {
        FlowDiagram d = FlowLayout.of(TraceKit.lectureIterative());
        WireMessage stranger = TraceKit.msg(RESOLVER, ROOT, query(QNAME, Type.A, 1, true));
        assertThatThrownBy(() -> d.routes(List.of(stranger))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("message 1").hasMessageContaining("'resolver'");
    }

    @Test
    void emptyTraceHasNoBoxes() {
        FlowDiagram d = FlowLayout.of(TraceKit.trace(ResolutionMode.STUB, List.of(), List.of(), List.of()));
        assertThat(d.boxes()).isEmpty();
        assertThat(d.routes(List.of())).isEmpty();
    }

    static void assertNoOverlaps(FlowDiagram d) {
        List<FlowBox> boxes = new ArrayList<>(d.boxes());
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(boxes.get(i).bounds().overlaps(boxes.get(j).bounds()))
                        .as("%s and %s overlap", boxes.get(i).endpointId(), boxes.get(j).endpointId()).isFalse();
            }
        }
    }

    private static boolean inside(FlowBox b, double x, double y) {
        Bounds r = b.bounds();
        double e = 1e-9;
        return x > r.minX() + e && x < r.maxX() - e && y > r.minY() + e && y < r.maxY() - e;
    }

    /** Which side of the line between two box centres the route's midpoint lies on (+1 / -1). */
    private static int side(FlowRoute r, FlowBox a, FlowBox b) {
        double cross = (b.x() - a.x()) * (r.labelY() - a.y()) - (b.y() - a.y()) * (r.labelX() - a.x());
        return (int) Math.signum(cross);
    }
}
