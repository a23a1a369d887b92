package dev.wisp.proxy.ws;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * A text message must be UTF-8 (RFC 6455 section 8.1); one that is not fails the connection with
 * 1007. Checked once per whole message, after the aggregator, eight bytes at a time ({@link Utf8}):
 * Netty's own Utf8FrameValidator walks every byte of every fragment through a callback, and under
 * load it was the largest single cost on wisp's receive path (see benchmarks/RESULTS.md).
 * The close itself is the control handler's, as for every other WebSocket error.
 */
@Sharable
final class Utf8TextValidator extends ChannelInboundHandlerAdapter {

    static final Utf8TextValidator INSTANCE = new Utf8TextValidator();

    private Utf8TextValidator() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof TextWebSocketFrame text && !Utf8.isValid(text.content().nioBuffer())) {
            text.release();
            ctx.fireExceptionCaught(new NotUtf8Exception());
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** A text message that is not UTF-8; unlike the frame decoder's errors, nobody has closed yet. */
    static final class NotUtf8Exception extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotUtf8Exception() {
            super("a text message is not UTF-8", null, false, false);
        }
    }
}
