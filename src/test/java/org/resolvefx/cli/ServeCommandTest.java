package org.resolvefx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argument and input problems of {@code serve}: each exits non-zero with a clear message, before any socket. */
class ServeCommandTest {
    @TempDir
    Path dir;

    static CommandRun run(String... args) {
        return CommandRun.of(new ServeCommand(), args);
    }

    @Test
    void badZoneFileNamesFileAndLine() throws Exception {
        Path zone = dir.resolve("example.com.zone");
        Files.writeString(zone, "$TTL 60\n@ IN SOA ns h 1 2 3 4 5\n@ IN NS ns\nns IN A 127.0.0.1\nwww IN A 300.1.1.1\n");
        CommandRun r = run(zone.toString(), "--bind", "127.0.0.2", "--port", "0");
        assertThat(r.exit()).isEqualTo(ServeCommand.EXIT_BAD_WORLD);
        assertThat(r.err()).contains("example.com.zone:5:").contains("300.1.1.1");
    }

    @Test
    void nonLoopbackBindIsRefused() throws Exception {
        Path zone = dir.resolve("example.com.zone");
        Files.writeString(zone, "$TTL 60\n@ IN SOA ns h 1 2 3 4 5\n@ IN NS ns\nns IN A 127.0.0.1\n");
        CommandRun r = run(zone.toString(), "--bind", "192.0.2.1");
        assertThat(r.exit()).isEqualTo(ServeCommand.EXIT_USAGE);
        assertThat(r.err()).contains("refusing to listen on 192.0.2.1").contains("loopback");
        CommandRun name = run(zone.toString(), "--bind", "localhost");
        assertThat(name.exit()).isEqualTo(ServeCommand.EXIT_USAGE);
        assertThat(name.err()).contains("needs an IP address");
    }

    @Test
    void bindOnlyWithZoneFilesAndWorldOnlyWithout() throws Exception {
        CommandRun r = run("--bind", "127.0.0.2");
        assertThat(r.exit()).isEqualTo(ServeCommand.EXIT_USAGE);
        assertThat(r.err()).contains("--bind applies to zone files only");
        CommandRun both = run("x.zone", "--world", "default");
        assertThat(both.exit()).isEqualTo(ServeCommand.EXIT_USAGE);
    }

    @Test
    void badWorldFolderAndMissingFiles() {
        CommandRun r = run("--world", dir.toString());
        assertThat(r.exit()).isEqualTo(ServeCommand.EXIT_BAD_WORLD);
        assertThat(r.err()).contains("world.json").contains("not found");
        CommandRun missing = run(dir.resolve("nope.zone").toString());
        assertThat(missing.exit()).isEqualTo(ServeCommand.EXIT_BAD_WORLD);
        assertThat(missing.err()).contains("nope.zone").contains("not found");
    }

    @Test
    void portOutOfRangeAndHelp() {
        assertThat(run("--port", "70000").exit()).isEqualTo(ServeCommand.EXIT_USAGE);
        CommandRun help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--world").contains("--bind").contains("--port").contains("Exit codes");
    }
}
