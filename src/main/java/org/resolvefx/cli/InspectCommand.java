package org.resolvefx.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.resolvefx.core.capture.CaptureFiles;
import org.resolvefx.core.capture.DnsPacket;
import org.resolvefx.core.capture.MessageSource;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceFileException;
import org.resolvefx.core.trace.TraceFiles;
import org.resolvefx.core.trace.WireMessage;
import org.resolvefx.core.wire.Dissection;
import org.resolvefx.core.wire.DissectionError;
import org.resolvefx.core.wire.DissectionText;
import org.resolvefx.core.wire.Dissector;
import org.resolvefx.core.wire.FieldSpan;
import org.resolvefx.core.wire.MessageSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inspect}: every DNS message of a capture, message file or trace, dissected as Wireshark
 * would, as readable text, JSON, or one summary line per message.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Decode every DNS message in a pcap, pcapng, raw-message, hex-text or .trace.json file.",
            "Field names and values are Wireshark's (dns.flags.rd, dns.qry.name, ...)."},
        footer = {"", "Exit codes: 0 all decoded, 1 the file could not be read completely (what came before the",
            "fault is still printed), 2 bad arguments.",
            "", "Examples:", "  inspect capture.pcap", "  inspect --json capture.pcapng > fields.json",
            "  inspect --summary big.pcap | less"})
