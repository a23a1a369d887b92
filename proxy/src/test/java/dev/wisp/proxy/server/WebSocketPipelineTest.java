package dev.wisp.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisp.proxy.Fixtures;
import dev.wisp.proxy.InetEmbeddedChannel;
import dev.wisp.proxy.TestWisp;
import dev.wisp.proxy.core.Transport;
import dev.wisp.proxy.http.HttpEndpoints;
import dev.wisp.proxy.http.StaticFiles;
import dev.wisp.proxy.sip.SipParser;
import dev.wisp.proxy.ws.WebSocketSettings;
import dev.wisp.proxy.ws.WebSocketUpgrade;
import gov.nist.javax.sip.message.SIPResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connection through the whole pipeline as {@link WispChannelInitializer} builds it, TLS aside:
 * HTTP, the WebSocket handshake, frames, and SIP on top.
 */
class WebSocketPipelineTest {

    private static final int MAX_MESSAGE = 4096;
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PING_INTERVAL = Duration.ofSeconds(30);

    private final TestWisp wisp = new TestWisp();
    private final WebSocketClientSide browser = new WebSocketClientSide();
    private InetEmbeddedChannel connection = connect(List.of());

    @AfterEach
    void release() {
        browser.close();
        connection.finishAndReleaseAll();
    }

    @Test
    void aHandshakeOfferingSipIsAcceptedWithSip() {
        String response = handshake("Sec-WebSocket-Protocol: sip");

        assertThat(response).startsWith("HTTP/1.1 101").containsIgnoringCase("sec-websocket-protocol: sip");
        assertThat(wisp.flows.size()).isEqualTo(1);
    }

    @Test
    void aHandshakeWithoutSipIs400AndSaysWhy() {
        String response = handshake("Sec-WebSocket-Protocol: chat");

        assertThat(response).startsWith("HTTP/1.1 400").contains("subprotocol \"sip\"").contains("Offered: chat");
        assertThat(connection.isOpen()).isFalse();
        assertThat(wisp.flows.size()).isZero();
    }

    @Test
    void aVersionOtherThan13Is426NamingThe13() {
        String response = send(request("Sec-WebSocket-Protocol: sip").replace("Version: 13", "Version: 8"));

        assertThat(response).startsWith("HTTP/1.1 426").containsIgnoringCase("sec-websocket-version: 13");
    }

    @Test
    void aForeignBrowserOriginIs403() {
        String response = handshake("Sec-WebSocket-Protocol: sip", "Origin: https://evil.example");

        assertThat(response).startsWith("HTTP/1.1 403").contains("Origin https://evil.example");
    }

    @Test
    void aSameOriginPageIsAccepted() {
        assertThat(handshake("Sec-WebSocket-Protocol: sip", "Origin: http://10.0.0.1:8080")).startsWith("HTTP/1.1 101");
    }

    @Test
    void aListedOriginIsAcceptedAndOthersAreNot() {
        connection.finishAndReleaseAll();
        connection = connect(List.of("https://app.example.com"));
        assertThat(handshake("Sec-WebSocket-Protocol: sip", "Origin: https://app.example.com")).startsWith("HTTP/1.1 101");

        connection.finishAndReleaseAll();
        connection = connect(List.of("https://app.example.com"));
        assertThat(handshake("Sec-WebSocket-Protocol: sip", "Origin: http://10.0.0.1:8080")).startsWith("HTTP/1.1 403");
    }

