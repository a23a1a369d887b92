package dev.wisp.registrar;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where bindings live. The in-memory store is the default; a shared store (Redis) can take its
 * place for several wisp instances without the registrar changing.
 */
public interface LocationStore extends LocationView {

    /**
     * Atomically replaces the bindings of one address-of-record with what {@code change} returns
     * for the current ones. No other update of the same AOR runs in between. An empty result
     * removes the AOR.
     *
     * @return the bindings now stored
     */
    List<Binding> update(String aor, UnaryOperator<List<Binding>> change);

    /** Removes every binding that was registered on {@code flow}; returns how many. */
    int removeFlow(FlowId flow);

    /** Removes every binding expired at {@code now}; returns how many. */
    int removeExpired(Instant now);

    int aorCount();

    int bindingCount();
}
