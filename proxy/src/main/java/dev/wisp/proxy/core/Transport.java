package dev.wisp.proxy.core;

import java.util.Locale;

/**
 * The transports a flow can use. Each knows how it is written in a Via sent-protocol and in a
 * SIP URI's transport parameter. UDP, TCP and TLS towards existing infrastructure join here.
 */
public enum Transport {
    WS("WS", "ws"),
    WSS("WSS", "wss");

    private final String viaName;
    private final String uriParameter;

    Transport(String viaName, String uriParameter) {
        this.viaName = viaName;
        this.uriParameter = uriParameter;
    }

    /** As in {@code Via: SIP/2.0/WSS}. */
    public String viaName() {
        return viaName;
    }

    /** As in {@code ;transport=wss}. */
    public String uriParameter() {
        return uriParameter;
    }

    /**
     * Transports whose connections share one space of peer addresses. Responses are routed by the
     * address in the next Via, and some clients write WSS in their Via on a ws:// connection (or
     * the reverse), so WS and WSS are looked up together.
     */
    public String addressFamily() {
        return "websocket";
    }

    /** The transport a Via names, or null when wisp does not speak it. */
    public static Transport fromVia(String viaTransport) {
        if (viaTransport == null) {
            return null;
        }
        return switch (viaTransport.toUpperCase(Locale.ROOT)) {
            case "WS" -> WS;
            case "WSS" -> WSS;
            default -> null;
        };
    }
}
