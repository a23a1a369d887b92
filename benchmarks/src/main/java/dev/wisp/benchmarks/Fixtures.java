package dev.wisp.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The SIP messages JsSIP and Chromium exchange in a file offer, kept as files under
 * {@code src/main/resources/messages/}, so the micro-benchmarks parse and the load harness sends
 * the same text.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** The bytes of {@code messages/<file>}. */
    public static byte[] message(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/messages/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no message fixture " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What follows the header section of {@code messages/<file>}: its SDP. */
    public static String body(String file) {
        String text = new String(message(file), StandardCharsets.UTF_8);
        return text.substring(text.indexOf("\r\n\r\n") + 4);
    }
}
