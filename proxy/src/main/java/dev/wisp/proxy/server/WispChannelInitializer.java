package dev.wisp.proxy.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;

/**
 * Assembles every new connection's pipeline, in the order {@link PipelineNames} documents. The
 * WebSocket part is added by the upgrade, once the connection asks for it.
 */
final class WispChannelInitializer extends ChannelInitializer<Channel> {

    /** A WebSocket handshake or a GET is a request line and a few headers; nothing needs more. */
    private static final int MAX_HTTP_REQUEST = 16 * 1024;

    private final SslContext tls;
    private final ConnectionLimiter limiter;
    private final Duration handshakeTimeout;
    /**
     * Set once the listener's port is known and everything that routes is built; the listening
     * socket accepts nothing before (its auto-read is off until then).
     */
    private volatile HttpRouter router;

    /** @param tls the TLS context for the secure listener, or null for the plain one */
    WispChannelInitializer(SslContext tls, ConnectionLimiter limiter, Duration handshakeTimeout) {
        this.tls = tls;
        this.limiter = limiter;
        this.handshakeTimeout = handshakeTimeout;
    }

    void routeTo(HttpRouter router) {
        this.router = router;
    }

    @Override
    protected void initChannel(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(PipelineNames.CONNECTION_LIMIT, limiter);
        if (tls != null) {
            pipeline.addLast(PipelineNames.TLS, tls.newHandler(channel.alloc()));
        }
        pipeline.addLast(PipelineNames.HTTP_CODEC, new HttpServerCodec())
                .addLast(PipelineNames.HTTP_AGGREGATOR, new HttpObjectAggregator(MAX_HTTP_REQUEST))
                .addLast(PipelineNames.HTTP_DEADLINE, new HttpRequestDeadline(handshakeTimeout))
                .addLast(PipelineNames.HTTP_ROUTER, router);
    }
}
