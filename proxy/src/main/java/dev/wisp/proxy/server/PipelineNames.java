package dev.wisp.proxy.server;

/**
 * Names of the handlers in a connection's pipeline, in order. Every connection starts as HTTP:
 *
 * <pre>
 *   connection-limit  refuses an address with too many connections        (shared)
 *   tls               TLS, on the secure listener only
 *   http-codec        HTTP/1.1 requests and responses
 *   http-aggregator   whole requests (handshakes and GETs are small)
 *   http-deadline     closes a connection that sends no complete request in time
 *   http-router       WebSocket upgrade, or /healthz, /metrics and static files   (shared)
 * </pre>
 *
 * A successful upgrade removes the HTTP handlers; Netty's handshaker puts its frame decoder and
 * encoder ({@code wsdecoder}, {@code wsencoder}) where the HTTP codec was, and these follow:
 *
 * <pre>
 *   ws-aggregator     reassembles fragmented messages, up to the size cap (else 1009)
 *   ws-utf8           closes with 1007 on a text message that is not UTF-8
 *   ws-idle           notices a silent connection
 *   ws-control        ping/pong/close, keepalive pings, error close codes
 *   sip-codec         one WebSocket message = one SIP message; CRLF keepalives; 400 on garbage
 *   sip-flow          hands SIP messages to the dispatcher; reports the flow's close
 * </pre>
 */
public final class PipelineNames {

    public static final String CONNECTION_LIMIT = "connection-limit";
    public static final String TLS = "tls";
    public static final String HTTP_CODEC = "http-codec";
    public static final String HTTP_AGGREGATOR = "http-aggregator";
    public static final String HTTP_DEADLINE = "http-deadline";
    public static final String HTTP_ROUTER = "http-router";

    public static final String WS_AGGREGATOR = "ws-aggregator";
    public static final String WS_UTF8 = "ws-utf8";
    public static final String WS_IDLE = "ws-idle";
    public static final String WS_CONTROL = "ws-control";
    public static final String SIP_CODEC = "sip-codec";
    public static final String SIP_FLOW = "sip-flow";

    private PipelineNames() {
    }
}
