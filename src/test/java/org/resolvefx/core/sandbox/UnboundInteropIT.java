package org.resolvefx.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** A real recursive resolver (Unbound) resolves through the sandbox. */
@Tag("interop")
class UnboundInteropIT {
    @TempDir
    Path dir;

    static int freeUdpPort(InetAddress a) throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(a, 0))) {
            return s.getLocalPort();
        }
    }

    /** Asks like a stub resolver does: a lost datagram on a busy machine gets a second and third try. */
    static Message recursive(SimpleResolver r, String name, int type) throws IOException {
        Message q = Message.newQuery(Record.newRecord(Queries.name(name), type, DClass.IN));
        q.getHeader().setFlag(Flags.RD);
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return r.send(q);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    @Test
    void unboundResolvesTheLecturesNameThroughTheSandbox() throws Exception {
        Path unbound = ExternalTools.require("unbound");
        SandboxWorld world = WorldLoader.loadDefault();
        InetAddress listen = InetAddress.getByName("127.0.77.1");
        int listenPort = freeUdpPort(listen);
        try (LoopbackSandbox sandbox = LoopbackSandbox.start(world, 0)) {
            Path conf = dir.resolve("unbound.conf");
            Files.writeString(conf, ResolverConfigs.unbound(world, sandbox.port(), listen, listenPort, dir.toString()));
            Process p = new ProcessBuilder(unbound.toString(), "-d", "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("unbound.log").toFile()).start();
            try {
                SimpleResolver r = new SimpleResolver(listen);
                r.setPort(listenPort);
                r.setTimeout(Duration.ofSeconds(8));
                Message answer = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (answer == null && System.nanoTime() < deadline) {
                    if (!p.isAlive()) {
                        fail("unbound exited: " + Files.readString(dir.resolve("unbound.log")));
                    }
                    try {
                        answer = recursive(r, "www.p2p.tu-darmstadt.de.", Type.A);
                    } catch (IOException notYetListening) {
                        Thread.sleep(200);
                    }
                }
                assertThat(answer).as("unbound answered").isNotNull();
                assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
                assertThat(answer.getHeader().getFlag(Flags.RA)).isTrue();
                assertThat(Queries.section(answer, Section.ANSWER)).containsExactly(
                        "www.p2p.tu-darmstadt.de. 49817 IN CNAME charon.dekanat.informatik.tu-darmstadt.de.",
                        "charon.dekanat.informatik.tu-darmstadt.de. 1592 IN A 127.0.31.10");
                // the other scenarios through a real resolver
                assertThat(Queries.section(recursive(r, "www.cs.tu-darmstadt.de.", Type.A), Section.ANSWER))
                        .last().asString().endsWith("IN A 127.0.31.80");
                // unbound may already hold these (its own lookups of server names fill the cache),
                // so their TTLs count down from 3600: compare without the TTL
                assertThat(withoutTtl(Queries.section(recursive(r, "www.umass.edu.", Type.A), Section.ANSWER)))
                        .containsExactly("www.umass.edu. IN A 127.0.6.82");
                assertThat(withoutTtl(Queries.section(recursive(r, "www.poly.edu.", Type.A), Section.ANSWER)))
                        .containsExactly("www.poly.edu. IN A 127.0.6.83");
                assertThat(recursive(r, "many.networkutopia.com.", Type.A).getSection(Section.ANSWER)).hasSize(40);
                assertThat(recursive(r, "nosuchhost.tu-darmstadt.de.", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
                assertThat(recursive(r, "loop1.networkutopia.com.", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);
                assertThat(sandbox.queriesReceived()).isGreaterThan(5);
            } finally {
                p.destroy(); // SIGTERM to this process id only
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static java.util.List<String> withoutTtl(java.util.List<String> records) {
        return records.stream().map(r -> r.replaceFirst(" \\d+ IN ", " IN ")).toList();
    }
}
