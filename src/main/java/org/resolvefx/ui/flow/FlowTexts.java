package org.resolvefx.ui.flow;

import java.util.List;
import java.util.Locale;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.resolvefx.core.playback.Arrow;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.wire.MessageSummary;
import org.resolvefx.ui.i18n.I18n;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Every text the two views show, from the bundle (keys "flow.*"), in the current language. */
final class FlowTexts {
    private FlowTexts() {
    }

    static String tcpTag() {
        return I18n.get("flow.tag.tcp");
    }

    static String malformedTag() {
        return I18n.get("flow.tag.malformed");
    }

    /** "Local DNS resolver", "Root name server", ... spelled out. */
    static String role(Role r) {
        return I18n.get("flow.role." + r.name().toLowerCase(Locale.ROOT));
    }

    static Ikon roleIcon(Role r) {
        return switch (r) {
            case CLIENT -> MaterialDesignL.LAPTOP;
            case RESOLVER -> MaterialDesignD.DATABASE;
            case ROOT, TLD, AUTHORITATIVE -> MaterialDesignS.SERVER;
            case UNKNOWN -> MaterialDesignS.SERVER_NETWORK;
        };
    }

    /** "zone de" / "root zone". */
    static String zone(Name zone) {
        return zone.equals(Name.root) ? I18n.get("flow.zone.root") : I18n.get("flow.zone", plain(zone));
    }

    /** A name as students read it: without the final dot ("." stays the root). */
    static String plain(Name n) {
        String s = n.toString(true);
        return s.isEmpty() ? "." : s;
    }

    static String plain(String serverName) {
        return serverName.length() > 1 && serverName.endsWith(".")
                ? serverName.substring(0, serverName.length() - 1) : serverName;
    }

    static String skipReason(TraceEvent.SkipReason r) {
        return I18n.get("flow.skip." + r.name());
    }

    static String cacheBadge(int hits) {
        return hits <= 1 ? I18n.get("flow.cache.badge") : I18n.get("flow.cache.badge.many", hits);
    }

    /** The arrow's label in the current language (ArrowLabel carries both), cut to {@code max} chars. */
    static String label(Arrow a, int max) {
        return a.label().abbreviated(I18n.locale(), max);
    }

    /** The hover summary of an arrow (header facts from the project's one-pass summary of the bytes). */
    static String tooltip(Arrow a, String fromName, String toName) {
        MessageSummary s = MessageSummary.of(a.message().unsafeBytes());
        StringBuilder t = new StringBuilder();
        t.append(I18n.get("flow.tip.header", a.number(), fromName, toName)).append('\n');
        t.append(I18n.get(a.isQuery() ? "flow.tip.query" : "flow.tip.response")).append(" \u00b7 ")
                .append(a.label().text(I18n.locale())).append('\n');
        t.append(s.flags().isEmpty() ? I18n.get("flow.tip.flags.none") : I18n.get("flow.tip.flags", s.flags()))
                .append('\n');
        if (!s.question().isEmpty()) {
            t.append(I18n.get("flow.tip.question", question(s.question()))).append('\n');
        }
        t.append(I18n.get("flow.tip.counts", s.answers(), s.authorities(), s.additionals())).append('\n');
        if (s.response()) {
            // the arrow's RCODE includes the EDNS extension bits; the header alone has the low four
            int rcode = a.rcode() >= 0 ? a.rcode() : s.rcode();
            t.append(I18n.get("flow.tip.rcode", Rcode.string(rcode))).append(" \u00b7 ");
        }
        t.append(I18n.get("flow.tip.size", s.length(), a.transport().name()));
        if (a.attempt() > 1) {
            t.append('\n').append(I18n.get("flow.tip.retry", a.attempt()));
        }
        switch (a.outcome()) {
            case LOST -> t.append('\n').append(I18n.get("flow.tip.lost"));
            case IGNORED -> t.append('\n').append(I18n.get("flow.tip.ignored"));
            case TRUNCATED -> t.append('\n').append(I18n.get("flow.tip.truncated"));
            case MALFORMED -> t.append('\n').append(I18n.get("flow.tip.malformed"));
            case ERROR, DELIVERED -> {
            }
        }
        return t.toString();
    }

    /** dig's "www.example.com. A" as students read it: "www.example.com A" (the root stays "."). */
    static String question(String digStyle) {
        int space = digStyle.lastIndexOf(' ');
        if (space <= 1) {
            return digStyle;
        }
        String name = digStyle.substring(0, space);
        return plain(name) + digStyle.substring(space);
    }

    /** Short name of an endpoint for tooltips: "a.root-servers.net (127.0.1.1)". */
    static String endpointName(Endpoint e, String fallbackId) {
        return e == null ? fallbackId : e.displayName();
    }

