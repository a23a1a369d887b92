package dev.wisp.registrar;

import java.util.List;

/** Read access to the location service, which is all the proxy core needs. */
public interface LocationView {

    /**
     * The bindings of an address-of-record, possibly including some that have expired but were
     * not swept yet; callers check {@link Binding#isExpired}. Empty when there are none.
     */
    List<Binding> bindings(String aor);
}
