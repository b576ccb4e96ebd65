package org.resolvefx.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.core.sandbox.Queries.ask;
import static org.resolvefx.core.sandbox.Queries.name;
import static org.resolvefx.core.sandbox.Queries.section;

import java.net.InetAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class DefaultWorldTest {
    static SandboxWorld world;

    @BeforeAll
    static void load() throws Exception {
        world = WorldLoader.loadDefault();
    }

    static SandboxServer at(String address) throws Exception {
        return world.serverAt(InetAddress.getByName(address)).orElseThrow();
    }

    @Test
    void lectureWalk() throws Exception {
        Message root = ask(at("127.0.1.1"), "www.p2p.tu-darmstadt.de.", Type.A);
        System.out.println(root);
        Message de = ask(at("127.0.2.1"), "www.p2p.tu-darmstadt.de.", Type.A);
        System.out.println(de);
        Message tu = ask(at("127.0.3.2"), "www.p2p.tu-darmstadt.de.", Type.A);
        System.out.println(tu);
        Message inf = ask(at("127.0.3.3"), "charon.dekanat.informatik.tu-darmstadt.de.", Type.A);
        System.out.println(inf);
        assertThat(section(inf, Section.ANSWER)).containsExactly(
                "charon.dekanat.informatik.tu-darmstadt.de. 1592 IN A 127.0.31.10");
    }
}
