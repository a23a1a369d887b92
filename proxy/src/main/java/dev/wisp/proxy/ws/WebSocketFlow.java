package dev.wisp.proxy.ws;

import dev.wisp.proxy.core.FlowInfo;
import dev.wisp.proxy.transport.Flow;
import gov.nist.javax.sip.message.SIPMessage;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

/** A SIP flow over one WebSocket connection. */
final class WebSocketFlow implements Flow {

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
        channel.writeAndFlush(message).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
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
