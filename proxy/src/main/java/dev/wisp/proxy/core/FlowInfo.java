package dev.wisp.proxy.core;

import dev.wisp.registrar.FlowId;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What the proxy core may know of a flow: plain data, no channel.
 *
 * @param id        the flow's id
 * @param transport how it is carried
 * @param remote    the peer's address as the socket sees it
 * @param local     our address and port as the peer reached them
 */
public record FlowInfo(FlowId id, Transport transport, InetSocketAddress remote, InetSocketAddress local) {

    public FlowInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(local, "local");
    }

    /** Whether two flows leave wisp through the same listening socket. */
    public boolean sameListener(FlowInfo other) {
        return transport == other.transport && local.equals(other.local);
    }

    @Override
    public String toString() {
        return id + "(" + transport.uriParameter() + " " + remote.getAddress().getHostAddress() + ":"
                + remote.getPort() + ")";
    }
}
