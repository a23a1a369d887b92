package dev.wisp.proxy.server;

import dev.wisp.proxy.http.HttpEndpoints;
import dev.wisp.proxy.http.HttpResponses;
import dev.wisp.proxy.ws.WebSocketUpgrade;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;

/** Sends each HTTP request either to the WebSocket upgrade or to the plain HTTP endpoints. */
@Sharable
final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final WebSocketUpgrade upgrade;
    private final HttpEndpoints endpoints;

    HttpRouter(WebSocketUpgrade upgrade, HttpEndpoints endpoints) {
        this.upgrade = upgrade;
        this.endpoints = endpoints;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            HttpResponses.refuse(ctx, HttpResponseStatus.BAD_REQUEST, "Malformed HTTP request.");
        } else if (WebSocketUpgrade.isUpgrade(request)) {
            upgrade.upgrade(ctx, request, PipelineNames.HTTP_DEADLINE);
        } else {
            endpoints.serve(ctx, request);
        }
    }
}
