package dev.wisp.proxy;

import dev.wisp.proxy.sip.SipParseException;
import dev.wisp.proxy.sip.SipParser;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Test messages: text files under src/test/resources, CRLF kept, with optional ${name} fields. */
public final class Fixtures {

    private static final SipParser PARSER = new SipParser();

    private Fixtures() {
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message from src/test/resources/messages, each ${key} replaced by its value. */
    public static SIPMessage message(String name, Map<String, String> fields) {
        String text = new String(bytes("messages/" + name), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            text = text.replace("${" + field.getKey() + "}", field.getValue());
        }
        try {
            return PARSER.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (SipParseException e) {
            throw new IllegalArgumentException(name + " does not parse: " + e.reason(), e);
        }
    }

    public static SIPRequest request(String name) {
        return (SIPRequest) message(name, Map.of());
    }

    public static SIPRequest request(String name, Map<String, String> fields) {
        return (SIPRequest) message(name, fields);
    }
}
