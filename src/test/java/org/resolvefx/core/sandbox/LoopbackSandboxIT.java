package org.resolvefx.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The default world on real loopback sockets (a free port), queried by dnsjava, raw sockets and dig. */
class LoopbackSandboxIT {
    static SandboxWorld world;
    static LoopbackSandbox sandbox;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        world = WorldLoader.loadDefault();
        sandbox = LoopbackSandbox.start(world, 0);
        port = sandbox.port();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static SimpleResolver resolver(String address, boolean tcp) throws Exception {
        SimpleResolver r = new SimpleResolver(InetAddress.getByName(address));
        r.setPort(port);
        r.setTCP(tcp);
        r.setTimeout(Duration.ofSeconds(3));
        return r;
    }

    @Test
    void listenersCoverEveryServerAddress() {
        assertThat(sandbox.listeners()).hasSize(35);
        assertThat(sandbox.listeners()).allMatch(l -> l.address().port() == port);
        assertThat(sandbox.describe()).contains("a.root-servers.net.").contains("127.0.1.13").contains("dead")
                .contains("slow 800 ms").contains(Integer.toString(port));
    }

    @Test
    void dnsjavaOverUdpAndTcp() throws Exception {
        for (boolean tcp : new boolean[] {false, true}) {
            Message q = Queries.query("www.p2p.tu-darmstadt.de.", Type.A, 0);
            Message root = resolver("127.0.1.1", tcp).send(q);
            assertThat(Queries.section(root, Section.AUTHORITY)).containsExactly("de. 172800 IN NS a.nic.de.",
                    "de. 172800 IN NS f.nic.de.");
            Message tu = resolver("127.0.3.1", tcp).send(Queries.query("www.p2p.tu-darmstadt.de.", Type.A, 0));
            assertThat(Queries.section(tu, Section.ANSWER)).containsExactly(
                    "www.p2p.tu-darmstadt.de. 49817 IN CNAME charon.dekanat.informatik.tu-darmstadt.de.");
            Message inf = resolver("127.0.3.3", tcp).send(
                    Queries.query("charon.dekanat.informatik.tu-darmstadt.de.", Type.A, 0));
            assertThat(Queries.section(inf, Section.ANSWER)).containsExactly(
                    "charon.dekanat.informatik.tu-darmstadt.de. 1592 IN A 127.0.31.10");
        }
    }

