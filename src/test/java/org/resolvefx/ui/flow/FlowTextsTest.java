package org.resolvefx.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resolvefx.core.playback.Arrow;
import org.resolvefx.core.playback.Playback;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.ui.i18n.I18n;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;

/** The words of the two views, and how arrows are classified for drawing. */
class FlowTextsTest {

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-recursive-cold", "b-trace", "c-tc-tcp-fallback", "d-nxdomain"})
    void hoverSummariesOfTheRealCapturesAgreeWithDnsjava(String capture) throws Exception {
        for (Trace t : FlowFixtures.captureTraces(capture)) {
            for (Arrow a : Playback.of(t).last().arrows()) {
                Message m = new Message(a.message().bytes());
                String tip = FlowTexts.tooltip(a, "from", "to");
                String flags = m.getHeader().printFlags().trim();
                assertThat(tip).contains("Message " + a.number() + ": from \u2192 to")
                        .contains(flags.isEmpty() ? "Flags: none set" : "Flags: " + flags)
                        .contains("Answer " + m.getSection(Section.ANSWER).size())
                        .contains("Authority " + m.getSection(Section.AUTHORITY).size())
                        .contains("Additional " + m.getSection(Section.ADDITIONAL).size())
                        .contains(a.message().length() + " bytes over " + a.transport().name())
                        .contains(a.isQuery() ? "Query" : "Response");
                String qname = m.getQuestion().getName().toString(true);
                assertThat(tip).contains("Question: " + (qname.isEmpty() ? "." : qname));
                if (a.isResponse()) {
                    assertThat(tip).contains("RCODE " + org.xbill.DNS.Rcode.string(m.getRcode()));
                }
            }
        }
    }

    @Test
    void everyEventKindHasANoteInBothLanguages() {
        Trace t = FlowFixtures.troubled();
        List<TraceEvent> notes = new ArrayList<>();
        for (TraceEvent e : t.events()) {
            if (!(e instanceof TraceEvent.MessageSent) && !(e instanceof TraceEvent.MessageReceived)) {
                notes.add(e);
            }
        }
        Name server = name("ns.example.");
        notes.add(new TraceEvent.CnameRestart(1, name("www.example."), name("web.example."), false, say()));
        notes.add(new TraceEvent.SideResolutionStarted(1, server, say()));
        notes.add(new TraceEvent.SideResolutionFinished(1, server, List.of(), false, say()));
        notes.add(new TraceEvent.SideResolutionFinished(1, server, List.of(), true, say()));
        notes.add(new TraceEvent.CacheStore(1, List.of(), List.of(), say()));
        notes.add(new TraceEvent.Answer(1, org.xbill.DNS.Rcode.NXDOMAIN, List.of(), false, say()));
        notes.add(new TraceEvent.Answer(1, 0, List.of(), true, say()));
        for (TraceEvent.FailureReason r : TraceEvent.FailureReason.values()) {
            notes.add(new TraceEvent.Failure(1, r, "detail", say()));
        }
        for (Locale l : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            I18n.setLocale(l);
            for (TraceEvent e : notes) {
                assertThat(FlowTexts.note(e)).as(e.getClass().getSimpleName() + " in " + l).isNotBlank()
                        .doesNotContain("!flow.");
                assertThat(FlowTexts.noteIcon(e)).isNotNull();
                assertThat(FlowTexts.noteClass(e)).startsWith("note-");
            }
            for (Role r : Role.values()) {
                assertThat(FlowTexts.role(r)).doesNotContain("!");
            }
            for (TraceEvent.SkipReason r : TraceEvent.SkipReason.values()) {
                assertThat(FlowTexts.skipReason(r)).doesNotContain("!");
            }
        }
        I18n.setLocale(Locale.GERMAN);
        assertThat(FlowTexts.note(notes.get(0))).isEqualTo("Cache-Treffer: de NS");
        assertThat(FlowTexts.role(Role.RESOLVER)).isEqualTo("Lokaler DNS-Resolver");
        I18n.setLocale(Locale.ENGLISH);
        assertThat(FlowTexts.note(notes.get(0))).isEqualTo("cache hit: de NS");
    }

    @Test
    void namesAreWrittenAsStudentsReadThem() {
        assertThat(FlowTexts.zone(Name.root)).isEqualTo("root zone");
        assertThat(FlowTexts.zone(name("tu-darmstadt.de."))).isEqualTo("zone tu-darmstadt.de");
        assertThat(FlowTexts.plain("a.root-servers.net.")).isEqualTo("a.root-servers.net");
        assertThat(FlowTexts.question("www.example.com. A")).isEqualTo("www.example.com A");
        assertThat(FlowTexts.question(". NS")).isEqualTo(". NS");
        assertThat(FlowTexts.shortRecord("www.example. 300 IN A 1.2.3.4")).isEqualTo("www.example A 1.2.3.4");
        assertThat(FlowTexts.shortRecord("www.example. 300 IN CNAME web.example."))
                .isEqualTo("www.example CNAME web.example");
        assertThat(FlowTexts.shortRecord("odd")).isEqualTo("odd");
    }

    @Test
    void arrowsAreClassifiedByShapeAsWellAsColour() {
        List<Arrow> a = Playback.of(FlowFixtures.troubled()).last().arrows();
        assertThat(ArrowLook.of(a.get(0)).classes()).containsExactly("flow-arrow", "recursive", "query",
                "delivered", "pattern-solid");
        assertThat(ArrowLook.of(a.get(1)).classes()).contains("iterative", "lost", "pattern-dashed");
        assertThat(ArrowLook.of(a.get(1)).lost()).isTrue();
        assertThat(ArrowLook.of(a.get(2)).attempt()).isEqualTo(2);
        assertThat(ArrowLook.of(a.get(2)).classes()).contains("retry");
        assertThat(ArrowLook.of(a.get(3)).classes()).contains("ignored", "pattern-dotted");
        assertThat(ArrowLook.of(a.get(6)).errorTag()).isEqualTo("REFUSED");
        assertThat(ArrowLook.of(a.get(6)).classes()).contains("error");
        assertThat(ArrowLook.of(a.get(8)).classes()).contains("truncated");
        assertThat(ArrowLook.of(a.get(9)).classes()).contains("tcp", "pattern-solid");
        assertThat(ArrowLook.of(a.get(9)).tcp()).isTrue();
        // each look differs from every other look of a different kind
        assertThat(a.stream().map(x -> ArrowLook.of(x).classes()).distinct().count()).isGreaterThanOrEqualTo(8);
    }

    private static Name name(String s) {
        return org.resolvefx.core.playback.TraceKit.name(s);
    }

    private static org.resolvefx.core.trace.Narration say() {
        return org.resolvefx.core.playback.TraceKit.say("x");
    }
}
