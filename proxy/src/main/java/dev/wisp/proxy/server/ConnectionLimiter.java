package dev.wisp.proxy.server;

import dev.wisp.proxy.metrics.Metrics;
import dev.wisp.proxy.metrics.Metrics.Counter;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps open connections per remote IP address, so one host cannot take every file descriptor.
 * Shared by all connections of all listeners.
 */
@Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLimiter.class);
    private static final AttributeKey<InetAddress> COUNTED = AttributeKey.valueOf("wisp.counted-address");

    private final int maxPerAddress;
    private final Metrics metrics;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    ConnectionLimiter(int maxPerAddress, Metrics metrics) {
        this.maxPerAddress = maxPerAddress;
        this.metrics = metrics;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        metrics.increment(Counter.CONNECTIONS_ACCEPTED);
        InetAddress address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        int count = open.merge(address, 1, Integer::sum);
        ctx.channel().attr(COUNTED).set(address);
        if (count > maxPerAddress) {
            metrics.increment(Counter.CONNECTIONS_REFUSED);
            log.info("{} refused: {} already has {} connections (limits.max-connections-per-ip)",
                    ctx.channel(), address.getHostAddress(), maxPerAddress);
            ctx.close();
            return;
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        InetAddress address = ctx.channel().attr(COUNTED).getAndSet(null);
        if (address != null) {
            open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        }
        super.channelInactive(ctx);
    }
}