    /** What a note row of the sequence diagram says about a non-message event. */
    static String note(TraceEvent e) {
        if (e instanceof TraceEvent.CacheLookup c) {
            String key = switch (c.outcome()) {
                case HIT -> "flow.note.cacheHit";
                case NEGATIVE_HIT -> "flow.note.cacheNegative";
                case MISS -> "flow.note.cacheMiss";
            };
            return I18n.get(key, plain(c.name()), Type.string(c.type()));
        }
        if (e instanceof TraceEvent.CacheStore s) {
            if (s.stored().isEmpty()) {
                return I18n.get("flow.note.cacheStore.none");
            }
            var first = s.stored().get(0);
            String what = plain(first.name()) + " " + Type.string(first.type());
            return s.stored().size() == 1 ? I18n.get("flow.note.cacheStore", what)
                    : I18n.get("flow.note.cacheStore.more", what, s.stored().size() - 1);
        }
        if (e instanceof TraceEvent.ReferralFollowed r) {
            return I18n.get("flow.note.referral", plain(r.zone()));
        }
        if (e instanceof TraceEvent.CnameRestart c) {
            return I18n.get("flow.note.cname", plain(c.target()));
        }
        if (e instanceof TraceEvent.SideResolutionStarted s) {
            return I18n.get("flow.note.sideStart", plain(s.serverName()));
        }
        if (e instanceof TraceEvent.SideResolutionFinished s) {
            return I18n.get(s.success() ? "flow.note.sideEnd" : "flow.note.sideFailed", plain(s.serverName()));
        }
        if (e instanceof TraceEvent.Timeout t) {
            return I18n.get("flow.note.timeout", t.waitedMillis());
        }
        if (e instanceof TraceEvent.Retry r) {
            return I18n.get("flow.note.retry", r.attempt());
        }
        if (e instanceof TraceEvent.ServerSkipped s) {
            return I18n.get("flow.note.skipped", skipReason(s.reason()));
        }
        if (e instanceof TraceEvent.TcpFallback) {
            return I18n.get("flow.note.tcpFallback");
        }
        if (e instanceof TraceEvent.Answer a) {
            if (a.rcode() == Rcode.NXDOMAIN) {
                return I18n.get("flow.note.answerNx");
            }
            if (a.records().isEmpty()) {
                return I18n.get("flow.note.answerNodata");
            }
            String first = shortRecord(a.records().get(0));
            String what = a.records().size() == 1 ? first : first + " +" + (a.records().size() - 1);
            return I18n.get(a.fromCache() ? "flow.note.answerCache" : "flow.note.answer", what);
        }
        if (e instanceof TraceEvent.Failure f) {
            return I18n.get("flow.note.failure", I18n.get("flow.failure." + f.reason().name()));
        }
        return "";
    }

    /** The icon of a note row. */
    static Ikon noteIcon(TraceEvent e) {
        if (e instanceof TraceEvent.CacheLookup || e instanceof TraceEvent.CacheStore) {
            return MaterialDesignC.CACHED;
        }
        if (e instanceof TraceEvent.ReferralFollowed) {
            return MaterialDesignA.ARROW_DECISION;
        }
        if (e instanceof TraceEvent.CnameRestart) {
            return MaterialDesignR.RESTORE;
        }
        if (e instanceof TraceEvent.SideResolutionStarted || e instanceof TraceEvent.SideResolutionFinished) {
            return MaterialDesignS.SWAP_VERTICAL;
        }
        if (e instanceof TraceEvent.Timeout) {
            return MaterialDesignT.TIMER_OFF;
        }
        if (e instanceof TraceEvent.Retry) {
            return MaterialDesignR.REPLAY;
        }
        if (e instanceof TraceEvent.ServerSkipped) {
            return MaterialDesignC.CLOSE_OCTAGON;
        }
        if (e instanceof TraceEvent.TcpFallback) {
            return MaterialDesignL.LAN_DISCONNECT;
        }
        if (e instanceof TraceEvent.Answer) {
            return MaterialDesignC.CHECK_CIRCLE;
        }
        return MaterialDesignA.ALERT_OCTAGON;
    }

    /** The CSS class of a note row's kind (timeout and skip notes are drawn as warnings). */
    static String noteClass(TraceEvent e) {
        if (e instanceof TraceEvent.CacheLookup c) {
            return c.outcome() == TraceEvent.CacheOutcome.MISS ? "note-cache-miss" : "note-cache-hit";
        }
        if (e instanceof TraceEvent.Timeout || e instanceof TraceEvent.ServerSkipped
                || e instanceof TraceEvent.Failure) {
            return "note-problem";
        }
        if (e instanceof TraceEvent.TcpFallback) {
            return "note-tcp";
        }
        if (e instanceof TraceEvent.ReferralFollowed) {
            return "note-referral";
        }
        if (e instanceof TraceEvent.Answer) {
            return "note-answer";
        }
        return "note-plain";
    }

    /** "www.example. 300 IN A 1.2.3.4" -> "www.example A 1.2.3.4" (the parts students need). */
    static String shortRecord(String presentation) {
        String[] p = presentation.trim().split("\\s+");
        if (p.length >= 5 && p[2].equals("IN")) {
            StringBuilder b = new StringBuilder(plain(p[0])).append(' ').append(p[3]);
            for (int i = 4; i < p.length; i++) {
                b.append(' ').append(plain(p[i]));
            }
            return b.toString();
        }
        return presentation;
    }

    /** The legend entries in the order they are listed. */
    static List<String> legendKeys() {
        return List.of("recursive", "iterative", "current", "tcp", "lost", "retry", "ignored", "error", "skipped",
                "cache");
    }
}
