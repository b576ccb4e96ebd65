package org.resolvefx.cli;

import java.util.List;

/** The subcommands of {@code resolvefx}, in the order `--help` lists them. */
final class Subcommands {
    private Subcommands() {
    }

    static List<Object> all() {
        return List.of(new InspectCommand(), new ServeCommand());
    }
}
