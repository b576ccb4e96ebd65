package org.resolvefx.core.lesson;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resolvefx.core.net.IpText;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.ServerBehaviour;
import org.resolvefx.core.sandbox.ServerSpec;
import org.resolvefx.core.sandbox.WorldException;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.sandbox.ZoneSpec;
import org.xbill.DNS.Name;

/**
 * Builds the sandbox world of a lesson: a world that ships with ResolveFX or the lesson's own
 * world.json, with the lesson's changes and then a scenario's changes applied. Zone files are
 * checked by the sandbox's parser (dnsjava), so a broken zone file is reported with its line.
 */
final class LessonWorlds {

    private LessonWorlds() {
    }

    /** The default world is parsed once; worlds are immutable. */
    private static final class DefaultWorld {
        static final Object WORLD = load();

        private static Object load() {
            try {
                return WorldLoader.loadDefault();
            } catch (WorldException e) {
                return e;
            }
        }
    }

    static SandboxWorld defaultWorld() throws WorldException {
        if (DefaultWorld.WORLD instanceof WorldException e) {
            throw e;
        }
        return (SandboxWorld) DefaultWorld.WORLD;
    }

    /** The lesson's world with the lesson-level changes, named after the lesson; null (with problems) if it cannot be built. */
    static SandboxWorld lessonWorld(Lesson lesson, LessonFiles files, LessonLocator loc, List<LessonProblem> problems) {
        SandboxWorld base;
        if (lesson.world() instanceof LessonWorld.Folder f) {
            String prefix = f.folder() + "/";
            if (!files.contains(prefix + WorldLoader.MANIFEST)) {
                problems.add(loc.problem("/world/folder", "the world folder '" + f.folder() + "' has no "
                        + WorldLoader.MANIFEST + " (" + files.display(prefix + WorldLoader.MANIFEST) + " not found)"));
                return null;
            }
            try {
                base = WorldLoader.load(rel -> {
                    try {
                        return files.text(prefix + rel).orElse(null);
                    } catch (CharacterCodingException e) {
                        throw new IOException("not UTF-8 text");
                    }
                }, files.display(prefix));
            } catch (WorldException e) {
                problems.add(fromWorld(e, files.display(prefix + WorldLoader.MANIFEST)));
                return null;
            }
        } else {
            LessonWorld.Base b = (LessonWorld.Base) lesson.world();
            if (!LessonWorld.Base.DEFAULT.equals(b.name())) {
                problems.add(loc.problem("/world/base", "unknown base world '" + b.name() + "' (ResolveFX ships '"
                        + LessonWorld.Base.DEFAULT + "')"));
                return null;
            }
            try {
                base = defaultWorld();
            } catch (WorldException e) {
                problems.add(fromWorld(e, "default world"));
                return null;
            }
        }
        SandboxWorld renamed = new SandboxWorld(lesson.id(), lesson.title().en(), base.description(), base.servers(),
                base.zones(), base.scenarios());
        return apply(renamed, lesson.world().changes(), "/world", files, loc, problems);
    }

    static LessonProblem fromWorld(WorldException e, String fallbackFile) {
        return LessonProblem.of(e.file().orElse(fallbackFile), e.line(), e.problem());
    }

