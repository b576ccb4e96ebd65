package org.resolvefx.core.predict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Narration;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * What changed between two runs of a lookup (before and after a what-if edit): the servers asked,
 * the outcome and the number of messages, with a one-line summary in English and German.
 *
 * @param serversBefore servers asked in the first run, in order of first query (host names, else addresses)
 * @param serversAfter  servers asked in the second run
 * @param outcomeBefore the first run's outcome ("A 127.0.31.10", "NXDOMAIN", "NODATA", a failure)
 * @param outcomeAfter  the second run's outcome
 * @param messagesBefore messages on the wire in the first run
 * @param messagesAfter  messages on the wire in the second run
 */
public record TraceComparison(List<String> serversBefore, List<String> serversAfter, Narration outcomeBefore,
                              Narration outcomeAfter, int messagesBefore, int messagesAfter) {

    public TraceComparison {
        serversBefore = List.copyOf(serversBefore);
        serversAfter = List.copyOf(serversAfter);
        Objects.requireNonNull(outcomeBefore, "outcomeBefore");
        Objects.requireNonNull(outcomeAfter, "outcomeAfter");
    }

    public static TraceComparison of(Trace before, Trace after) {
        return new TraceComparison(serversAsked(before), serversAsked(after), outcome(before), outcome(after),
                before.messages().size(), after.messages().size());
    }

    public boolean sameOutcome() {
        return outcomeBefore.equals(outcomeAfter);
    }

    public boolean sameServers() {
        return serversBefore.equals(serversAfter);
    }

    /** Servers asked now that were not asked before. */
    public List<String> serversAdded() {
        List<String> out = new ArrayList<>(serversAfter);
        out.removeAll(serversBefore);
        return out;
    }

    /** Servers asked before that are not asked any more. */
    public List<String> serversRemoved() {
        List<String> out = new ArrayList<>(serversBefore);
        out.removeAll(serversAfter);
        return out;
    }

    /** "Answer changed: A 127.0.3.80 → A 127.0.3.99 · same servers asked (4) · messages: 8 → 8". */
    public Narration summary() {
        Narration answer = sameOutcome()
                ? PredictTexts.text("compare.sameAnswer", PredictTexts.args().with("answer", outcomeAfter))
                : PredictTexts.text("compare.answer", PredictTexts.args().with("before", outcomeBefore)
                .with("after", outcomeAfter));
        Narration servers;
        if (sameServers()) {
            servers = PredictTexts.text("compare.sameServers", PredictTexts.args()
                    .with("count", Integer.toString(serversAfter.size())));
        } else {
            Narration added = serversAdded().isEmpty() ? new Narration("", "")
                    : PredictTexts.text("compare.added", PredictTexts.args().with("list", String.join(", ", serversAdded())));
            Narration removed = serversRemoved().isEmpty() ? new Narration("", "")
                    : PredictTexts.text("compare.removed", PredictTexts.args()
                    .with("list", String.join(", ", serversRemoved())));
            servers = PredictTexts.text("compare.servers", PredictTexts.args()
                    .with("before", Integer.toString(serversBefore.size()))
                    .with("after", Integer.toString(serversAfter.size())));
            servers = new Narration(servers.en() + added.en() + removed.en(), servers.de() + added.de() + removed.de());
        }
        Narration messages = PredictTexts.text("compare.messages", PredictTexts.args()
                .with("before", Integer.toString(messagesBefore)).with("after", Integer.toString(messagesAfter)));
        return new Narration(answer.en() + " \u00b7 " + servers.en() + " \u00b7 " + messages.en(),
                answer.de() + " \u00b7 " + servers.de() + " \u00b7 " + messages.de());
    }

    /** Servers that received a query, in order, without the resolver a stub asked. */
    static List<String> serversAsked(Trace t) {
        Set<String> out = new LinkedHashSet<>();
        for (TraceEvent e : t.events()) {
            if (e instanceof TraceEvent.MessageSent s && !s.message().isResponse()) {
                Optional<Endpoint> to = t.endpoint(s.message().toId());
                if (to.isPresent() && to.get().role() == Role.RESOLVER) {
                    continue;
                }
                out.add(to.map(PredictQuestions::hostLabel).orElse(s.message().to().host()));
            }
        }
        return List.copyOf(out);
    }

    /** The records of the asked type ("A 127.0.31.10, A 127.0.31.11"), NXDOMAIN, NODATA, or the failure. */
    static Narration outcome(Trace t) {
        Optional<TraceEvent> end = t.outcome();
        if (end.isEmpty()) {
            return PredictTexts.text("compare.noOutcome");
        }
        if (end.get() instanceof TraceEvent.Failure f) {
            return PredictTexts.text("compare.failure", PredictTexts.args()
                    .with("reason", PredictTexts.text("failure." + f.reason().name())));
        }
        TraceEvent.Answer a = (TraceEvent.Answer) end.get();
        if (a.rcode() != Rcode.NOERROR) {
            String r = Rcode.string(a.rcode());
            return new Narration(r, r);
        }
        String asked = Type.string(t.question().type());
        List<String> wanted = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (String record : a.records()) {
            String[] p = record.trim().split("\\s+");
            if (p.length >= 5) {
                String text = p[3] + " " + String.join(" ", java.util.Arrays.copyOfRange(p, 4, p.length));
                all.add(text);
                if (p[3].equals(asked)) {
                    wanted.add(text);
                }
            }
        }
        List<String> shown = wanted.isEmpty() ? all : wanted;
        if (shown.isEmpty()) {
            return new Narration("NODATA", "NODATA");
        }
        String joined = String.join(", ", shown);
        return new Narration(joined, joined);
    }
}
