package dev.wisp.proxy.server;

import dev.wisp.proxy.config.ListenerConfig;
import dev.wisp.proxy.config.WispConfig;
import dev.wisp.proxy.core.FlowTokens;
import dev.wisp.proxy.core.ForeignRouting;
import dev.wisp.proxy.core.LocalIdentity;
import dev.wisp.proxy.core.ProxyCore;
import dev.wisp.proxy.core.Transport;
import dev.wisp.proxy.http.HttpEndpoints;
import dev.wisp.proxy.http.StaticFiles;
import dev.wisp.proxy.metrics.Metrics;
import dev.wisp.proxy.sip.SipParser;
import dev.wisp.proxy.tls.ServerTls;
import dev.wisp.proxy.transport.FlowRegistry;
import dev.wisp.proxy.transport.SipDispatcher;
import dev.wisp.proxy.ws.WebSocketUpgrade;
import dev.wisp.registrar.InMemoryLocationStore;
import dev.wisp.registrar.LocationStore;
import dev.wisp.registrar.Registrar;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running wisp: its listeners, event loops, registrar and proxy, wired together. */
public final class WispServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WispServer.class);

    private final EventLoopGroup group;
    private final List<Channel> listeners = new ArrayList<>();
    private final Registrar registrar;
    private final FlowRegistry flows = new FlowRegistry();
    private final Metrics metrics = new Metrics();
    private final Instant started;
    private int wsPort = -1;
    private int wssPort = -1;

    private WispServer(WispConfig config, Clock clock) {
        this.started = clock.instant();
        this.group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), ioHandlers());
        LocationStore store = new InMemoryLocationStore();
        this.registrar = new Registrar(config.registrar(), store, clock);
    }

    /** Starts wisp; returns once every listener accepts connections. */
    public static WispServer start(WispConfig config, Clock clock) throws IOException, InterruptedException {
        WispServer server = new WispServer(config, clock);
        try {
            server.open(config, clock);
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void open(WispConfig config, Clock clock) throws IOException, InterruptedException {
        ConnectionLimiter limiter = new ConnectionLimiter(config.maxConnectionsPerIp(), metrics);
        Duration handshakeTimeout = config.websocket().handshakeTimeout();
        WispChannelInitializer plain = new WispChannelInitializer(null, limiter, handshakeTimeout);
        WispChannelInitializer secure = config.wss().enabled()
                ? new WispChannelInitializer(ServerTls.context(config.tls(), clock), limiter, handshakeTimeout)
                : null;
        Channel wsListener = config.ws().enabled() ? bind(config.ws(), plain) : null;
        Channel wssListener = secure != null ? bind(config.wss(), secure) : null;

        Set<String> hosts = new HashSet<>(config.sip().aliases());
        Set<Integer> ports = new HashSet<>();
        if (wsListener != null) {
            wsPort = port(wsListener);
            ports.add(wsPort);
            hosts.addAll(LocalAddresses.of(config.ws().host()));
        }
        if (wssListener != null) {
            wssPort = port(wssListener);
            ports.add(wssPort);
            hosts.addAll(LocalAddresses.of(config.wss().host()));
        }
        LocalIdentity local = new LocalIdentity(hosts, ports, config.sip().advertisedHost(), config.sip().domains());
        ProxyCore core = new ProxyCore(FlowTokens.withRandomSecret(), ForeignRouting.REFUSE);
        SipDispatcher dispatcher = new SipDispatcher(core, registrar, flows, local, clock, metrics);
        SipParser parser = new SipParser();
        HttpEndpoints endpoints = new HttpEndpoints(new StaticFiles(config.webRoot()), metrics, this::health);
        registerGauges();

        if (wsListener != null) {
            plain.routeTo(new HttpRouter(new WebSocketUpgrade(Transport.WS, config.websocket(), parser, dispatcher,
                    metrics), endpoints));
            wsListener.config().setAutoRead(true);
        }
        if (wssListener != null) {
            secure.routeTo(new HttpRouter(new WebSocketUpgrade(Transport.WSS, config.websocket(), parser, dispatcher,
                    metrics), endpoints));
            wssListener.config().setAutoRead(true);
        }
        long sweepMillis = config.registrar().sweepInterval().toMillis();
        group.scheduleAtFixedRate(this::sweepExpired, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /** The port of the ws:// listener, or -1 when it is disabled. */
    public int wsPort() {
        return wsPort;
    }

    /** The port of the wss:// listener, or -1 when it is disabled. */
    public int wssPort() {
        return wssPort;
    }

    @Override
    public void close() {
        for (Channel listener : listeners) {
            listener.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private Channel bind(ListenerConfig listener, WispChannelInitializer initializer) throws InterruptedException {
        Channel channel = new ServerBootstrap()
                .group(group)
                .channel(serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer)
                .bind(listener.host(), listener.port())
                .sync()
                .channel();
        listeners.add(channel);
        return channel;
    }

    private void sweepExpired() {
        try {
            int removed = registrar.sweepExpired();
            if (removed > 0) {
                log.debug("swept {} expired binding(s)", removed);
            }
        } catch (RuntimeException e) {
            log.warn("sweeping expired bindings failed: {}", e.toString(), e);
        }
    }

    private String health() {
        long uptime = Duration.between(started, Instant.now()).toSeconds();
        return "{\"status\":\"ok\",\"uptime_seconds\":" + uptime + ",\"flows\":" + flows.size() + ",\"aors\":"
                + registrar.aorCount() + ",\"bindings\":" + registrar.bindingCount() + "}\n";
    }

    private void registerGauges() {
        metrics.gauge("wisp_flows_open", "SIP flows (WebSocket connections) open now.", flows::size);
        metrics.gauge("wisp_registrar_aors", "Addresses-of-record with at least one binding.", registrar::aorCount);
        metrics.gauge("wisp_registrar_bindings", "Registered contacts.", registrar::bindingCount);
    }

    private static int port(Channel listener) {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    private static IoHandlerFactory ioHandlers() {
        return Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    private static Class<? extends ServerChannel> serverChannelType() {
        return Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
