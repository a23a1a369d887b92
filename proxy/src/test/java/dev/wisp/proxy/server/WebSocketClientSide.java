package dev.wisp.proxy.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * The browser's half of a WebSocket, for feeding bytes to wisp's pipeline and reading its answer:
 * frames are masked as a client must (RFC 6455 section 5.3), server frames unmasked.
 */
final class WebSocketClientSide {

    private final EmbeddedChannel encoder = new EmbeddedChannel(new WebSocket13FrameEncoder(true));
    private final EmbeddedChannel decoder = new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 16 << 20));

    /** The bytes of {@code frame} on the wire, as a browser sends it. */
    ByteBuf encode(WebSocketFrame frame) {
        encoder.writeOutbound(frame);
        ByteBuf all = encoder.alloc().buffer();
        for (ByteBuf part = encoder.readOutbound(); part != null; part = encoder.readOutbound()) {
            all.writeBytes(part);
            part.release();
        }
        return all;
    }

    /** Feeds what the server wrote to the decoder. */
    void receive(ByteBuf bytes) {
        decoder.writeInbound(bytes);
    }

    /** The next frame decoded from the server's bytes, or null; the caller releases it. */
    WebSocketFrame nextFrame() {
        return decoder.readInbound();
    }

    void close() {
        encoder.finishAndReleaseAll();
        decoder.finishAndReleaseAll();
    }
}
