package dev.wisp.proxy.ws;

import dev.wisp.proxy.metrics.Metrics;
import dev.wisp.proxy.metrics.Metrics.Counter;
import dev.wisp.proxy.transport.Flow;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket control plane of one connection: answers pings, completes the closing handshake,
 * pings a connection that has gone quiet and closes it if the next quiet period passes without a
 * frame, and turns WebSocket errors into the close code RFC 6455 section 7.4.1 names.
 */
final class WebSocketControlHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(WebSocketControlHandler.class);

    private final Flow flow;
    private final Metrics metrics;
    private boolean awaitingPong;

    WebSocketControlHandler(Flow flow, Metrics metrics) {
        this.flow = flow;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        awaitingPong = false; // any frame proves the peer is alive
        if (msg instanceof PingWebSocketFrame ping) {
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content()));
        } else if (msg instanceof PongWebSocketFrame pong) {
            pong.release();
        } else if (msg instanceof CloseWebSocketFrame close) {
            // Echo the peer's status, then close (RFC 6455 section 5.5.1).
            ctx.writeAndFlush(close).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            if (awaitingPong) {
                metrics.increment(Counter.WS_DEAD);
                log.info("{} did not answer a ping; closing", flow);
                ctx.close();
            } else {
                awaitingPong = true;
                ctx.writeAndFlush(new PingWebSocketFrame());
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            // A fragmented message grew past the cap (a single oversize frame is caught earlier,
            // by the frame decoder, with the same code).
            closeWith(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG, cause.getMessage());
        } else if (cause instanceof Utf8TextValidator.NotUtf8Exception notUtf8) {
            closeWith(ctx, WebSocketCloseStatus.INVALID_PAYLOAD_DATA, notUtf8.getMessage());
        } else if (cause instanceof CorruptedWebSocketFrameException corrupted) {
            // The frame decoder has already sent its close frame and is closing.
            metrics.increment(Counter.WS_CLOSED_BY_ERROR);
            log.info("{} closed {}: {}", flow, corrupted.closeStatus().code(), corrupted.getMessage());
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }

    private void closeWith(ChannelHandlerContext ctx, WebSocketCloseStatus status, String reason) {
        metrics.increment(Counter.WS_CLOSED_BY_ERROR);
        log.info("{} closed {}: {}", flow, status.code(), reason);
        ctx.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
    }
}
