package dev.wisp.proxy.config;

/** Configuration wisp cannot start with. The message is one line: key, value, what was expected. */
public final class InvalidConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String message) {
        super(message);
    }
}
