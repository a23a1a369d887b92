package dev.wisp.proxy.ws;

import java.time.Duration;
import java.util.List;

/**
 * How wisp runs its WebSocket connections.
 *
 * @param maxMessageSize   the largest SIP message (one WebSocket message) accepted, in bytes
 * @param handshakeTimeout how long a new connection has to send a complete HTTP request
 * @param pingInterval     quiet time after which wisp pings; twice this without a frame closes
 * @param allowedOrigins   browser Origins allowed to connect; empty means same-origin only
 */
public record WebSocketSettings(int maxMessageSize, Duration handshakeTimeout, Duration pingInterval,
        List<String> allowedOrigins) {

    public WebSocketSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
