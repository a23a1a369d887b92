package dev.wisp.proxy.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wisp.proxy.Fixtures;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SipParserTest {

    private final SipParser parser = new SipParser();
    private final String message = new String(Fixtures.bytes("messages/message-jssip.sip"), StandardCharsets.UTF_8);

    @Test
    void parsesAJsSipInviteWithItsSdpBodyByteForByte() throws Exception {
        byte[] bytes = Fixtures.bytes("messages/invite-jssip.sip");

        SIPRequest invite = (SIPRequest) parser.parse(bytes);

        assertThat(invite.getMethod()).isEqualTo("INVITE");
        byte[] body = invite.getRawContent();
        assertThat(body).hasSize(invite.getContentLength().getContentLength());
        assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("v=0\r\n").endsWith("a=max-message-size:262144\r\n");
    }

    @Test
    void withoutContentLengthTheBodyIsTheRestOfTheWebSocketMessage() throws Exception {
        SIPMessage parsed = parser.parse(bytes(message.replace("Content-Length: 9\r\n", "")));

        assertThat(new String(parsed.getRawContent(), StandardCharsets.UTF_8)).isEqualTo("hello bob");
        assertThat(parsed.getContentLength().getContentLength()).isEqualTo(9);
    }

    @Test
    void bytesBeyondContentLengthAreIgnored() throws Exception {
        SIPMessage parsed = parser.parse(bytes(message + "INVITE sip:trailing@garbage SIP/2.0\r\n\r\n"));

        assertThat(new String(parsed.getRawContent(), StandardCharsets.UTF_8)).isEqualTo("hello bob");
    }

    @Test
    void contentLengthLargerThanTheMessageIs400() {
        assertRejected(message.replace("Content-Length: 9", "Content-Length: 900"), 400,
                "Content-Length Larger Than Message");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Call-ID: second@x | Duplicate Call-ID Header",
        // RFC 3261 section 7.3.3: the compact form is the same header.
        "i: second@x       | Duplicate Call-ID Header",
        // Header names are case-insensitive, and whitespace may precede the colon.
        "cseq : 2 MESSAGE  | Duplicate CSeq Header",
    })
    void aSecondSingleValuedHeaderIs400NamingIt(String secondHeader, String reason) {
        assertRejected(message.replace("CSeq: 1 MESSAGE\r\n", "CSeq: 1 MESSAGE\r\n" + secondHeader + "\r\n"), 400,
                reason);
    }

    @Test
    void aCompactContentLengthIsHonouredLikeTheFullOne() throws Exception {
        String compact = message.replace("Content-Length: 9", "l: 5");

        SIPMessage parsed = parser.parse(bytes(compact));

        assertThat(new String(parsed.getRawContent(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void aMalformedHeaderIs400NamingIt() {
        assertRejected(message.replace("Max-Forwards: 69", "Max-Forwards: sixty-nine"), 400,
                "Malformed Max-Forwards Header");
    }

    @Test
    void aMalformedHeaderInCompactFormIsNamedInFull() {
        assertRejected(message.replace("Content-Length: 9", "l: nine"), 400, "Malformed Content-Length Header");
    }

    @Test
    void aMissingMandatoryHeaderIsDroppedBecauseNoResponseCanBeFormed() {
        SipParseException rejected = rejected(message.replace("CSeq: 1 MESSAGE\r\n", ""));

        assertThat(rejected.reason()).isEqualTo("Missing CSeq Header");
        assertThat(rejected.answerable()).isEmpty();
    }

    @Test
    void anotherSipVersionIs505() {
        assertRejected(message.replace("MESSAGE sip:bob@example.test SIP/2.0", "MESSAGE sip:bob@example.test SIP/3.0"),
                505, "Version Not Supported");
    }

    @Test
    void aCSeqMethodThatDoesNotMatchIs400() {
        assertRejected(message.replace("CSeq: 1 MESSAGE", "CSeq: 1 INVITE"), 400, "CSeq Method Does Not Match Request-Line");
    }

    @Test
    void headersWithoutTheEmptyLineAfterThemAre400() {
        assertRejected(message.substring(0, message.indexOf("\r\n\r\n") + 2), 400,
                "Headers Not Terminated by an Empty Line");
    }

    @Test
    void aRequestUriWithHeadersIs400() {
        assertRejected(message.replace("MESSAGE sip:bob@example.test SIP/2.0", "MESSAGE sip:bob@example.test?Route=x SIP/2.0"),
                400, "Request-URI Must Not Carry Headers");
    }

    @Test
    void leadingLineBreaksAndBareLfLineEndsAreAccepted() throws Exception {
        SIPMessage parsed = parser.parse(bytes("\r\n\r\n" + message.replace("\r\n", "\n")));

        assertThat(new String(parsed.getRawContent(), StandardCharsets.UTF_8)).isEqualTo("hello bob");
    }

    @Test
    void aResponseMissingItsCSeqIsMalformed() {
        String response = "SIP/2.0 200 OK\r\nVia: SIP/2.0/WS 10.0.0.1:8080;branch=z9hG4bKx\r\nFrom: <sip:a@b>;tag=1\r\n"
                + "To: <sip:c@d>;tag=2\r\nCall-ID: c1\r\n\r\n";

        assertThat(rejected(response).answerable()).isEmpty();
    }

    @Test
    void noInputMakesAnythingButSipParseExceptionEscape() {
        Random random = new Random(4475);
        byte[] valid = Fixtures.bytes("messages/invite-jssip.sip");
        for (int i = 0; i < 20_000; i++) {
            byte[] input = i % 2 == 0 ? randomBytes(random) : mutate(valid, random);
            try {
                parser.parse(input);
            } catch (SipParseException expected) {
                // the only way parse may fail
            }
        }
    }

    private void assertRejected(String text, int status, String reason) {
        SipParseException rejected = rejected(text);
        assertThat(rejected.status()).isEqualTo(status);
        assertThat(rejected.reason()).isEqualTo(reason);
        assertThat(rejected.answerable()).as("a response can be formed").isPresent();
    }

    private SipParseException rejected(String text) {
        SipParseException rejected = catchThrowableOfType(SipParseException.class, () -> parser.parse(bytes(text)));
        assertThat(rejected).as("rejected").isNotNull();
        return rejected;
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(600)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] copy = Arrays.copyOf(valid, valid.length);
        for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return random.nextBoolean() ? copy : Arrays.copyOf(copy, random.nextInt(copy.length));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
