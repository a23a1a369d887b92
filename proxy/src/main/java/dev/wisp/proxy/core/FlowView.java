package dev.wisp.proxy.core;

import dev.wisp.registrar.FlowId;
import java.util.Optional;

/** Read access to the open flows, as the proxy core sees them. */
public interface FlowView {

    /** The flow with this id if it is still open. */
    Optional<FlowInfo> flow(FlowId id);

    /** The open flow whose peer is {@code host:port} over {@code transport}. */
    Optional<FlowInfo> flowFrom(Transport transport, String host, int port);

    default boolean isOpen(FlowId id) {
        return flow(id).isPresent();
    }
}