    /** The world with the changes applied, or null when any of them fails (each failure reported). */
    static SandboxWorld apply(SandboxWorld world, WorldChanges changes, String at, LessonFiles files, LessonLocator loc,
                              List<LessonProblem> problems) {
        if (changes.isEmpty()) {
            return world;
        }
        int before = problems.size();
        List<ZoneSpec> zones = new ArrayList<>(world.zones());
        List<ServerSpec> servers = new ArrayList<>(world.servers());
        // zones whose file failed are reported once, not again by every server that serves them
        java.util.Set<Name> failed = new java.util.HashSet<>();

        for (int i = 0; i < changes.zones().size(); i++) {
            WorldChanges.ZoneChange c = changes.zones().get(i);
            String p = at + LessonJson.pointer("zones", i);
            int index = indexOfZone(zones, c.origin());
            if (c instanceof WorldChanges.ZoneChange.Remove) {
                if (index < 0) {
                    problems.add(loc.problem(p + "/origin", "cannot remove zone " + c.origin()
                            + ": the world has no such zone"));
                    continue;
                }
                zones.remove(index);
                for (int s = 0; s < servers.size(); s++) {
                    ServerSpec spec = servers.get(s);
                    if (spec.serves(c.origin())) {
                        List<Name> served = new ArrayList<>(spec.zones());
                        served.remove(c.origin());
                        servers.set(s, new ServerSpec(spec.name(), spec.addresses(), served, spec.behaviour()));
                    }
                }
                continue;
            }
            WorldChanges.ZoneChange.Load load = (WorldChanges.ZoneChange.Load) c;
            String text;
            try {
                Optional<String> t = files.text(load.file());
                if (t.isEmpty()) {
                    problems.add(loc.problem(p + "/file", "zone file '" + load.file() + "' for " + c.origin()
                            + " not found in the lesson (" + files.display(load.file()) + ")"));
                    failed.add(c.origin());
                    continue;
                }
                text = t.get();
            } catch (CharacterCodingException e) {
                problems.add(LessonProblem.of(files.display(load.file()), 0, "not UTF-8 text"));
                failed.add(c.origin());
                continue;
            }
            try {
                ZoneSpec z = ZoneSpec.parse(c.origin(), files.display(load.file()), text);
                if (index >= 0) {
                    zones.set(index, z);
                } else {
                    zones.add(z);
                }
            } catch (WorldException e) {
                problems.add(fromWorld(e, files.display(load.file())));
                failed.add(c.origin());
            }
        }

        Map<InetAddress, Name> owners = new HashMap<>();
        for (ServerSpec s : servers) {
            for (InetAddress a : s.addresses()) {
                owners.put(a, s.name());
            }
        }
        for (int i = 0; i < changes.servers().size(); i++) {
            WorldChanges.ServerChange c = changes.servers().get(i);
            String p = at + LessonJson.pointer("servers", i);
            int index = indexOfServer(servers, c.name());
            if (c instanceof WorldChanges.ServerChange.Remove) {
                if (index < 0) {
                    problems.add(loc.problem(p + "/name", "cannot remove server " + c.name()
                            + ": the world has no such server"));
                } else {
                    servers.get(index).addresses().forEach(owners::remove);
                    servers.remove(index);
                }
                continue;
            }
            WorldChanges.ServerChange.Update u = (WorldChanges.ServerChange.Update) c;
            ServerSpec old = index < 0 ? null : servers.get(index);
            if (old == null && (u.addresses() == null || u.zones() == null)) {
                problems.add(loc.problem(p + "/name", "the world has no server " + c.name()
                        + "; a new server needs \"addresses\" and \"zones\""));
                continue;
            }
            List<InetAddress> addresses = u.addresses() != null ? u.addresses() : old.addresses();
            if (addresses.isEmpty()) {
                problems.add(loc.problem(p + "/addresses", "server " + c.name() + " needs at least one address"));
                continue;
            }
            boolean clash = false;
            for (InetAddress a : addresses) {
                Name owner = owners.get(a);
                if (owner != null && !owner.equals(c.name())) {
                    problems.add(loc.problem(p + "/addresses", "address " + IpText.format(a) + " of server " + c.name()
                            + " is already used by server " + owner));
                    clash = true;
                }
            }
            if (clash) {
                continue;
            }
            List<Name> served = u.zones() != null ? u.zones() : old.zones();
            boolean missing = false;
            for (Name z : served) {
                if (indexOfZone(zones, z) < 0) {
                    if (!failed.contains(z)) {
                        problems.add(loc.problem(p + "/zones", "server " + c.name() + " serves zone " + z
                                + ", which is not in the world (add it under \"zones\" with its file)"));
                    }
                    missing = true;
                }
            }
            if (missing) {
                continue;
            }
            ServerBehaviour behaviour = u.behaviour() != null ? u.behaviour()
                    : old != null ? old.behaviour() : ServerBehaviour.NORMAL;
            if (old != null) {
                old.addresses().forEach(owners::remove);
            }
            addresses.forEach(a -> owners.put(a, c.name()));
            ServerSpec spec = new ServerSpec(c.name(), addresses, served, behaviour);
            if (index >= 0) {
                servers.set(index, spec);
            } else {
                servers.add(spec);
            }
        }

        // an added zone that no server serves would be unreachable: almost certainly a forgotten server entry
        for (int i = 0; i < changes.zones().size(); i++) {
            WorldChanges.ZoneChange c = changes.zones().get(i);
            if (c instanceof WorldChanges.ZoneChange.Load && indexOfZone(zones, c.origin()) >= 0
                    && servers.stream().noneMatch(s -> s.serves(c.origin()))) {
                problems.add(loc.problem(at + LessonJson.pointer("zones", i, "origin"), "zone " + c.origin()
                        + " is served by no server; list it under a server's \"zones\""));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new SandboxWorld(world.id(), world.title(), world.description(), servers, zones, world.scenarios());
    }

    private static int indexOfZone(List<ZoneSpec> zones, Name origin) {
        for (int i = 0; i < zones.size(); i++) {
            if (zones.get(i).origin().equals(origin)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfServer(List<ServerSpec> servers, Name name) {
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
