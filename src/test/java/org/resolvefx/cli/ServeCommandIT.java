package org.resolvefx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import picocli.CommandLine;

/** {@code serve} on real sockets: it listens, prints what listens where, stops; a taken port is reported. */
class ServeCommandIT {
    @TempDir
    Path dir;

    @Test
    void servesZoneFilesUntilStoppedAndPrintsTheTable() throws Exception {
        Path zone = dir.resolve("example.com.zone");
        Files.writeString(zone, "$TTL 60\n@ IN SOA ns h 1 2 3 4 5\n@ IN NS ns\nns IN A 127.0.0.1\nwww IN A 192.0.2.80\n");
        int port;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.3"), 0))) {
            port = probe.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ServeCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute(zone.toString(), "--bind",
                "127.0.0.3", "--port", Integer.toString(port), "--run-seconds", "3", "--log"));
        SimpleResolver r = new SimpleResolver(InetAddress.getByName("127.0.0.3"));
        r.setPort(port);
        r.setTimeout(Duration.ofMillis(500));
        Message answer = null;
        for (int i = 0; i < 20 && answer == null; i++) {
            try {
                answer = r.send(Message.newQuery(Record.newRecord(org.xbill.DNS.Name.fromString("www.example.com."),
                        Type.A, DClass.IN)));
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        assertThat(answer).isNotNull();
        assertThat(answer.getSection(1).get(0).rdataToString()).isEqualTo("192.0.2.80");
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("SERVER").contains("ns.sandbox.").contains("127.0.0.3")
                .contains(Integer.toString(port)).contains("example.com.").contains("dig @127.0.0.3 -p " + port)
                .contains("www.example.com. A -> NOERROR").contains("Sandbox stopped.");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aTakenPortIsNamedWithAddressAndPort() throws Exception {
        Path zone = dir.resolve("example.com.zone");
        Files.writeString(zone, "$TTL 60\n@ IN SOA ns h 1 2 3 4 5\n@ IN NS ns\nns IN A 127.0.0.1\n");
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.4"), 0))) {
            int port = taken.getLocalPort();
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(new ServeCommand());
            cl.setOut(new PrintWriter(new StringWriter(), true));
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(zone.toString(), "--bind", "127.0.0.4", "--port", Integer.toString(port));
            assertThat(exit).isEqualTo(ServeCommand.EXIT_CANNOT_LISTEN);
            assertThat(err.toString()).contains("cannot listen on 127.0.0.4:" + port + "/udp");
        }
    }
}
