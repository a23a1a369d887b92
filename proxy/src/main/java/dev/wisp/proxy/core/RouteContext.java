package dev.wisp.proxy.core;

import dev.wisp.registrar.LocationView;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the proxy core may read while routing one message: where it came from, who is
 * registered, which flows are open, who wisp is, and the time. Read-only by construction.
 */
public record RouteContext(FlowInfo inbound, LocationView locations, FlowView flows, LocalIdentity local,
        Clock clock) {

    public RouteContext {
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(locations, "locations");
        Objects.requireNonNull(flows, "flows");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(clock, "clock");
    }
}
