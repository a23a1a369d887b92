package dev.wisp.proxy.ws;

import dev.wisp.proxy.metrics.Metrics;
import dev.wisp.proxy.metrics.Metrics.Counter;
import dev.wisp.proxy.sip.SipEncoding;
import dev.wisp.proxy.sip.SipParseException;
import dev.wisp.proxy.sip.SipParser;
import dev.wisp.proxy.transport.Flow;
import dev.wisp.sip.StatelessResponses;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket message is one SIP message (RFC 7118 section 5), in a text or a binary frame.
 * Inbound: a bare CRLF CRLF is a keepalive and is answered with CRLF (RFC 5626 section 3.5.1);
 * anything else is parsed, and a malformed request is answered here and goes no further.
 * Outbound: a message goes out as text when it is valid UTF-8, else as binary.
 */
final class SipWebSocketCodec extends MessageToMessageCodec<WebSocketFrame, SIPMessage> {

    private static final Logger log = LoggerFactory.getLogger(SipWebSocketCodec.class);
    private static final byte[] DOUBLE_CRLF = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final ByteBuf CRLF = Unpooled.unreleasableBuffer(
            Unpooled.copiedBuffer("\r\n", StandardCharsets.US_ASCII)).asReadOnly();

    private final Flow flow;
    private final SipParser parser;
    private final Metrics metrics;

    SipWebSocketCodec(Flow flow, SipParser parser, Metrics metrics) {
        this.flow = flow;
        this.parser = parser;
        this.metrics = metrics;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        ByteBuf content = frame.content();
        if (isOnlyLineBreaks(content)) {
            if (ByteBufUtil.equals(content, Unpooled.wrappedBuffer(DOUBLE_CRLF))) {
                metrics.increment(Counter.SIP_KEEPALIVES);
                ctx.writeAndFlush(new TextWebSocketFrame(CRLF.duplicate()));
            }
            return; // a lone CRLF is the peer's own pong: nothing to do
        }
        try {
            out.add(parser.parse(ByteBufUtil.getBytes(content)));
        } catch (SipParseException malformed) {
            answer(ctx, malformed);
        }
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, SIPMessage message, List<Object> out) {
        out.add(frame(SipEncoding.toBytes(message)));
    }

    private void answer(ChannelHandlerContext ctx, SipParseException malformed) {
        SIPRequest request = malformed.answerable().orElse(null);
        if (request == null || SIPRequest.ACK.equals(request.getMethod())) {
            metrics.increment(Counter.SIP_MALFORMED_DROPPED);
            log.info("{} malformed SIP message dropped: {}", flow, malformed.reason());
            return;
        }
        metrics.increment(Counter.SIP_MALFORMED_ANSWERED);
        log.info("{} malformed SIP request answered {} {}", flow, malformed.status(), malformed.reason());
        byte[] response = SipEncoding.toBytes(StatelessResponses.create(request, malformed.status(), malformed.reason()));
        // Straight to the frame encoder: this handler's own encode() is not on ctx's write path.
        ctx.writeAndFlush(frame(response));
    }

    private static WebSocketFrame frame(byte[] message) {
        ByteBuf content = Unpooled.wrappedBuffer(message);
        return Utf8.isValid(ByteBuffer.wrap(message)) ? new TextWebSocketFrame(content) : new BinaryWebSocketFrame(content);
    }

    private static boolean isOnlyLineBreaks(ByteBuf content) {
        for (int i = content.readerIndex(); i < content.writerIndex(); i++) {
            byte b = content.getByte(i);
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
