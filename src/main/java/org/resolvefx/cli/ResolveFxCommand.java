package org.resolvefx.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line face of ResolveFX: {@code java -jar resolvefx.jar COMMAND ...}. */
@Command(name = "resolvefx",
        mixinStandardHelpOptions = true,
        versionProvider = ResolveFxCommand.Version.class,
        description = {
            "ResolveFX makes DNS resolution visible.",
            "Without a command (or with only file names) it opens the application window."
        },
        subcommands = {CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
            "  java -jar resolvefx.jar                         open the window",
            "  java -jar resolvefx.jar capture.pcap            open a capture in the window",
            "  java -jar resolvefx.jar inspect capture.pcap    print every DNS message"})
public final class ResolveFxCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The full command tree; subcommands are registered here so `--help` lists them all. */
    public static CommandLine commandLine() {
        return commandLine(Subcommands.all());
    }

    /**
     * The command line for these arguments: with a subcommand first, only that one is built. picocli
     * reflects over every option of every command it is given, which costs a command such as
     * `inspect --summary big.pcap` a tenth of its time; `--help` and errors about an unknown
     * command still see them all.
     */
    static CommandLine commandLine(String[] args) {
        if (args.length > 0) {
            java.util.Optional<Object> only = Subcommands.named(args[0]);
            if (only.isPresent()) {
                return commandLine(List.of(only.get()));
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(List<Object> subcommands) {
        CommandLine cl = new CommandLine(new ResolveFxCommand());
        for (Object sub : subcommands) {
            cl.addSubcommand(sub);
        }
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + messageOf(ex)));
            return 2;
        });
        return cl;
    }

    private static String messageOf(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }

    /** True when the arguments ask for the command line rather than the window. */
    public static boolean isCommandLine(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        if (first.startsWith("-")) {
            return true;
        }
        return Subcommands.names().contains(first);
    }

    public static int run(String[] args) {
        return run(args, new ConsoleWriter(), new PrintWriter(System.err, true));
    }

    /**
     * Standard output as picocli's writer, marked so that a command writing hundreds of thousands of
     * ASCII lines ({@code inspect --summary}) may write bytes to the same stream and skip the encoder.
     */
    static final class ConsoleWriter extends PrintWriter {
        ConsoleWriter() {
            super(System.out, true);
        }

        /** The bytes' way to the console; flush this writer before using it. */
        java.io.OutputStream stream() {
            return System.out;
        }
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ResolveFxCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ResolveFX " + (v == null ? "(development build)" : v),
                "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name")};
        }
    }
}