    static Message udp(String address, byte[] query, int timeoutMillis) throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            s.setSoTimeout(timeoutMillis);
            s.send(new DatagramPacket(query, query.length, InetAddress.getByName(address), port));
            DatagramPacket p = new DatagramPacket(new byte[65535], 65535);
            s.receive(p);
            return new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
        }
    }

    static void writeTcp(DataOutputStream out, byte[] m) throws IOException {
        out.writeShort(m.length);
        out.write(m);
        out.flush();
    }

    static Message readTcp(DataInputStream in) throws IOException {
        int len = in.readUnsignedShort();
        byte[] b = new byte[len];
        in.readFully(b);
        return new Message(b);
    }

    @Test
    void truncatedOverUdpThenCompleteOverTcpWithSeveralQueriesPerConnection() throws Exception {
        byte[] q = Queries.query("many.networkutopia.com.", Type.A, 0).toWire();
        Message u = udp("127.0.4.1", q, 3000);
        assertThat(u.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(u.getSection(Section.ANSWER)).isEmpty();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.4.1", port), 3000);
            s.setSoTimeout(3000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            DataInputStream in = new DataInputStream(s.getInputStream());
            // two queries written back to back, in one segment, then a third after the answers
            byte[] q2 = Queries.query("www.networkutopia.com.", Type.A, 0).toWire();
            java.io.ByteArrayOutputStream both = new java.io.ByteArrayOutputStream();
            DataOutputStream bo = new DataOutputStream(both);
            writeTcp(bo, q);
            writeTcp(bo, q2);
            out.write(both.toByteArray());
            out.flush();
            Message full = readTcp(in);
            assertThat(full.getHeader().getFlag(Flags.TC)).isFalse();
            assertThat(full.getSection(Section.ANSWER)).hasSize(40);
            assertThat(Queries.section(readTcp(in), Section.ANSWER)).containsExactly("www.networkutopia.com. 3600 IN A 127.0.4.80");
            writeTcp(out, Queries.query("nosuch.networkutopia.com.", Type.A, 0).toWire());
            assertThat(readTcp(in).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        }
    }

    @Test
    void deadServerNeverAnswersAndTheSecondOneDoes() throws Exception {
        byte[] q = Queries.query("www.poly.edu.", Type.A, 0).toWire();
        assertThatThrownBy(() -> udp("127.0.6.5", q, 700)).isInstanceOf(SocketTimeoutException.class);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.6.5", port), 3000); // bound: the connection is accepted
            s.setSoTimeout(700);
            writeTcp(new DataOutputStream(s.getOutputStream()), q);
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(Queries.section(udp("127.0.6.6", q, 3000), Section.ANSWER)).containsExactly("www.poly.edu. 3600 IN A 127.0.6.83");
    }

    @Test
    void slowServerAnswersLate() throws Exception {
        byte[] q = Queries.query("www.caltech.edu.", Type.A, 0).toWire();
        long start = System.nanoTime();
        Message r = udp("127.0.6.2", q, 5000);
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertThat(Queries.section(r, Section.ANSWER)).containsExactly("www.caltech.edu. 3600 IN A 127.0.6.81");
        assertThat(waited).as("the answer is held back by the configured 800 ms").isGreaterThanOrEqualTo(790);
        try (Socket s = new Socket("127.0.6.2", port)) {
            s.setSoTimeout(5000);
            writeTcp(new DataOutputStream(s.getOutputStream()), q);
            assertThat(readTcp(new DataInputStream(s.getInputStream())).getSection(Section.ANSWER)).hasSize(1);
        }
    }

    @Test
    void lameServerRefuses() throws Exception {
        Message r = udp("127.0.6.3", Queries.query("www.umass.edu.", Type.A, 0).toWire(), 3000);
        assertThat(r.getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void aSecondSandboxOnTheSamePortSaysWhichAddressIsTaken() {
        assertThatThrownBy(() -> LoopbackSandbox.start(world, port)).isInstanceOf(java.net.BindException.class)
                .hasMessageContaining("127.0.1.1:" + port + "/udp").hasMessageContaining("choose another --port");
    }

    static SandboxWorld tiny(String address) throws Exception {
        ZoneSpec z = TestWorlds.zone("example.", TestWorlds.EXAMPLE);
        ServerSpec s = new ServerSpec(Queries.name("ns1.example."), List.of(InetAddress.getByName(address)),
                List.of(z.origin()), ServerBehaviour.NORMAL);
        return new SandboxWorld("tiny", "tiny", "", List.of(s), List.of(z), List.of());
    }

    @Test
    void closeReleasesThePortsAtOnceAndObserverSeesQueries() throws Exception {
        List<LoopbackSandbox.Exchange> seen = new CopyOnWriteArrayList<>();
        SandboxWorld w = tiny("127.0.9.7");
        LoopbackSandbox first = LoopbackSandbox.start(w, 0, new LoopbackSandbox.Options(Duration.ofSeconds(5), seen::add));
        int p = first.port();
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            byte[] q = Queries.query("www.example.", Type.A, 0).toWire();
            s.setSoTimeout(3000);
            s.send(new DatagramPacket(q, q.length, InetAddress.getByName("127.0.9.7"), p));
            s.receive(new DatagramPacket(new byte[512], 512));
        }
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).serverName().toString()).isEqualTo("ns1.example.");
        assertThat(seen.get(0).response()).isNotNull();
        assertThat(first.queriesReceived()).isEqualTo(1);
        first.close();
        first.close(); // idempotent
        try (LoopbackSandbox again = LoopbackSandbox.start(w, p)) {
            assertThat(again.port()).isEqualTo(p);
        }
    }

    @Test
    void idleTcpConnectionsAreClosed() throws Exception {
        try (LoopbackSandbox s = LoopbackSandbox.start(tiny("127.0.9.8"), 0,
                new LoopbackSandbox.Options(Duration.ofMillis(300), null));
             Socket c = new Socket("127.0.9.8", s.port())) {
            c.setSoTimeout(5000);
            assertThat(c.getInputStream().read()).as("server closed the idle connection").isEqualTo(-1);
        }
    }

    @Test
    void ipv6LoopbackWorksWhereTheMachineHasIt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(hasIpv6Loopback(), "no ::1 on this machine");
        try (LoopbackSandbox s = LoopbackSandbox.start(tiny("::1"), 0)) {
            SimpleResolver r = new SimpleResolver(InetAddress.getByName("::1"));
            r.setPort(s.port());
            r.setTimeout(Duration.ofSeconds(3));
            assertThat(Queries.section(r.send(Queries.query("www.example.", Type.A, 0)), Section.ANSWER))
                    .containsExactly("www.example. 3600 IN A 192.0.2.80");
            assertThat(s.listeners().get(0).address().toString()).isEqualTo("[::1]:" + s.port());
        }
    }

    static boolean hasIpv6Loopback() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void refusesNonLoopbackAddresses() throws Exception {
        ZoneSpec z = TestWorlds.zone("example.", TestWorlds.EXAMPLE);
        ServerSpec s = new ServerSpec(Queries.name("ns1.example."), List.of(InetAddress.getByName("192.0.2.1")),
                List.of(z.origin()), ServerBehaviour.NORMAL);
        SandboxWorld w = new SandboxWorld("bad", "bad", "", List.of(s), List.of(z), List.of());
        assertThatThrownBy(() -> LoopbackSandbox.start(w, 0)).isInstanceOf(IOException.class)
                .hasMessageContaining("refusing to listen on 192.0.2.1");
    }

    @Test
    void digSeesTheReferralAndTheTcpRetry() throws Exception {
        String dig = ExternalTools.require("dig").toString();
        String out = ExternalTools.run(List.of(dig, "@127.0.1.1", "-p", Integer.toString(port),
                "www.p2p.tu-darmstadt.de", "A", "+norec", "+time=2", "+tries=1"), 20);
        assertThat(out).contains("status: NOERROR").contains("flags: qr;").containsPattern("de\\.\\s+172800\\s+IN\\s+NS\\s+a\\.nic\\.de\\.")
                .containsPattern("a\\.nic\\.de\\.\\s+172800\\s+IN\\s+A\\s+127\\.0\\.2\\.1").contains("EDNS: version: 0, flags:; udp: 1232");
        String tc = ExternalTools.run(List.of(dig, "@127.0.4.1", "-p", Integer.toString(port),
                "many.networkutopia.com", "A", "+norec", "+noedns", "+time=2", "+tries=1"), 20);
        assertThat(tc).contains("Truncated, retrying in TCP mode").contains("ANSWER: 40").contains("(TCP)");
        String nx = ExternalTools.run(List.of(dig, "@127.0.3.2", "-p", Integer.toString(port),
                "nosuchhost.tu-darmstadt.de", "A", "+norec", "+time=2", "+tries=1"), 20);
        assertThat(nx).contains("status: NXDOMAIN").contains("flags: qr aa;")
                .containsPattern("tu-darmstadt\\.de\\.\\s+300\\s+IN\\s+SOA\\s+ns1\\.hrz\\.tu-darmstadt\\.de\\.");
    }
}
