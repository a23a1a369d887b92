package dev.wisp.proxy.config;

/**
 * One listening socket.
 *
 * @param enabled whether it is opened at all
 * @param host    the address to bind, "0.0.0.0" or "::" for every interface
 * @param port    the port, 0 for any free one
 */
public record ListenerConfig(boolean enabled, String host, int port) {
}
