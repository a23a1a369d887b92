package dev.wisp.proxy.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Writes plain HTTP responses, honouring keep-alive and HEAD. */
public final class HttpResponses {

    public static final String TEXT = "text/plain; charset=utf-8";

    private HttpResponses() {
    }

    /** A response with a body; the connection stays open if the request allows it. */
    public static ChannelFuture send(ChannelHandlerContext ctx, HttpRequest request, HttpResponseStatus status,
            String contentType, byte[] body) {
        FullHttpResponse response = response(status, contentType,
                HttpMethod.HEAD.equals(request.method()) ? new byte[0] : body);
        HttpUtil.setContentLength(response, body.length);
        boolean keepAlive = HttpUtil.isKeepAlive(request) && status.code() < 400;
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture written = ctx.writeAndFlush(response);
        return keepAlive ? written : written.addListener(ChannelFutureListener.CLOSE);
    }

    /** An error response that ends the connection, its body saying why. */
    public static ChannelFuture refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String why) {
        FullHttpResponse response = response(status, TEXT, (why + "\n").getBytes(StandardCharsets.UTF_8));
        HttpUtil.setContentLength(response, response.content().readableBytes());
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static FullHttpResponse response(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set("X-Content-Type-Options", "nosniff");
        return response;
    }
}
