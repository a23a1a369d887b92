package dev.wisp.proxy.config;

import java.util.Set;

/**
 * The proxy's identity.
 *
 * @param domains        served SIP domains; empty serves all
 * @param advertisedHost host written into Via and Record-Route, or null for the local address
 * @param aliases        other names of this wisp
 */
public record SipConfig(Set<String> domains, String advertisedHost, Set<String> aliases) {

    public SipConfig {
        domains = Set.copyOf(domains);
        aliases = Set.copyOf(aliases);
    }
}
