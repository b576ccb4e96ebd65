package org.resolvefx.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resolvefx.core.sandbox.Queries.name;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/** Loading worlds from folders, and every kind of bad world with its own message, file and line. */
class WorldLoaderTest {
    @TempDir
    Path dir;

    static final String ZONE = """
            $ORIGIN example.
            $TTL 3600
            @    IN SOA ns1 hostmaster 1 7200 3600 1209600 300
            @    IN NS  ns1
            ns1  IN A   127.0.8.1
            www  IN A   192.0.2.80
            """;

    /** A valid manifest; line 7 holds the address, line 8 the server's zones, line 12 the zone file. */
    static String manifest(String address, String servedZone, String file) {
        return """
                {
                  "format": "resolvefx-world",
                  "formatVersion": 1,
                  "id": "tiny",
                  "title": "A tiny world",
                  "servers": [
                    { "name": "ns1.example.", "addresses": ["%s"],
                      "zones": ["%s"], "behaviour": "slow", "delayMillis": 250 }
                  ],
                  "zones": [
                    { "origin": "example.",
                      "file": "%s" }
                  ],
                  "scenarios": [
                    { "id": "www", "title": "www", "qname": "www.example.", "qtype": "A", "description": "an A record" }
                  ]
                }
                """.formatted(address, servedZone, file);
    }

    private void write(String manifest, String zoneFile, String zoneText) throws IOException {
        Files.writeString(dir.resolve("world.json"), manifest);
        if (zoneFile != null) {
            Path p = dir.resolve(zoneFile);
            Files.createDirectories(p.getParent());
            Files.writeString(p, zoneText);
        }
    }

    private WorldException loadFails() {
        try {
            WorldLoader.load(dir);
        } catch (WorldException e) {
            assertThat(e.getMessage()).isNotBlank();
            return e;
        }
        throw new AssertionError("world loaded although it is bad");
    }

    @Test
    void loadsAValidWorld() throws Exception {
        write(manifest("127.0.8.1", "example.", "zones/example.zone"), "zones/example.zone", ZONE);
        SandboxWorld w = WorldLoader.load(dir);
        assertThat(w.id()).isEqualTo("tiny");
        assertThat(w.servers()).hasSize(1);
        ServerSpec s = w.servers().get(0);
        assertThat(s.behaviour()).isEqualTo(new ServerBehaviour.Slow(250));
        assertThat(s.zones()).containsExactly(name("example."));
        assertThat(w.zone(name("example.")).orElseThrow().source()).endsWith("zones/example.zone");
        assertThat(w.scenarios()).extracting(Scenario::qtype).containsExactly(Type.A);
        assertThat(w.rootHints()).isEmpty();
        assertThat(w.serverAt(InetAddress.getByName("127.0.8.1"))).isPresent();
        assertThat(w.serverAt(InetAddress.getByName("127.0.8.2"))).isEmpty();
    }

    @Test
    void invalidJsonNamesTheLine() throws Exception {
        write("{\n  \"format\": \"resolvefx-world\",\n  \"id\": oops\n}\n", null, null);
        WorldException e = loadFails();
        assertThat(e.file()).hasValueSatisfying(f -> assertThat(f).endsWith("world.json"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("world.json:3:").contains("not valid JSON");
    }

    @Test
    void schemaErrorsNameTheLineAndTheProblem() throws Exception {
        String m = manifest("127.0.8.1", "example.", "zones/example.zone").replace("\"behaviour\": \"slow\"",
                "\"behaviour\": \"sleepy\"");
        write(m, "zones/example.zone", ZONE);
        WorldException e = loadFails();
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.getMessage()).contains("world.json:8:").contains("does not match the world schema")
                .contains("behaviour");
    }

    @Test
    void missingRequiredPropertyAndWrongFormat() throws Exception {
        write("{\n  \"format\": \"resolvefx-world\",\n  \"formatVersion\": 1,\n  \"id\": \"x\",\n  \"title\": \"t\",\n"
                + "  \"zones\": []\n}\n", null, null);
        WorldException e = loadFails();
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("servers");
        write(manifest("127.0.8.1", "example.", "zones/example.zone").replace("resolvefx-world", "something-else"),
                "zones/example.zone", ZONE);
        WorldException f = loadFails();
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.getMessage()).contains("format");
    }

