package dev.wisp.proxy.core;

import dev.wisp.registrar.Binding;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the one binding a stateless proxy sends a request to. A stateless proxy does not fork
 * (RFC 3261 section 16.11), so of the bindings that are unexpired and whose flow is open it takes
 * the highest q-value, and among equals the one registered or refreshed most recently: the tab
 * the user touched last.
 */
final class BindingSelector {

    private static final Comparator<Binding> PREFERENCE =
            Comparator.comparingInt(Binding::q).thenComparing(Binding::registeredAt);

    private BindingSelector() {
    }

    static Optional<Binding> select(List<Binding> bindings, Instant now, FlowView flows) {
        return bindings.stream()
                .filter(binding -> !binding.isExpired(now) && flows.isOpen(binding.flow()))
                .max(PREFERENCE);
    }
}
