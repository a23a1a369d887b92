package dev.wisp.proxy.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisp.proxy.Fixtures;
import dev.wisp.proxy.TestWisp;
import dev.wisp.proxy.metrics.Metrics.Counter;
import dev.wisp.sip.SipFactories;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SipWebSocketCodecTest {

    private final TestWisp wisp = new TestWisp();
    private final FlowChannel browser = new FlowChannel(wisp);

    @AfterEach
    void everythingIsReleased() {
        assertThat(browser.channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void aDoubleCrlfKeepaliveIsAnsweredWithCrlfAndNeverParsed() {
        browser.sendText("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        WebSocketFrame pong = browser.nextFrame();
        assertThat(pong).isInstanceOf(TextWebSocketFrame.class);
        assertThat(((TextWebSocketFrame) pong).text()).isEqualTo("\r\n");
        pong.release();
        assertThat(wisp.metrics.count(Counter.SIP_KEEPALIVES)).isEqualTo(1);
        assertThat(wisp.metrics.count(Counter.SIP_RECEIVED)).isZero();
        assertThat(wisp.metrics.count(Counter.SIP_MALFORMED_DROPPED)).isZero();
    }

    @Test
    void aLoneCrlfIsIgnored() {
        browser.sendText("\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(browser.nextFrame()).isNull();
        assertThat(wisp.metrics.count(Counter.SIP_MALFORMED_DROPPED)).isZero();
    }

    @Test
    void aRequestInATextFrameIsRoutedAndAnswered() {
        browser.sendText("messages/options-wisp.sip");

        SIPResponse answer = browser.nextResponse();
        assertThat(answer.getStatusCode()).isEqualTo(200);
        assertThat(answer.getCallId().getCallId()).isEqualTo("options-5521");
    }

    @Test
    void aRequestInABinaryFrameIsAcceptedToo() {
        browser.sendBinary(Fixtures.bytes("messages/options-wisp.sip"));

        assertThat(browser.nextResponse().getStatusCode()).isEqualTo(200);
    }

    @Test
    void aMessageWithABodyThatIsNotUtf8LeavesAsABinaryFrame() throws Exception {
        SIPRequest message = Fixtures.request("message-jssip.sip");
        message.setContent(new byte[] {0, (byte) 0xff, (byte) 0xfe, 1},
                SipFactories.HEADERS.createContentTypeHeader("application", "octet-stream"));

        browser.flow.send(message);

        WebSocketFrame frame = browser.nextFrame();
        assertThat(frame).isInstanceOf(BinaryWebSocketFrame.class);
        frame.release();
    }

    @Test
    void aMalformedRequestIsAnsweredWithAReasonNamingTheProblemAndGoesNoFurther() {
        String text = new String(Fixtures.bytes("messages/message-jssip.sip"), StandardCharsets.UTF_8)
                .replace("Max-Forwards: 69", "Max-Forwards: lots");

        browser.sendText(text.getBytes(StandardCharsets.UTF_8));

        SIPResponse answer = browser.nextResponse();
        assertThat(answer.getStatusCode()).isEqualTo(400);
        assertThat(answer.getReasonPhrase()).isEqualTo("Malformed Max-Forwards Header");
        assertThat(answer.getTo().getTag()).isNotBlank();
        assertThat(wisp.metrics.count(Counter.SIP_MALFORMED_ANSWERED)).isEqualTo(1);
        assertThat(wisp.metrics.count(Counter.SIP_RECEIVED)).as("never reaches the proxy").isZero();
    }

    @Test
    void aMalformedAckIsNeverAnswered() {
        String ack = new String(Fixtures.bytes("messages/options-wisp.sip"), StandardCharsets.UTF_8)
                .replace("OPTIONS sip:", "ACK sip:").replace("CSeq: 1 OPTIONS", "CSeq: 1 ACK")
                .replace("Max-Forwards: 69", "Max-Forwards: lots");

        browser.sendText(ack.getBytes(StandardCharsets.UTF_8));

        assertThat(browser.nextFrame()).isNull();
        assertThat(wisp.metrics.count(Counter.SIP_MALFORMED_DROPPED)).isEqualTo(1);
    }

    @Test
    void randomBytesInTextAndBinaryFramesLoseNothing() {
        Random random = new Random(7118);
        for (int i = 0; i < 500; i++) {
            byte[] garbage = new byte[1 + random.nextInt(2000)];
            random.nextBytes(garbage);
            if (i % 2 == 0) {
                browser.sendBinary(garbage);
            } else {
                browser.sendText(garbage);
            }
            WebSocketFrame answer = browser.nextFrame();
            if (answer != null) {
                answer.release();
            }
        }

        assertThat(browser.channel.isOpen()).isTrue();
        browser.sendText("messages/options-wisp.sip");
        assertThat(browser.nextResponse().getStatusCode()).isEqualTo(200);
    }
}
