package org.resolvefx.core.lesson;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.resolvefx.core.sandbox.ServerBehaviour;
import org.xbill.DNS.Name;

/**
 * What a lesson (or one scenario) changes in a sandbox world: zones replaced, added or removed,
 * servers changed, added or removed. Applied in order, zones first. File paths are relative to
 * the lesson folder.
 */
public record WorldChanges(List<ZoneChange> zones, List<ServerChange> servers) {
    public static final WorldChanges NONE = new WorldChanges(List.of(), List.of());

    public WorldChanges {
        zones = List.copyOf(zones);
        servers = List.copyOf(servers);
    }

    public boolean isEmpty() {
        return zones.isEmpty() && servers.isEmpty();
    }

    /** A change to one zone. */
    public sealed interface ZoneChange {
        Name origin();

        /** A remark for lesson authors, kept when the lesson is saved ("" if none). */
        String note();

        /** The zone's master file: replaces the zone of that origin, or adds it if the world has none. */
        record Load(Name origin, String file, String note) implements ZoneChange {
            public Load {
                Objects.requireNonNull(origin, "origin");
                Objects.requireNonNull(file, "file");
                note = note == null ? "" : note;
            }
        }

        /** The zone leaves the world (and every server's list of zones). */
        record Remove(Name origin, String note) implements ZoneChange {
            public Remove {
                Objects.requireNonNull(origin, "origin");
                note = note == null ? "" : note;
            }
        }
    }

    /** A change to one server. */
    public sealed interface ServerChange {
        Name name();

        String note();

        /**
         * Changes a server of the world, or adds a new one. Null fields stay as they are; a new
         * server needs addresses and zones, and behaves normally unless told otherwise.
         */
        record Update(Name name, ServerBehaviour behaviour, List<InetAddress> addresses, List<Name> zones, String note)
                implements ServerChange {
            public Update {
                Objects.requireNonNull(name, "name");
                addresses = addresses == null ? null : List.copyOf(addresses);
                zones = zones == null ? null : List.copyOf(zones);
                note = note == null ? "" : note;
            }
        }

        /** The server leaves the world. */
        record Remove(Name name, String note) implements ServerChange {
            public Remove {
                Objects.requireNonNull(name, "name");
                note = note == null ? "" : note;
            }
        }
    }
}
