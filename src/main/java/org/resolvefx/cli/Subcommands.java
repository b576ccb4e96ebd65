package org.resolvefx.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** The subcommands of {@code resolvefx}, in the order `--help` lists them. */
final class Subcommands {
    private static final List<Class<?>> CLASSES = List.of(TraceCommand.class, InspectCommand.class,
            ExportCommand.class, ServeCommand.class, ValidateCommand.class);

    private Subcommands() {
    }

    static List<Object> all() {
        List<Object> out = new ArrayList<>();
        for (Class<?> c : CLASSES) {
            out.add(create(c));
        }
        return out;
    }

    /** The command called {@code name} ("inspect"), if there is one. */
    static java.util.Optional<Object> named(String name) {
        for (Class<?> c : CLASSES) {
            if (c.getAnnotation(Command.class).name().equals(name)) {
                return java.util.Optional.of(create(c));
            }
        }
        return java.util.Optional.empty();
    }

    private static Object create(Class<?> c) {
        try {
            return c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create command " + c.getName(), e);
        }
    }

    /** The command names, read from the annotations without building picocli's model (start-up time). */
    static List<String> names() {
        List<String> out = new ArrayList<>(List.of("help"));
        for (Class<?> c : CLASSES) {
            out.add(c.getAnnotation(Command.class).name());
        }
        return out;
    }
}
