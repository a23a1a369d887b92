package dev.wisp.proxy.ws;

import dev.wisp.proxy.core.FlowInfo;
import dev.wisp.proxy.core.Transport;
import dev.wisp.proxy.http.HttpResponses;
import dev.wisp.proxy.metrics.Metrics;
import dev.wisp.proxy.metrics.Metrics.Counter;
import dev.wisp.proxy.server.PipelineNames;
import dev.wisp.proxy.sip.SipParser;
import dev.wisp.proxy.transport.SipDispatcher;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker13;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an HTTP upgrade request into a SIP flow (RFC 6455 handshake, RFC 7118 subprotocol). It
 * refuses, with a status and a body that says why: a version other than 13 (426), a request that
 * does not offer the {@code sip} subprotocol (400), and a browser Origin that is not allowed (403).
 * On success it swaps the HTTP handlers for the WebSocket and SIP ones.
 */
public final class WebSocketUpgrade {

    private static final Logger log = LoggerFactory.getLogger(WebSocketUpgrade.class);
    static final String SUBPROTOCOL = "sip";

    private final Transport transport;
    private final WebSocketSettings settings;
    private final OriginPolicy origins;
    private final WebSocketDecoderConfig decoderConfig;
    private final SipParser parser;
    private final SipDispatcher dispatcher;
    private final Metrics metrics;

    public WebSocketUpgrade(Transport transport, WebSocketSettings settings, SipParser parser, SipDispatcher dispatcher,
            Metrics metrics) {
        this.transport = transport;
        this.settings = settings;
        this.origins = new OriginPolicy(settings.allowedOrigins());
        this.decoderConfig = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(settings.maxMessageSize())
                .allowExtensions(false)
                .allowMaskMismatch(false)
                .closeOnProtocolViolation(true)
                .build();
        this.parser = parser;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    /** Whether the request asks to become a WebSocket. */
    public static boolean isUpgrade(FullHttpRequest request) {
        return "websocket".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE));
    }

    /**
     * Completes or refuses the upgrade.
     *
     * @param deadlineHandler the name of the handler that times out HTTP requests, removed on success
     */
    public void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, String deadlineHandler) {
        HttpHeaders headers = request.headers();
        if (!HttpMethod.GET.equals(request.method()) || !headers.contains(HttpHeaderNames.SEC_WEBSOCKET_KEY)) {
            refused(ctx, "not a WebSocket handshake: " + request.method() + " without Sec-WebSocket-Key");
            HttpResponses.refuse(ctx, HttpResponseStatus.BAD_REQUEST,
                    "A WebSocket handshake is a GET with a Sec-WebSocket-Key (RFC 6455 section 4.1).");
            return;
        }
        if (!"13".equals(headers.get(HttpHeaderNames.SEC_WEBSOCKET_VERSION))) {
            refused(ctx, "WebSocket version " + headers.get(HttpHeaderNames.SEC_WEBSOCKET_VERSION) + " (need 13)");
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel())
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        String offered = headers.get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
        if (!offersSip(offered)) {
            refused(ctx, "no sip subprotocol (offered: " + offered + ")");
            HttpResponses.refuse(ctx, HttpResponseStatus.BAD_REQUEST, "This is a SIP WebSocket server: the"
                    + " handshake must offer the WebSocket subprotocol \"sip\" (RFC 7118)."
                    + (offered == null ? " None was offered." : " Offered: " + offered + "."));
            return;
        }
        String origin = headers.get(HttpHeaderNames.ORIGIN);
        if (!origins.allows(origin, headers.get(HttpHeaderNames.HOST), transport == Transport.WSS)) {
            refused(ctx, "Origin " + origin + " not allowed");
            HttpResponses.refuse(ctx, HttpResponseStatus.FORBIDDEN, "Origin " + origin + " may not open a SIP"
                    + " WebSocket here. Same-origin pages may; others must be listed in websocket.allowed-origins.");
            return;
        }
        accept(ctx, request, deadlineHandler);
    }

    private void accept(ChannelHandlerContext ctx, FullHttpRequest request, String deadlineHandler) {
        FlowInfo info = new FlowInfo(dispatcher.newFlowId(), transport,
                (InetSocketAddress) ctx.channel().remoteAddress(), (InetSocketAddress) ctx.channel().localAddress());
        WebSocketFlow flow = new WebSocketFlow(info, ctx.channel());
        String location = (transport == Transport.WSS ? "wss://" : "ws://")
                + request.headers().get(HttpHeaderNames.HOST, "localhost") + request.uri();
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshaker13(location, SUBPROTOCOL, decoderConfig);

        // Install the WebSocket handlers before the handshake: frames may follow the 101 at once.
        ChannelPipeline pipeline = ctx.pipeline();
        long pingMillis = settings.pingInterval().toMillis();
        pipeline.addLast(PipelineNames.WS_AGGREGATOR, new WebSocketFrameAggregator(settings.maxMessageSize()))
                .addLast(PipelineNames.WS_UTF8, Utf8TextValidator.INSTANCE)
                .addLast(PipelineNames.WS_IDLE, new IdleStateHandler(pingMillis, 0, 0, TimeUnit.MILLISECONDS))
                .addLast(PipelineNames.WS_CONTROL, new WebSocketControlHandler(flow, metrics))
                .addLast(PipelineNames.SIP_CODEC, new SipWebSocketCodec(flow, parser, metrics))
                .addLast(PipelineNames.SIP_FLOW, new SipFlowHandler(flow, dispatcher));
        pipeline.remove(deadlineHandler);
        pipeline.remove(ctx.handler());

        handshaker.handshake(ctx.channel(), request).addListener(done -> {
            if (done.isSuccess()) {
                metrics.increment(Counter.WS_HANDSHAKES);
                dispatcher.flowOpened(flow);
                log.debug("{} WebSocket open ({})", flow, request.uri());
            } else {
                log.info("{} WebSocket handshake failed: {}", flow, done.cause().toString());
                ctx.channel().close();
            }
        });
    }

    private void refused(ChannelHandlerContext ctx, String why) {
        metrics.increment(Counter.WS_HANDSHAKES_REFUSED);
        log.info("{} WebSocket upgrade refused: {}", ctx.channel().remoteAddress(), why);
    }

    private static boolean offersSip(String offered) {
        return offered != null && Arrays.stream(offered.split(",")).map(String::trim).anyMatch(SUBPROTOCOL::equals);
    }
}
