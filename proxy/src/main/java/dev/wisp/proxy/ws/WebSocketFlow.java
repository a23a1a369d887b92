package dev.wisp.proxy.ws;

import dev.wisp.proxy.core.FlowInfo;
import dev.wisp.proxy.transport.Flow;
import gov.nist.javax.sip.message.SIPMessage;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A SIP flow over one WebSocket connection. */
final class WebSocketFlow implements Flow {

    private static final Logger log = LoggerFactory.getLogger(WebSocketFlow.class);

    private final FlowInfo info;
    private final Channel channel;

    WebSocketFlow(FlowInfo info, Channel channel) {
        this.info = info;
        this.channel = channel;
    }

    @Override
    public FlowInfo info() {
        return info;
    }

    @Override
    public void send(SIPMessage message) {
        // Encoded by the sip-codec handler on the channel's own event loop.
        channel.writeAndFlush(message).addListener(written -> {
            if (!written.isSuccess()) {
                // Usually the peer closed while the message was on its way; a stateless proxy
                // loses it, as it would a datagram.
                log.debug("{} message not sent: {}", info, written.cause().toString());
            }
        });
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public String toString() {
        return info.toString();
    }
}
