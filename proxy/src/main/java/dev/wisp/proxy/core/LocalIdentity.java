package dev.wisp.proxy.core;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who wisp is, for recognising its own Route and Via entries and the domains it serves.
 *
 * @param hosts          names and addresses that mean "this wisp" (listening addresses, aliases)
 * @param ports          ports wisp listens on; a URI naming another port is not wisp
 * @param advertisedHost the host to write into Via and Record-Route, or null to write the local
 *                       address the peer connected to (right unless wisp sits behind a NAT)
 * @param domains        SIP domains served by the registrar and location service; empty means
 *                       every domain
 */
public record LocalIdentity(Set<String> hosts, Set<Integer> ports, String advertisedHost, Set<String> domains) {

    public LocalIdentity {
        hosts = hosts.stream().map(LocalIdentity::normalize).collect(Collectors.toUnmodifiableSet());
        ports = Set.copyOf(ports);
        domains = domains.stream().map(LocalIdentity::normalize).collect(Collectors.toUnmodifiableSet());
        if (advertisedHost != null) {
            hosts = union(hosts, normalize(advertisedHost));
        }
    }

    /** Whether {@code host:port} names this wisp; a port of -1 (absent) matches any of ours. */
    public boolean isLocal(String host, int port) {
        return host != null && hosts.contains(normalize(host)) && (port <= 0 || ports.contains(port));
    }

    /** Whether a request for {@code host} is ours to resolve through the location service. */
    public boolean serves(String host) {
        if (host == null) {
            return false;
        }
        String normalized = normalize(host);
        return domains.isEmpty() || domains.contains(normalized) || hosts.contains(normalized);
    }

    /** The host wisp writes into a Via or Record-Route on {@code flow}, bracketed if IPv6. */
    public String hostFor(FlowInfo flow) {
        String host = advertisedHost != null ? advertisedHost : flow.local().getAddress().getHostAddress();
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String normalize(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            lower = lower.substring(1, lower.length() - 1);
        }
        int zone = lower.indexOf('%');
        return zone >= 0 ? lower.substring(0, zone) : lower;
    }

    private static Set<String> union(Set<String> hosts, String extra) {
        return Stream.concat(hosts.stream(), Stream.of(extra)).collect(Collectors.toUnmodifiableSet());
    }
}
