package dev.wisp.proxy.transport;

import dev.wisp.proxy.core.FlowInfo;
import dev.wisp.proxy.core.FlowView;
import dev.wisp.proxy.core.Transport;
import dev.wisp.registrar.FlowId;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The open flows, by id and by the peer's address; hands out flow ids. */
public final class FlowRegistry implements FlowView {

    private record RemoteKey(String family, String host, int port) {
        static RemoteKey of(Transport transport, String host, int port) {
            return new RemoteKey(transport.addressFamily(), IpLiterals.canonical(host), port);
        }

        static RemoteKey of(Transport transport, InetSocketAddress remote) {
            return of(transport, remote.getAddress().getHostAddress(), remote.getPort());
        }
    }

    private final AtomicLong lastId = new AtomicLong();
    private final ConcurrentHashMap<FlowId, Flow> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<RemoteKey, Flow> byRemote = new ConcurrentHashMap<>();

    public FlowId nextId() {
        return new FlowId(lastId.incrementAndGet());
    }

    public void add(Flow flow) {
        FlowInfo info = flow.info();
        byId.put(info.id(), flow);
        byRemote.put(RemoteKey.of(info.transport(), info.remote()), flow);
    }

    public void remove(Flow flow) {
        FlowInfo info = flow.info();
        byId.remove(info.id(), flow);
        byRemote.remove(RemoteKey.of(info.transport(), info.remote()), flow);
    }

    public Optional<Flow> get(FlowId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }

    @Override
    public Optional<FlowInfo> flow(FlowId id) {
        return get(id).map(Flow::info);
    }

    @Override
    public Optional<FlowInfo> flowFrom(Transport transport, String host, int port) {
        Flow flow = byRemote.get(RemoteKey.of(transport, host, port));
        return Optional.ofNullable(flow).map(Flow::info);
    }
}
