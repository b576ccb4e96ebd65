package org.resolvefx.core.sandbox;

import java.net.InetAddress;
import java.util.Objects;
import org.resolvefx.core.net.IpText;
import org.xbill.DNS.Name;

/**
 * Configuration text for real resolvers that resolve through a running sandbox.
 *
 * <p>Unbound learns server addresses from referrals without a port and would ask them on port 53,
 * and it has no option to change that. So on any other port every zone of the world becomes a
 * {@code stub-zone} with {@code addr@port}; Unbound still follows CNAMEs, referrals and side lookups
 * itself, but reaches each zone's servers on the sandbox's port. On port 53 the root stub alone
 * would do.
 */
public final class ResolverConfigs {
    private ResolverConfigs() {
    }

    /**
     * An {@code unbound.conf} for {@code unbound -d -c FILE}: listens on {@code listen}:{@code listenPort},
     * asks the sandbox on {@code sandboxPort}, keeps its files in {@code directory}.
     */
    public static String unbound(SandboxWorld world, int sandboxPort, InetAddress listen, int listenPort,
                                 String directory) {
        Objects.requireNonNull(world, "world");
        if (!SandboxAddresses.isLoopback(listen)) {
            throw new IllegalArgumentException("the resolver must listen on loopback, not " + IpText.format(listen));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# Unbound for the ResolveFX sandbox world '").append(world.id()).append("' on port ")
                .append(sandboxPort).append("\n");
        sb.append("server:\n");
        sb.append("    interface: ").append(IpText.format(listen)).append('\n');
        sb.append("    port: ").append(listenPort).append('\n');
        sb.append("    do-daemonize: no\n");
        sb.append("    use-syslog: no\n");
        sb.append("    logfile: \"\"\n");
        sb.append("    verbosity: 1\n");
        sb.append("    username: \"\"\n");
        sb.append("    chroot: \"\"\n");
        sb.append("    directory: \"").append(directory).append("\"\n");
        sb.append("    pidfile: \"").append(directory).append("/unbound.pid\"\n");
        sb.append("    access-control: 127.0.0.0/8 allow\n");
        sb.append("    # the sandbox lives on loopback, which Unbound refuses to query by default\n");
        sb.append("    do-not-query-localhost: no\n");
        sb.append("    do-ip6: ").append(usesIpv6(world) ? "yes" : "no").append('\n');
        sb.append("    # the sandbox is not signed: plain iterator, no trust anchor\n");
        sb.append("    module-config: \"iterator\"\n");
        sb.append("    num-threads: 1\n");
        sb.append("    outgoing-range: 64\n");
        sb.append("    so-reuseport: no\n");
        for (ZoneSpec z : world.zones()) {
            StringBuilder addrs = new StringBuilder();
            for (ServerSpec s : world.serversFor(z.origin())) {
                for (InetAddress a : s.addresses()) {
                    addrs.append("    stub-addr: ").append(IpText.format(a)).append('@').append(sandboxPort).append('\n');
                }
            }
            if (addrs.length() == 0) {
                continue; // a zone nobody serves stays unreachable, as in the world
            }
            if (sandboxPort == 53 && !z.origin().equals(Name.root)) {
                continue; // on port 53 referrals work as they are
            }
            sb.append("stub-zone:\n");
            sb.append("    name: \"").append(z.origin()).append("\"\n");
            sb.append(addrs);
        }
        return sb.toString();
    }

    private static boolean usesIpv6(SandboxWorld world) {
        for (ServerSpec s : world.servers()) {
            for (InetAddress a : s.addresses()) {
                if (a.getAddress().length == 16) {
                    return true;
                }
            }
        }
        return false;
    }
}
