package dev.wisp.registrar;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Registrar settings, validated on construction.
 *
 * @param minExpires        shortest registration accepted; a shorter non-zero one gets 423
 * @param maxExpires        longest registration granted; a longer one is shortened to this
 * @param defaultExpires    granted when the REGISTER names no expiry
 * @param maxContacts       bindings one AOR may hold; more get 503 (as Kamailio's max_contacts)
 * @param domains           domains served (lowercase); empty serves every domain
 * @param removeOnFlowClose whether a closing connection removes the bindings registered on it
 * @param sweepInterval     how often expired bindings are removed
 */
public record RegistrarConfig(
        Duration minExpires,
        Duration maxExpires,
        Duration defaultExpires,
        int maxContacts,
        Set<String> domains,
        boolean removeOnFlowClose,
        Duration sweepInterval) {

    public static final RegistrarConfig DEFAULTS = new RegistrarConfig(
            Duration.ofSeconds(60), Duration.ofSeconds(3600), Duration.ofSeconds(3600),
            10, Set.of(), true, Duration.ofSeconds(10));

    public RegistrarConfig {
        requireWholePositiveSeconds("registrar.min-expires", minExpires);
        requireWholePositiveSeconds("registrar.max-expires", maxExpires);
        requireWholePositiveSeconds("registrar.default-expires", defaultExpires);
        if (maxExpires.compareTo(minExpires) < 0) {
            throw new IllegalArgumentException("registrar.max-expires: " + maxExpires.toSeconds()
                    + "s (expected: >= registrar.min-expires, " + minExpires.toSeconds() + "s)");
        }
        if (defaultExpires.compareTo(minExpires) < 0 || defaultExpires.compareTo(maxExpires) > 0) {
            throw new IllegalArgumentException("registrar.default-expires: " + defaultExpires.toSeconds()
                    + "s (expected: between registrar.min-expires and registrar.max-expires)");
        }
        if (maxContacts < 1) {
            throw new IllegalArgumentException("registrar.max-contacts: " + maxContacts + " (expected: >= 1)");
        }
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("registrar.sweep-interval: " + sweepInterval + " (expected: > 0)");
        }
        TreeSet<String> normalized = new TreeSet<>();
        for (String domain : domains) {
            if (domain == null || domain.isBlank() || domain.contains(" ")) {
                throw new IllegalArgumentException("registrar.domains: \"" + domain + "\" (expected: a host name)");
            }
            normalized.add(domain.toLowerCase(Locale.ROOT));
        }
        domains = Set.copyOf(normalized);
    }

    /** Whether this registrar is responsible for {@code host}. */
    public boolean serves(String host) {
        return domains.isEmpty() || domains.contains(host.toLowerCase(Locale.ROOT));
    }

    private static void requireWholePositiveSeconds(String key, Duration value) {
        if (value == null || value.toSeconds() < 1 || value.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + ": " + value + " (expected: between 1s and "
                    + Integer.MAX_VALUE + "s)");
        }
    }
}