    @Test
    void missingZoneFile() throws Exception {
        write(manifest("127.0.8.1", "example.", "zones/missing.zone"), null, null);
        WorldException e = loadFails();
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.getMessage()).contains("zones/missing.zone").contains("not found").contains("example.");
    }

    @Test
    void zoneSyntaxErrorNamesTheZoneFileAndLine() throws Exception {
        write(manifest("127.0.8.1", "example.", "zones/example.zone"), "zones/example.zone",
                ZONE.replace("www  IN A   192.0.2.80", "www  IN A   192.0.2.800"));
        WorldException e = loadFails();
        assertThat(e.file()).hasValueSatisfying(f -> assertThat(f).endsWith("zones/example.zone"));
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.getMessage()).contains("example.zone:6:").contains("192.0.2.800");
    }

    @Test
    void zoneWithoutSoa() throws Exception {
        write(manifest("127.0.8.1", "example.", "z.zone"), "z.zone",
                ZONE.replace("@    IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n", ""));
        assertThat(loadFails().getMessage()).contains("z.zone").contains("no SOA");
    }

    @Test
    void zoneWithoutApexNs() throws Exception {
        write(manifest("127.0.8.1", "example.", "z.zone"), "z.zone", ZONE.replace("@    IN NS  ns1\n", ""));
        assertThat(loadFails().getMessage()).contains("z.zone").contains("no NS records at its apex");
    }

    @Test
    void serverServingAZoneThatDoesNotExist() throws Exception {
        write(manifest("127.0.8.1", "example.org.", "z.zone"), "z.zone", ZONE);
        WorldException e = loadFails();
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.getMessage()).contains("serves zone example.org.").contains("not among the world's zones");
    }

    @Test
    void duplicateAddresses() throws Exception {
        String m = manifest("127.0.8.1", "example.", "z.zone").replace("\"servers\": [\n",
                "\"servers\": [\n    { \"name\": \"ns0.example.\", \"addresses\": [\"127.0.8.1\"], \"zones\": [] },\n");
        write(m, "z.zone", ZONE);
        WorldException e = loadFails();
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.getMessage()).contains("127.0.8.1").contains("ns1.example.").contains("ns0.example. (line 7)");
    }

    @Test
    void serverAddressOutsideLoopback() throws Exception {
        write(manifest("192.0.2.53", "example.", "z.zone"), "z.zone", ZONE);
        WorldException e = loadFails();
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.getMessage()).contains("192.0.2.53").contains("not a loopback address");
        write(manifest("::2", "example.", "z.zone"), "z.zone", ZONE);
        assertThat(loadFails().getMessage()).contains("not a loopback address");
        write(manifest("not-an-ip", "example.", "z.zone"), "z.zone", ZONE);
        assertThat(loadFails().getMessage()).contains("not an IP address");
    }

    @Test
    void recordAddressesOutsideLoopbackAndDocumentationPrefixes() throws Exception {
        write(manifest("127.0.8.1", "example.", "z.zone"), "z.zone", ZONE.replace("192.0.2.80", "8.8.8.8"));
        WorldException e = loadFails();
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.getMessage()).contains("8.8.8.8").contains("documentation prefixes");
        write(manifest("127.0.8.1", "example.", "z.zone"), "z.zone", ZONE + "v6 IN AAAA 2001:4860::1\n");
        assertThat(loadFails().line()).isEqualTo(7);
    }

    @Test
    void zoneFilesMustStayInsideTheWorldFolder() throws Exception {
        write(manifest("127.0.8.1", "example.", "../outside.zone"), null, null);
        assertThat(loadFails().getMessage()).contains("inside the world's folder");
        write(manifest("127.0.8.1", "example.", "/etc/hostname"), null, null);
        assertThat(loadFails().getMessage()).contains("inside the world's folder");
    }

    @Test
    void duplicateZonesServersAndScenarios() throws Exception {
        String twice = manifest("127.0.8.1", "example.", "z.zone").replace("\"zones\": [\n",
                "\"zones\": [\n    { \"origin\": \"example.\", \"file\": \"z.zone\" },\n");
        write(twice, "z.zone", ZONE);
        assertThat(loadFails().getMessage()).contains("listed twice");
    }

    @Test
    void notAFolderOrNoManifest() throws Exception {
        assertThatThrownBy(() -> WorldLoader.load(dir.resolve("nope"))).isInstanceOf(WorldException.class)
                .hasMessageContaining("not a folder");
        assertThatThrownBy(() -> WorldLoader.load(dir)).isInstanceOf(WorldException.class)
                .hasMessageContaining("world.json").hasMessageContaining("not found");
    }

    @Test
    void withZoneTextReplacesOneZoneOrSaysWhereTheTextIsWrong() throws Exception {
        write(manifest("127.0.8.1", "example.", "z.zone"), "z.zone", ZONE);
        SandboxWorld w = WorldLoader.load(dir);
        SandboxWorld changed = w.withZoneText(name("example."), ZONE.replace("192.0.2.80", "192.0.2.81"));
        org.xbill.DNS.Message r = Queries.ask(changed.serverAt(InetAddress.getByName("127.0.8.1")).orElseThrow(),
                "www.example.", Type.A);
        assertThat(Queries.section(r, org.xbill.DNS.Section.ANSWER)).containsExactly("www.example. 3600 IN A 192.0.2.81");
        assertThat(Queries.section(Queries.ask(w.serverAt(InetAddress.getByName("127.0.8.1")).orElseThrow(),
                "www.example.", Type.A), org.xbill.DNS.Section.ANSWER)).containsExactly("www.example. 3600 IN A 192.0.2.80");
        assertThatThrownBy(() -> w.withZoneText(name("example."), ZONE + "bad IN MX notanumber x\n"))
                .isInstanceOf(WorldException.class).hasMessageContaining(":7:");
        assertThatThrownBy(() -> w.withZoneText(name("nope."), ZONE)).isInstanceOf(WorldException.class)
                .hasMessageContaining("no zone nope.");
        SandboxWorld dead = w.withBehaviour(name("ns1.example."), ServerBehaviour.DEAD);
        assertThat(dead.servers().get(0).behaviour()).isEqualTo(ServerBehaviour.DEAD);
        assertThat(w.servers().get(0).behaviour()).isInstanceOf(ServerBehaviour.Slow.class);
    }

    @Test
    void singleServerFromZoneFiles() throws Exception {
        Path named = dir.resolve("example.zone");
        Files.writeString(named, ZONE.replace("$ORIGIN example.\n", ""));
        Path withOrigin = dir.resolve("anything.db");
        Files.writeString(withOrigin, ZONE.replace("example.", "example.net."));
        Path explicit = dir.resolve("x.txt");
        Files.writeString(explicit, ZONE.replace("$ORIGIN example.\n", ""));
        SandboxWorld w = WorldLoader.fromZoneFiles(List.of(named.toString(), withOrigin.toString(),
                "example.org=" + explicit), InetAddress.getByName("127.0.0.2"));
        assertThat(w.zones()).extracting(z -> z.origin().toString())
                .containsExactly("example.", "example.net.", "example.org.");
        assertThat(w.servers()).hasSize(1);
        assertThat(w.servers().get(0).zones()).hasSize(3);
        assertThatThrownBy(() -> WorldLoader.fromZoneFiles(List.of(named.toString()), InetAddress.getByName("192.0.2.1")))
                .isInstanceOf(WorldException.class).hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> WorldLoader.fromZoneFiles(List.of(dir.resolve("none.zone").toString()),
                InetAddress.getByName("127.0.0.2"))).isInstanceOf(WorldException.class).hasMessageContaining("not found");
        Files.writeString(named, ZONE + "oops IN A\n");
        assertThatThrownBy(() -> WorldLoader.fromZoneFiles(List.of(named.toString()), InetAddress.getByName("127.0.0.2")))
                .isInstanceOf(WorldException.class).hasMessageContaining("example.zone:7:");
    }
}
