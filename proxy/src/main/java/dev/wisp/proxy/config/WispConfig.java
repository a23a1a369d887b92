package dev.wisp.proxy.config;

import dev.wisp.proxy.ws.WebSocketSettings;
import dev.wisp.registrar.RegistrarConfig;
import java.nio.file.Path;

/**
 * All of wisp's configuration, validated. Built by {@link ConfigLoader}; every field prints in
 * {@code toString}, which wisp logs at start-up.
 *
 * @param webRoot              directory served at /, or null for the built-in page
 * @param maxConnectionsPerIp  open connections allowed per remote address
 */
public record WispConfig(
        ListenerConfig ws,
        ListenerConfig wss,
        TlsConfig tls,
        WebSocketSettings websocket,
        SipConfig sip,
        RegistrarConfig registrar,
        Path webRoot,
        int maxConnectionsPerIp) {
}
