package dev.wisp.proxy;

import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** An EmbeddedChannel with IP socket addresses, as wisp's handlers expect of a real connection. */
public final class InetEmbeddedChannel extends EmbeddedChannel {

    public static final InetSocketAddress REMOTE = new InetSocketAddress("192.0.2.10", 50000);
    public static final InetSocketAddress LOCAL = new InetSocketAddress("10.0.0.1", 8080);

    public InetEmbeddedChannel(ChannelHandler... handlers) {
        super(handlers);
    }

    @Override
    protected SocketAddress remoteAddress0() {
        return isActive() ? REMOTE : null;
    }

    @Override
    protected SocketAddress localAddress0() {
        return isActive() ? LOCAL : null;
    }
}
