package dev.wisp.proxy.ws;

import dev.wisp.proxy.Fixtures;
import dev.wisp.proxy.InetEmbeddedChannel;
import dev.wisp.proxy.TestWisp;
import dev.wisp.proxy.core.FlowInfo;
import dev.wisp.proxy.core.Transport;
import dev.wisp.proxy.sip.SipParseException;
import dev.wisp.proxy.sip.SipParser;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPResponse;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * One browser's WebSocket connection after the handshake, as an EmbeddedChannel holding the SIP
 * handlers (sip-codec, sip-flow) in front of a {@link TestWisp}.
 */
final class FlowChannel {

    private static final SipParser PARSER = new SipParser();

    final InetEmbeddedChannel channel = new InetEmbeddedChannel();
    final WebSocketFlow flow;

    FlowChannel(TestWisp wisp) {
        FlowInfo info = new FlowInfo(wisp.dispatcher.newFlowId(), Transport.WS, InetEmbeddedChannel.REMOTE,
                InetEmbeddedChannel.LOCAL);
        flow = new WebSocketFlow(info, channel);
        channel.pipeline()
                .addLast(new SipWebSocketCodec(flow, wisp.parser, wisp.metrics))
                .addLast(new SipFlowHandler(flow, wisp.dispatcher));
        wisp.dispatcher.flowOpened(flow);
    }

    void sendText(byte[] message) {
        channel.writeInbound(new TextWebSocketFrame(Unpooled.wrappedBuffer(message)));
    }

    void sendBinary(byte[] message) {
        channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(message)));
    }

    void sendText(String resource) {
        sendText(Fixtures.bytes(resource));
    }

    /** The next frame wisp wrote, or null. The caller releases it. */
    WebSocketFrame nextFrame() {
        return channel.readOutbound();
    }

    /** The next frame wisp wrote, parsed as SIP; null when there is none. */
    SIPMessage nextMessage() {
        WebSocketFrame frame = nextFrame();
        if (frame == null) {
            return null;
        }
        try {
            return PARSER.parse(ByteBufUtil.getBytes(frame.content()));
        } catch (SipParseException e) {
            throw new AssertionError("wisp wrote malformed SIP: " + e.reason(), e);
        } finally {
            frame.release();
        }
    }

    SIPResponse nextResponse() {
        return (SIPResponse) nextMessage();
    }
}
