package dev.wisp.proxy.core;

import dev.wisp.registrar.FlowId;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory flow table for routing tests: flows are opened and closed by hand. */
final class TestFlows implements FlowView {

    private final Map<FlowId, FlowInfo> open = new ConcurrentHashMap<>();
    private long lastId;

    FlowInfo open(Transport transport, String remoteIp, int remotePort, InetSocketAddress local) {
        FlowInfo flow = new FlowInfo(new FlowId(++lastId), transport, new InetSocketAddress(remoteIp, remotePort), local);
        open.put(flow.id(), flow);
        return flow;
    }

    void close(FlowInfo flow) {
        open.remove(flow.id());
    }

    @Override
    public Optional<FlowInfo> flow(FlowId id) {
        return Optional.ofNullable(open.get(id));
    }

    @Override
    public Optional<FlowInfo> flowFrom(Transport transport, String host, int port) {
        return open.values().stream()
                .filter(flow -> flow.transport().addressFamily().equals(transport.addressFamily())
                        && flow.remote().getAddress().getHostAddress().equals(host)
                        && flow.remote().getPort() == port)
                .findFirst();
    }
}