public final class InspectCommand implements Callable<Integer> {
    static final int EXIT_FAULT = 1;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "pcap, pcapng, raw DNS message, hex text, or *.trace.json")
    Path file;

    @Option(names = "--json", description = "A JSON array, one object per DNS message, fields in wire order.")
    boolean json;

    @Option(names = "--summary", description = "One line per message: frame, time, endpoints, id, flags, "
            + "question, answer count, rcode.")
    boolean summary;

    @Option(names = "--all-fields", description = "With --json: include ResolveFX's teaching fields "
            + "(resolvefx.name.label, ...) besides Wireshark's dns.* fields.")
    boolean allFields;

    @Option(names = "--hex", description = "In the readable output, add a hex dump of each message.")
    boolean hex;

    /** One message to print, from a capture or a trace. */
    private record Item(long frame, Instant time, SocketAddr src, SocketAddr dst, String transport, byte[] bytes) {
    }

    /** Where the items come from; throws IOException for a fault after some items were delivered. */
    private interface Items extends AutoCloseable {
        Item next() throws IOException;

        @Override
        void close() throws IOException;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (json && summary) {
            err.println("error: choose either --json or --summary, not both");
            return 2;
        }
        if (!Files.exists(file)) {
            err.println("error: " + file + ": no such file");
            return EXIT_FAULT;
        }
        if (Files.isDirectory(file)) {
            err.println("error: " + file + " is a folder, not a capture or message file");
            return EXIT_FAULT;
        }
        Writer out = output();
        String fault = null;
        try (Items items = open()) {
            if (json) {
                fault = writeJson(items, out);
            } else if (summary) {
                fault = writeSummary(items, out);
            } else {
                fault = writeText(items, out);
            }
        } catch (NoSuchFileException e) {
            fault = file + ": no such file";
        } catch (TraceFileException e) {
            fault = e.getMessage();
        } catch (IOException e) {
            // the format was not recognised, or the file could not be read at all
            fault = e.getMessage() == null ? e.toString() : e.getMessage();
        } finally {
            out.flush();
        }
        if (fault != null) {
            err.println("error: " + fault);
            err.flush();
            return EXIT_FAULT;
        }
        return 0;
    }

    private Writer output() {
        PrintWriter pw = spec.commandLine().getOut();
        // picocli's default writer wraps System.out; a big buffer keeps --summary of 400,000 lines fast
        return new BufferedWriter(pw, 1 << 16);
    }


    private Items open() throws IOException {
        if (TraceFiles.looksLikeTrace(file)) {
            Trace trace = TraceFiles.read(file);
            java.util.Iterator<TraceEvent> events = trace.events().iterator();
            long[] n = {0};
            return new Items() {
                @Override
                public Item next() {
                    while (events.hasNext()) {
                        TraceEvent e = events.next();
                        WireMessage m = e instanceof TraceEvent.MessageSent s ? s.message()
                                : e instanceof TraceEvent.MessageReceived r ? r.message() : null;
                        if (m != null) {
                            n[0]++;
                            long frame = m.frame() > 0 ? m.frame() : n[0];
                            Instant t = trace.startedAt().plusNanos(e.atMicros() * 1000L);
                            return new Item(frame, t, m.from(), m.to(), m.transport().jsonName(), m.unsafeBytes());
                        }
                    }
                    return null;
                }

                @Override
                public void close() {
                }
            };
        }
        MessageSource source = CaptureFiles.open(file);
        return new Items() {
            @Override
            public Item next() throws IOException {
                DnsPacket p = source.next();
                return p == null ? null : new Item(p.frame(), p.time(), p.src(), p.dst(), p.transport().jsonName(),
                        p.unsafeBytes());
            }

            @Override
            public void close() throws IOException {
                source.close();
            }
        };
    }

    private static boolean unknown(SocketAddr a) {
        return a.port() == 0 && a.address().isAnyLocalAddress();
    }

    private static String timeText(Instant t) {
        if (t.equals(Instant.EPOCH)) {
            return null;
        }
        StringBuilder sb = new StringBuilder(24);
        sb.append(t.getEpochSecond()).append('.');
        String nanos = Integer.toString(t.getNano());
        for (int i = nanos.length(); i < 9; i++) {
            sb.append('0');
        }
        return sb.append(nanos).toString();
    }

    // ------------------------------------------------------------------ readable text

    private String writeText(Items items, Writer out) throws IOException {
        long count = 0;
        try {
            for (Item it = items.next(); it != null; it = items.next()) {
                count++;
                Dissection d = Dissector.dissect(it.bytes());
                out.write("Frame " + it.frame());
                String t = timeText(it.time());
                if (t != null) {
                    out.write(" \u00b7 " + it.time());
                }
                if (!unknown(it.src())) {
                    out.write(" \u00b7 " + it.src() + " \u2192 " + it.dst());
                }
                out.write(" \u00b7 " + it.transport().toUpperCase(java.util.Locale.ROOT) + " \u00b7 "
                        + it.bytes().length + " bytes\n");
                out.write(DissectionText.render(d, it.bytes()));
                if (hex) {
                    out.write(DissectionText.hexDump(it.bytes()));
                }
                out.write('\n');
            }
        } catch (IOException e) {
            return e.getMessage() + " (after " + count + " messages)";
        }
        return null;
    }

    // ------------------------------------------------------------------ JSON

    private String writeJson(Items items, Writer out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.setPrettyPrinter(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter());
        g.writeStartArray();
        String fault = null;
        long count = 0;
        try {
            for (Item it = items.next(); it != null; it = items.next()) {
                count++;
                writeJsonMessage(g, it);
            }
        } catch (IOException e) {
            fault = e.getMessage() + " (after " + count + " messages)";
        }
        g.writeEndArray();
        g.flush();
        out.write('\n');
        return fault;
    }

    private void writeJsonMessage(JsonGenerator g, Item it) throws IOException {
        Dissection d = Dissector.dissect(it.bytes());
        g.writeStartObject();
        g.writeNumberField("frame", it.frame());
        g.writeStringField("time", timeText(it.time()));
        g.writeStringField("src", unknown(it.src()) ? null : it.src().toString());
        g.writeStringField("dst", unknown(it.dst()) ? null : it.dst().toString());
        g.writeStringField("transport", it.transport());
        g.writeArrayFieldStart("fields");
        for (FieldSpan f : d.fields()) {
            writeJsonField(g, f);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("errors");
        for (DissectionError e : d.errors()) {
            g.writeStartObject();
            g.writeNumberField("offset", e.offset());
            g.writeStringField("message", e.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeJsonField(JsonGenerator g, FieldSpan f) throws IOException {
        if (allFields || f.isWiresharkField()) {
            g.writeStartObject();
            g.writeStringField("name", f.id());
            g.writeStringField("value", f.value());
            g.writeNumberField("offset", f.offset());
            g.writeNumberField("length", f.length());
            g.writeNumberField("mask", f.mask());
            g.writeEndObject();
        }
        for (FieldSpan c : f.children()) {
            writeJsonField(g, c);
        }
    }

    // ------------------------------------------------------------------ summary

    private String writeSummary(Items items, Writer out) throws IOException {
        // Two stages on two threads: reading, decoding and summarising the capture; formatting and
        // writing the lines (profiled with JFR: formatting the text is the larger half).
        // On big captures this nearly halves the wall time on a two-core laptop.
        java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.ArrayBlockingQueue<>(8);
        Thread reader = new Thread(() -> {
            List<Summarised> batch = new java.util.ArrayList<>(BATCH);
            Object end;
            try {
                for (Item it = items.next(); it != null; it = items.next()) {
                    batch.add(new Summarised(it, MessageSummary.of(it.bytes())));
                    if (batch.size() == BATCH) {
                        queue.put(batch);
                        batch = new java.util.ArrayList<>(BATCH);
                    }
                }
                end = END;
            } catch (IOException e) {
                end = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                if (!batch.isEmpty()) {
                    queue.put(batch);
                }
                queue.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "inspect-reader");
        reader.setDaemon(true);
        reader.start();
        long count = 0;
        SummaryLine line = new SummaryLine(lineSink(out));
        try {
            while (true) {
                Object next = queue.take();
                if (next == END) {
                    line.flush();
                    return null;
                }
                if (next instanceof IOException e) {
                    line.flush();
                    return e.getMessage() + " (after " + count + " messages)";
                }
                @SuppressWarnings("unchecked")
                List<Summarised> batch = (List<Summarised>) next;
                for (Summarised m : batch) {
                    count++;
                    line.write(m.item(), m.summary());
                }
            }
        } catch (InterruptedException e) {
            reader.interrupt();
            Thread.currentThread().interrupt();
            return "interrupted after " + count + " messages";
        }
    }

    /**
     * Where summary lines go as bytes: straight to standard output when picocli writes there (no
     * character encoder for 400,000 lines), else through the command's writer (tests, embedding).
     */
    private java.io.OutputStream lineSink(Writer out) throws IOException {
        PrintWriter pw = spec.commandLine().getOut();
        if (pw instanceof ResolveFxCommand.ConsoleWriter console) {
            out.flush();
            return console.stream();
        }
        return new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int n) throws IOException {
                out.write(new String(b, off, n, java.nio.charset.StandardCharsets.UTF_8)); // whole lines only
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        };
    }

    private static final int BATCH = 1024;
    private static final Object END = new Object();

    private record Summarised(Item item, MessageSummary summary) {
    }

    /**
     * Formats summary lines into one reused byte buffer: `inspect --summary` must keep up with
     * captures of hundreds of thousands of messages, where per-line strings dominate the cost.
     */
    private static final class SummaryLine {
        private final java.util.Map<SocketAddr, byte[]> addressText = new java.util.HashMap<>();
        private final java.io.OutputStream sink;
        /** Lines are ASCII (names come escaped, \DDD), so they are built as bytes, one page at a time. */
        private byte[] buf = new byte[1 << 16];
        private int len;

        SummaryLine(java.io.OutputStream sink) {
            this.sink = sink;
        }

        void flush() throws IOException {
            sink.write(buf, 0, len);
            len = 0;
            sink.flush();
        }

        void write(Item it, MessageSummary s) throws IOException {
            if (len > buf.length - 1024) {
                sink.write(buf, 0, len);
                len = 0;
            }
            number(it.frame());
            tab();
            if (it.time().equals(Instant.EPOCH)) {
                text("-");
            } else {
                number(it.time().getEpochSecond());
                text(".");
                digits(it.time().getNano(), 9);
            }
            tab();
            address(it.src());
            text(" > ");
            address(it.dst());
            tab();
            text(it.transport());
            tab();
            text("0x");
            for (int shift = 12; shift >= 0; shift -= 4) {
                put(Character.forDigit((s.id() >> shift) & 0xF, 16));
            }
            tab();
            text(s.flags().isEmpty() ? "-" : s.flags());
            tab();
            text(s.question().isEmpty() ? "-" : s.question());
            tab();
            text("an=");
            number(s.answers());
            tab();
            text(s.response() ? s.rcodeName() : "-");
            if (s.malformed()) {
                text("\t[malformed]");
            }
            put('\n');
        }

        /** An endpoint's text, as bytes: a capture has few endpoints and many messages between them. */
        private void address(SocketAddr a) {
            byte[] t = addressText.get(a);
            if (t == null) {
                if (addressText.size() > 50_000) {
                    addressText.clear();
                }
                t = (unknown(a) ? "-" : a.toString()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                addressText.put(a, t);
            }
            bytes(t);
        }

        private void tab() {
            put('\t');
        }

        /** Room for {@code more} bytes after the line so far (a line can outgrow the page). */
        private void ensure(int more) {
            if (len + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }

        private void bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        private void put(char c) {
            ensure(1);
            buf[len++] = (byte) c;
        }

        private void text(String t) {
            int n = t.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                char c = t.charAt(i);
                if (c >= 0x80) {
                    // the rare text that is not ASCII (a name always comes escaped, but be safe)
                    bytes(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    return;
                }
                buf[len + i] = (byte) c;
            }
            len += n;
        }

        private void number(long v) {
            if (v < 0) {
                put('-');
                v = -v;
            }
            int digits = 1;
            for (long x = v; x >= 10; x /= 10) {
                digits++;
            }
            digits(v, digits);
        }

        /** Exactly {@code count} decimal digits of {@code v}, zero-padded on the left. */
        private void digits(long v, int count) {
            ensure(count);
            for (int i = len + count - 1; i >= len; i--) {
                buf[i] = (byte) ('0' + (v % 10));
                v /= 10;
            }
            len += count;
        }
    }
}
