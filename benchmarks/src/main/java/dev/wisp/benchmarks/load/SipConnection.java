package dev.wisp.benchmarks.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One browser-like WebSocket connection to the server under test, subprotocol sip, text frames. */
final class SipConnection {

    private final Channel channel;

    private SipConnection(Channel channel) {
        this.channel = channel;
    }

    /** Connects and completes the WebSocket handshake; every SIP message received goes to {@code receiver}. */
    static CompletableFuture<SipConnection> open(EventLoopGroup group, URI target, Consumer<SipText> receiver) {
        CompletableFuture<SipConnection> opened = new CompletableFuture<>();
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(target)
                .subprotocol("sip")
                .handshakeTimeoutMillis(10_000)
                .dropPongFrames(true)
                .build();
        ChannelFuture connecting = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new HttpClientCodec())
                                .addLast(new HttpObjectAggregator(8192))
                                .addLast(new WebSocketClientProtocolHandler(config))
                                .addLast(new WebSocketFrameAggregator(1 << 20))
                                .addLast(new SimpleChannelInboundHandler<WebSocketFrame>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
                                        String text = frame.content().toString(StandardCharsets.UTF_8);
                                        if (!text.isBlank()) {
                                            receiver.accept(new SipText(text));
                                        }
                                    }

                                    @Override
                                    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
                                        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                                            opened.complete(new SipConnection(ctx.channel()));
                                        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                                            opened.completeExceptionally(new IllegalStateException("handshake timed out"));
                                        }
                                        super.userEventTriggered(ctx, event);
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        opened.completeExceptionally(cause);
                                        ctx.close();
                                    }
                                });
                    }
                })
                .connect(target.getHost(), target.getPort());
        connecting.addListener(connected -> {
            if (!connected.isSuccess()) {
                opened.completeExceptionally(connected.cause());
            }
        });
        return opened;
    }

    void send(String message) {
        channel.writeAndFlush(new TextWebSocketFrame(message));
    }

    boolean isOpen() {
        return channel.isActive();
    }

    CompletableFuture<Void> close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        channel.close().addListener(done -> closed.complete(null));
        return closed;
    }
}
