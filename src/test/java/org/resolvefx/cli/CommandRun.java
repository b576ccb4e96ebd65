package org.resolvefx.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of a command on its own: exit code and what it printed. */
record CommandRun(int exit, String out, String err) {

    static CommandRun of(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    /** Standard output's lines. */
    java.util.List<String> lines() {
        return out.isEmpty() ? java.util.List.of() : java.util.List.of(out.split("\n"));
    }
}
