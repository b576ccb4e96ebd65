package org.resolvefx.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.sandbox.RootHint;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A tiny hostile UDP server on 127.0.88.1: before the genuine response it sends one with a wrong ID,
 * the genuine one from another address (127.0.88.2) and from another port, one with another
 * question, and garbage. The engine must show and ignore all five and accept the genuine one.
 */
class HostileServerIT {

    static final InetAddress SERVER = Hosts.ip("127.0.88.1");
    static final InetAddress OTHER = Hosts.ip("127.0.88.2");

    DatagramSocket main;
    DatagramSocket otherAddress;
    DatagramSocket otherPort;
    Thread loop;
    volatile boolean sendGenuine = true;

    @BeforeEach
    void start() throws Exception {
        int port = Tools.freePort(SERVER, OTHER);
        main = new DatagramSocket(new InetSocketAddress(SERVER, port));
        otherAddress = new DatagramSocket(new InetSocketAddress(OTHER, port));
        otherPort = new DatagramSocket(new InetSocketAddress(SERVER, 0));
        loop = new Thread(this::serve, "hostile-server");
        loop.setDaemon(true);
        loop.start();
    }

    @AfterEach
    void stop() throws Exception {
        main.close();
        otherAddress.close();
        otherPort.close();
        loop.join(2000);
    }

    private void serve() {
        byte[] buf = new byte[65535];
        while (!main.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                main.receive(p);
                Message q = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                InetSocketAddress client = (InetSocketAddress) p.getSocketAddress();
                byte[] good = genuine(q).toWire();
                Message wrongId = genuine(q);
                wrongId.getHeader().setID((q.getHeader().getID() + 1) & 0xFFFF);
                send(main, wrongId.toWire(), client);
                send(otherAddress, good, client);
                send(otherPort, good, client);
                Message wrongQuestion = genuine(q);
                wrongQuestion.removeAllRecords(Section.QUESTION);
                wrongQuestion.addRecord(Record.newRecord(Hosts.name("evil.example."), Type.A, DClass.IN),
                        Section.QUESTION);
                send(main, wrongQuestion.toWire(), client);
                send(main, new byte[] {(byte) 0xde, (byte) 0xad}, client);
                if (sendGenuine) {
                    Thread.sleep(20);
                    send(main, good, client);
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    private static void send(DatagramSocket s, byte[] b, InetSocketAddress to) throws IOException {
        s.send(new DatagramPacket(b, b.length, to));
    }

    /** Authoritative for everything: 127.0.88.80 for every name. */
    private static Message genuine(Message q) {
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.AA);
        if (q.getHeader().getFlag(Flags.RD)) {
            r.getHeader().setFlag(Flags.RD);
            r.getHeader().setFlag(Flags.RA);
        }
        r.getHeader().setRcode(Rcode.NOERROR);
        Record question = q.getQuestion();
        r.addRecord(question, Section.QUESTION);
        if (question.getType() == Type.A) {
            r.addRecord(new ARecord(question.getName(), DClass.IN, 60, Hosts.ip("127.0.88.80")), Section.ANSWER);
        }
        return r;
    }

    private static void checkIgnored(Trace t, int port) {
        List<TraceEvent.MessageReceived> got = ScenarioBook.events(t, TraceEvent.MessageReceived.class);
        List<TraceEvent.MessageReceived> ignored = got.stream().filter(r -> !r.accepted()).toList();
        assertThat(ignored).extracting(TraceEvent.MessageReceived::ignoredReason).satisfiesExactly(
                r -> assertThat(r).contains("does not match the query's ID"),
                r -> assertThat(r).isEqualTo("it came from 127.0.88.2:" + port + ", but the query went to 127.0.88.1:"
                        + port),
                r -> assertThat(r).startsWith("it came from 127.0.88.1:").endsWith(", but the query went to 127.0.88.1:"
                        + port),
                r -> assertThat(r).contains("is not the one asked"),
                r -> assertThat(r).startsWith("it is not a valid DNS message"));
    }

    @Test
    void aStubIgnoresEverySpoofedResponseAndTakesTheGenuineOne() {
        int port = main.getLocalPort();
        ResolverSession s = ResolverSession.stub(new SocketAddr(SERVER, port), ResolverOptions.defaults());
        Trace t = s.resolve(Question.of("www.example.com", Type.A), ResolutionMode.STUB);
        checkIgnored(t, port);
        TraceEvent.Answer a = (TraceEvent.Answer) ScenarioBook.last(t);
        assertThat(a.records()).containsExactly("www.example.com. 60 IN A 127.0.88.80");
        assertThat(t.messages()).hasSize(7);
    }

    @Test
    void anIterativeWalkDoesTheSame() {
        int port = main.getLocalPort();
        RootHint hint = new RootHint(Hosts.name("hostile.test."), List.of(SERVER));
        ResolverSession s = ResolverSession.live(List.of(hint), ResolverOptions.defaults().withPort(port)
                .withPriming(false));
        Trace t = s.resolve(Question.of("www.example.com", Type.A), ResolutionMode.ITERATIVE);
        checkIgnored(t, port);
        assertThat(((TraceEvent.Answer) ScenarioBook.last(t)).records()).containsExactly(
                "www.example.com. 60 IN A 127.0.88.80");
    }

    @Test
    void onlySpoofedResponsesEndInATimeoutNotInAnAcceptedLie() {
        sendGenuine = false;
        int port = main.getLocalPort();
        ResolverSession s = ResolverSession.stub(new SocketAddr(SERVER, port), ResolverOptions.defaults()
                .withTimeout(Duration.ofMillis(300)).withRetries(0));
        Trace t = s.resolve(Question.of("www.example.com", Type.A), ResolutionMode.STUB);
        checkIgnored(t, port);
        assertThat(ScenarioBook.events(t, TraceEvent.Timeout.class)).hasSize(1);
        TraceEvent.Failure f = (TraceEvent.Failure) ScenarioBook.last(t);
        assertThat(f.reason()).isEqualTo(TraceEvent.FailureReason.ALL_SERVERS_FAILED);
        assertThat(f.detail()).contains("no response after 1 attempt");
    }

    @Test
    void theStubSeesBothMessagesOfAnHonestResolver() {
        // the hostile server's last, genuine answer has RA=1 like a recursive server's
        int port = main.getLocalPort();
        Trace t = ResolverSession.stub(new SocketAddr(SERVER, port), ResolverOptions.defaults())
                .resolve(Question.of("mail.example.com", Type.A), ResolutionMode.STUB);
        List<TraceEvent.MessageReceived> accepted = ScenarioBook.events(t, TraceEvent.MessageReceived.class).stream()
                .filter(TraceEvent.MessageReceived::accepted).toList();
        assertThat(accepted).singleElement().satisfies(r -> {
            Message m = Hosts.parse(r.message().bytes());
            assertThat(m.getHeader().getFlag(Flags.RA)).isTrue();
            assertThat(m.getQuestion().getName()).isEqualTo(Name.fromConstantString("mail.example.com."));
        });
    }
}
