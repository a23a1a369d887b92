package dev.wisp.proxy.core;

import static dev.wisp.proxy.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wisp.proxy.Edit;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests wisp answers itself, and requests it refuses before any routing. */
class WispAsUasTest {

    private final CoreHarness wisp = new CoreHarness();
    private final FlowInfo alice = wisp.browser(Transport.WSS, "192.0.2.10", 50000);

    @Test
    void optionsForWispIs200WithAllowAndSupported() {
        SIPResponse response = wisp.reply(request("options-wisp.sip"), alice);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(values(response, "Allow")).contains("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "REGISTER",
                "MESSAGE", "INFO", "UPDATE", "PRACK", "REFER", "SUBSCRIBE", "NOTIFY");
        assertThat(values(response, "Supported")).contains("path", "outbound");
        assertThat(response.getTo().getTag()).isNotBlank();
    }

    @Test
    void optionsForWispAtItsAddressIsAlso200() {
        SIPRequest options = Edit.requestUri(request("options-wisp.sip"), "sip:10.0.0.1:8443;transport=wss");

        assertThat(wisp.reply(options, alice).getStatusCode()).isEqualTo(200);
    }

    @Test
    void optionsRequiringAnUnknownExtensionIs420ListingIt() {
        SIPResponse response = wisp.reply(Edit.header(request("options-wisp.sip"), "Require", "nothing"), alice);

        assertThat(response.getStatusCode()).isEqualTo(420);
        assertThat(values(response, "Unsupported")).containsExactly("nothing");
    }

    @Test
    void proxyRequireOfAnyExtensionIs420ListingEveryTag() {
        wisp.register("bob", wisp.browser(Transport.WSS, "192.0.2.20", 50001));
        SIPRequest invite = Edit.header(request("invite-jssip.sip"), "Proxy-Require", "noway", "nohow");

        SIPResponse response = wisp.reply(invite, alice);

        assertThat(response.getStatusCode()).isEqualTo(420);
        assertThat(values(response, "Unsupported")).containsExactly("noway", "nohow");
    }

    @Test
    void aRequestUriThatIsNotSipIs416() {
        SIPRequest tel = Edit.requestUri(request("invite-jssip.sip"), "tel:+15555550100");

        assertThat(wisp.reply(tel, alice).getStatusCode()).isEqualTo(416);
    }

    @Test
    void registerIsHandedToTheRegistrar() {
        SIPRequest register = request("register-jssip.sip", Map.of("user", "alice"));

        Action action = wisp.route(register, alice);

        assertThat(action).isEqualTo(new Action.Register(register));
    }

    @Test
    void aMethodWispDoesNotKnowAddressedToItIs501WithAllow() {
        SIPRequest unknown = Edit.method(request("options-wisp.sip"), "FROBNICATE");

        SIPResponse response = wisp.reply(unknown, alice);

        assertThat(response.getStatusCode()).isEqualTo(501);
        assertThat(values(response, "Allow")).contains("INVITE");
    }

    @Test
    void aKnownMethodForTheDomainWithoutUserIs404() {
        assertThat(wisp.reply(Edit.method(request("options-wisp.sip"), "MESSAGE"), alice).getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void aCancelForWispItselfIs481() {
        assertThat(wisp.reply(Edit.method(request("options-wisp.sip"), "CANCEL"), alice).getStatusCode())
                .isEqualTo(481);
    }

    @Test
    void anAckIsNeverAnswered() {
        assertThat(wisp.route(Edit.method(request("options-wisp.sip"), "ACK"), alice)).isInstanceOf(Action.Drop.class);
        assertThat(wisp.route(Edit.method(request("invite-jssip.sip"), "ACK"), alice)).isInstanceOf(Action.Drop.class);
    }

    @Test
    void aRetransmittedRequestGetsTheSameToTag() {
        String first = wisp.reply(request("invite-jssip.sip"), alice).getTo().getTag();
        String again = wisp.reply(request("invite-jssip.sip"), alice).getTo().getTag();

        assertThat(again).isNotBlank().isEqualTo(first);
    }

    private static List<String> values(SIPResponse response, String name) {
        List<String> values = new ArrayList<>();
        ListIterator<SIPHeader> headers = response.getHeaders(name);
        while (headers.hasNext()) {
            for (String value : headers.next().getHeaderValue().split(",")) {
                values.add(value.trim());
            }
        }
        return values;
    }
}
