package org.resolvefx.core.predict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.WorldException;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** "What changed" after a what-if edit of the default world. */
class TraceComparisonTest {
    private static final Name TUD = Name.fromConstantString("tu-darmstadt.de.");

    private static Trace resolve(SandboxWorld w, String name) {
        return PredictFixtures.sandbox(w).resolve(Question.of(name, Type.A), ResolutionMode.RECURSIVE);
    }

    @Test
    void aChangedAddressChangesTheAnswerButNotTheServers() throws WorldException {
        SandboxWorld before = PredictFixtures.defaultWorld();
        String text = before.zone(TUD).orElseThrow().masterText()
                .replace("www     IN A    127.0.3.80", "www     IN A    127.0.3.99");
        SandboxWorld after = before.withZoneText(TUD, text);
        TraceComparison c = TraceComparison.of(resolve(before, "www.tu-darmstadt.de"), resolve(after, "www.tu-darmstadt.de"));
        assertThat(c.outcomeBefore().en()).isEqualTo("A 127.0.3.80");
        assertThat(c.outcomeAfter().en()).isEqualTo("A 127.0.3.99");
        assertThat(c.sameOutcome()).isFalse();
        assertThat(c.sameServers()).isTrue();
        assertThat(c.serversAfter()).containsExactly("a.root-servers.net", "a.nic.de", "ns1.hrz.tu-darmstadt.de");
        assertThat(c.summary().en()).isEqualTo("Answer changed: A 127.0.3.80 \u2192 A 127.0.3.99 \u00b7 same servers asked (3)"
                + " \u00b7 messages: 8 \u2192 8");
        assertThat(c.summary().de()).startsWith("Antwort geändert: A 127.0.3.80 \u2192 A 127.0.3.99");
    }

    @Test
    void aNewDelegationAddsAServerAndBreaksTheAnswer() throws WorldException {
        SandboxWorld before = PredictFixtures.defaultWorld();
        // delegate p2p to the informatik server, which does not serve it: a lame delegation
        String text = before.zone(TUD).orElseThrow().masterText()
                + "p2p 3600 IN NS ns.informatik.tu-darmstadt.de.\n";
        SandboxWorld after = before.withZoneText(TUD, text);
        TraceComparison c = TraceComparison.of(resolve(before, "www.p2p.tu-darmstadt.de"),
                resolve(after, "www.p2p.tu-darmstadt.de"));
        assertThat(c.outcomeBefore().en()).isEqualTo("A 127.0.31.10");
        assertThat(c.outcomeAfter().en()).startsWith("no answer");
        assertThat(c.summary().en()).startsWith("Answer changed: A 127.0.31.10 \u2192 no answer (");
        assertThat(c.sameOutcome()).isFalse();
    }

    @Test
    void theSameWorldGivesTheSameSummary() {
        SandboxWorld w = PredictFixtures.defaultWorld();
        TraceComparison c = TraceComparison.of(resolve(w, "nosuchhost.tu-darmstadt.de"),
                resolve(w, "nosuchhost.tu-darmstadt.de"));
        assertThat(c.sameOutcome()).isTrue();
        assertThat(c.summary().en()).startsWith("Same answer: NXDOMAIN \u00b7 same servers asked (3)");
        assertThat(c.serversAdded()).isEmpty();
        assertThat(c.serversRemoved()).isEmpty();
    }
}
