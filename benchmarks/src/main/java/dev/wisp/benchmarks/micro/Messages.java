package dev.wisp.benchmarks.micro;

import dev.wisp.benchmarks.Fixtures;
import dev.wisp.proxy.sip.SipParseException;
import dev.wisp.proxy.sip.SipParser;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The messages the micro-benchmarks work on, as JsSIP sends them: a REGISTER with outbound
 * parameters, an INVITE with a ~1.5 KB DataChannel SDP, its 200 OK with SDP, an in-dialog BYE.
 */
final class Messages {

    private static final SipParser PARSER = new SipParser();

    private Messages() {
    }

    /** The bytes of message {@code kind} (register, invite, ok200, bye). */
    static byte[] bytes(String kind) {
        String file = switch (kind) {
            case "register" -> "register-jssip.sip";
            case "invite" -> "invite-jssip.sip";
            case "ok200" -> "ok200-jssip.sip";
            case "bye" -> "bye-jssip.sip";
            default -> throw new IllegalArgumentException("no message kind " + kind);
        };
        return Fixtures.message(file);
    }

    /** The text of message {@code kind} with every key of {@code replacements} replaced by its value. */
    static byte[] bytes(String kind, Map<String, String> replacements) {
        String text = new String(bytes(kind), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            text = text.replace(replacement.getKey(), replacement.getValue());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Request {@code kind}, parsed, with every key of {@code replacements} replaced first. */
    static SIPRequest request(String kind, Map<String, String> replacements) {
        return (SIPRequest) parse(bytes(kind, replacements));
    }

    static SIPRequest request(String kind) {
        return request(kind, Map.of());
    }

    static SIPMessage parse(byte[] bytes) {
        try {
            return PARSER.parse(bytes);
        } catch (SipParseException e) {
            throw new IllegalStateException("a benchmark message does not parse: " + e.reason(), e);
        }
    }
}