    @Test
    void aConnectionThatSendsNoRequestInTimeIsClosed() {
        connection.advanceTimeBy(HANDSHAKE_TIMEOUT.toMillis() - 1, TimeUnit.MILLISECONDS);
        connection.runScheduledPendingTasks();
        assertThat(connection.isOpen()).isTrue();

        connection.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        connection.runScheduledPendingTasks();
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void sipFlowsOverTheSocketOnceUpgraded() {
        upgrade();

        sendFrame(new TextWebSocketFrame(Unpooled.wrappedBuffer(Fixtures.bytes("messages/options-wisp.sip"))));

        assertThat(nextSipResponse().getStatusCode()).isEqualTo(200);
    }

    @Test
    void aFragmentedMessageIsReassembledIntoOneSipMessage() {
        upgrade();
        byte[] options = Fixtures.bytes("messages/options-wisp.sip");
        int third = options.length / 3;

        sendFrame(new TextWebSocketFrame(false, 0, Unpooled.wrappedBuffer(Arrays.copyOfRange(options, 0, third))));
        sendFrame(new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1}))); // control frames may interleave
        sendFrame(new ContinuationWebSocketFrame(false, 0, Unpooled.wrappedBuffer(Arrays.copyOfRange(options, third, 2 * third))));
        sendFrame(new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer(Arrays.copyOfRange(options, 2 * third, options.length))));

        assertThat(nextFrame()).isInstanceOf(PongWebSocketFrame.class);
        assertThat(nextSipResponse().getStatusCode()).isEqualTo(200);
    }

    @Test
    void aFrameOverTheSizeCapIsClosedWith1009() {
        upgrade();

        sendFrame(new TextWebSocketFrame(Unpooled.wrappedBuffer(new byte[MAX_MESSAGE + 1])));

        assertClosedWith(1009);
    }

    @Test
    void aFragmentedMessageOverTheSizeCapIsClosedWith1009() {
        upgrade();
        byte[] half = "x".repeat(MAX_MESSAGE / 2 + 1).getBytes(StandardCharsets.US_ASCII);

        sendFrame(new TextWebSocketFrame(false, 0, Unpooled.wrappedBuffer(half)));
        sendFrame(new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer(half)));

        assertClosedWith(1009);
    }

    @Test
    void invalidUtf8InATextFrameIsClosedWith1007() {
        upgrade();

        sendFrame(new TextWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {'O', 'P', (byte) 0xc3, (byte) 0x28})));

        assertClosedWith(1007);
    }

    @Test
    void anUnmaskedClientFrameIsAProtocolErrorClosedWith1002() {
        upgrade();
        // A server-side encoder does not mask, which RFC 6455 forbids a client.
        io.netty.channel.embedded.EmbeddedChannel unmasked =
                new io.netty.channel.embedded.EmbeddedChannel(new io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder(false));
        unmasked.writeOutbound(new TextWebSocketFrame("OPTIONS"));
        ByteBuf bytes = unmasked.readOutbound();
        unmasked.finishAndReleaseAll();

        connection.writeInbound(bytes);

        assertClosedWith(1002);
    }

    @Test
    void aPingIsAnsweredWithItsPayload() {
        upgrade();

        sendFrame(new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {4, 7, 5})));

        WebSocketFrame pong = nextFrame();
        assertThat(pong).isInstanceOf(PongWebSocketFrame.class);
        assertThat(ByteBufUtil.getBytes(pong.content())).containsExactly(4, 7, 5);
        pong.release();
    }

    @Test
    void aSilentConnectionIsPingedThenClosedWhenItStaysSilent() {
        upgrade();

        connection.advanceTimeBy(PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        connection.runScheduledPendingTasks();
        WebSocketFrame ping = nextFrame();
        assertThat(ping).isInstanceOf(PingWebSocketFrame.class);
        ping.release();
        assertThat(connection.isOpen()).isTrue();

        connection.advanceTimeBy(PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        connection.runScheduledPendingTasks();
        assertThat(connection.isOpen()).isFalse();
        assertThat(wisp.flows.size()).as("the flow is gone").isZero();
    }

    @Test
    void aConnectionThatAnswersThePingStaysOpen() {
        upgrade();

        connection.advanceTimeBy(PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        connection.runScheduledPendingTasks();
        nextFrame().release();
        sendFrame(new PongWebSocketFrame());
        connection.advanceTimeBy(PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        connection.runScheduledPendingTasks();

        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void aCloseFrameIsEchoedAndTheConnectionClosed() {
        upgrade();

        sendFrame(new CloseWebSocketFrame(1000, "bye"));

        assertClosedWith(1000);
    }

    @Test
    void theCrlfKeepaliveWorksEndToEnd() {
        upgrade();

        sendFrame(new TextWebSocketFrame("\r\n\r\n"));

        WebSocketFrame pong = nextFrame();
        assertThat(((TextWebSocketFrame) pong).text()).isEqualTo("\r\n");
        pong.release();
    }

    @Test
    void healthzAnswersJson() {
        String response = send("GET /healthz HTTP/1.1\r\nHost: 10.0.0.1:8080\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200").contains("application/json").contains("\"status\":\"ok\"");
        assertThat(connection.isOpen()).as("keep-alive").isTrue();
    }

    @Test
    void theWebRootServesThePlaceholderPageAndNothingOutsideIt() {
        assertThat(send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200").contains("text/html")
                .contains("wisp");
        assertThat(send("GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 404");
    }

    private InetEmbeddedChannel connect(List<String> allowedOrigins) {
        WebSocketSettings settings = new WebSocketSettings(MAX_MESSAGE, HANDSHAKE_TIMEOUT, PING_INTERVAL, allowedOrigins);
        WispChannelInitializer initializer = new WispChannelInitializer(null,
                new ConnectionLimiter(100, wisp.metrics), HANDSHAKE_TIMEOUT);
        initializer.routeTo(new HttpRouter(
                new WebSocketUpgrade(Transport.WS, settings, new SipParser(), wisp.dispatcher, wisp.metrics),
                new HttpEndpoints(new StaticFiles(null), wisp.metrics, () -> "{\"status\":\"ok\"}")));
        // Time stands still unless a test moves it, from before the handshake deadline is armed.
        InetEmbeddedChannel channel = new InetEmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(initializer);
        return channel;
    }

    private static String request(String... headers) {
        return "GET /sip HTTP/1.1\r\nHost: 10.0.0.1:8080\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + String.join("", Arrays.stream(headers).map(header -> header + "\r\n").toList()) + "\r\n";
    }

    private String handshake(String... headers) {
        return send(request(headers));
    }

    private void upgrade() {
        assertThat(handshake("Sec-WebSocket-Protocol: sip")).startsWith("HTTP/1.1 101");
    }

    /** Sends raw HTTP and returns everything wisp wrote back, as text. */
    private String send(String http) {
        connection.writeInbound(Unpooled.copiedBuffer(http, StandardCharsets.US_ASCII));
        StringBuilder written = new StringBuilder();
        for (ByteBuf part = connection.readOutbound(); part != null; part = connection.readOutbound()) {
            written.append(part.toString(StandardCharsets.UTF_8));
            part.release();
        }
        return written.toString();
    }

    private void sendFrame(WebSocketFrame frame) {
        connection.writeInbound(browser.encode(frame));
    }

    private WebSocketFrame nextFrame() {
        for (ByteBuf part = connection.readOutbound(); part != null; part = connection.readOutbound()) {
            browser.receive(part);
        }
        return browser.nextFrame();
    }

    private SIPResponse nextSipResponse() {
        WebSocketFrame frame = nextFrame();
        try {
            return (SIPResponse) new SipParser().parse(ByteBufUtil.getBytes(frame.content()));
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            frame.release();
        }
    }

    private void assertClosedWith(int code) {
        WebSocketFrame close = nextFrame();
        assertThat(close).isInstanceOf(CloseWebSocketFrame.class);
        assertThat(((CloseWebSocketFrame) close).statusCode()).isEqualTo(code);
        close.release();
        assertThat(connection.isOpen()).isFalse();
    }
}
