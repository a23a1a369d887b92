package dev.wisp.proxy.http;

import dev.wisp.proxy.metrics.Metrics;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Plain HTTP GETs (no upgrade): {@code /healthz} for liveness checks, {@code /metrics} for
 * Prometheus, and everything else from the web root.
 */
public final class HttpEndpoints {

    private final StaticFiles files;
    private final Metrics metrics;
    private final Supplier<String> health;

    /** @param health produces the small JSON document {@code /healthz} answers with */
    public HttpEndpoints(StaticFiles files, Metrics metrics, Supplier<String> health) {
        this.files = files;
        this.metrics = metrics;
        this.health = health;
    }

    public void serve(ChannelHandlerContext ctx, FullHttpRequest request) {
        HttpMethod method = request.method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            HttpResponses.send(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, HttpResponses.TEXT,
                    utf8("Only GET and HEAD are served here.\n"));
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        switch (path) {
            case "/healthz" -> HttpResponses.send(ctx, request, HttpResponseStatus.OK, "application/json",
                    utf8(health.get()));
            case "/metrics" -> HttpResponses.send(ctx, request, HttpResponseStatus.OK,
                    "text/plain; version=0.0.4; charset=utf-8", utf8(metrics.prometheusText()));
            default -> {
                Optional<StaticFiles.Resource> file = files.find(request.uri());
                if (file.isPresent()) {
                    HttpResponses.send(ctx, request, HttpResponseStatus.OK, file.get().contentType(), file.get().bytes());
                } else {
                    HttpResponses.send(ctx, request, HttpResponseStatus.NOT_FOUND, HttpResponses.TEXT,
                            utf8("Not found.\n"));
                }
            }
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
