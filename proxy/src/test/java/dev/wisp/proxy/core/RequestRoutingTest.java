package dev.wisp.proxy.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisp.proxy.Edit;
import dev.wisp.proxy.Fixtures;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sip.address.SipURI;
import org.junit.jupiter.api.Test;

/** Initial requests: location lookup, retargeting, Max-Forwards, Via and Record-Route. */
class RequestRoutingTest {

    private final CoreHarness wisp = new CoreHarness();
    private final FlowInfo alice = wisp.browser(Transport.WSS, "192.0.2.10", 50000);
    private final FlowInfo bob = wisp.browser(Transport.WSS, "192.0.2.20", 50001);

    @Test
    void initialInviteGoesDownTheCalleesFlowRetargetedToItsContact() {
        wisp.register("bob", bob);
        SIPRequest invite = Fixtures.request("invite-jssip.sip");
        String inboundBefore = invite.encode();

        Action.Forward forward = wisp.forward(invite, alice);

        assertThat(forward.flow()).isEqualTo(bob.id());
        SIPRequest out = (SIPRequest) forward.message();
        assertThat(out.getRequestURI().toString()).isEqualTo("sip:bobc@bobh0st.invalid;transport=ws");
        assertThat(out.getMaxForwards().getMaxForwards()).isEqualTo(68);
        assertThat(out.getRawContent()).isEqualTo(invite.getRawContent());
        assertThat(out.getContentTypeHeader().getContentSubType()).isEqualTo("sdp");
        assertThat(invite.encode()).as("the inbound request is never changed").isEqualTo(inboundBefore);
    }

    @Test
    void pushesItsOwnViaAndStampsReceivedAndRportOnTheBrowsersVia() {
        wisp.register("bob", bob);

        SIPRequest out = (SIPRequest) wisp.forward(Fixtures.request("invite-jssip.sip"), alice).message();

        Via ours = out.getViaHeaders().get(0);
        assertThat(ours.getTransport()).isEqualTo("WSS");
        assertThat(ours.getHost()).isEqualTo("10.0.0.1");
        assertThat(ours.getPort()).isEqualTo(8443);
        assertThat(ours.getBranch()).startsWith("z9hG4bK").isNotEqualTo("z9hG4bK4711474");
        Via browsers = out.getViaHeaders().get(1);
        assertThat(browsers.getHost()).isEqualTo("a1ic3h0st.invalid");
        assertThat(browsers.getBranch()).isEqualTo("z9hG4bK4711474");
        assertThat(browsers.getReceived()).isEqualTo("192.0.2.10");
        assertThat(browsers.getParameter("rport")).isEqualTo("50000");
    }

    @Test
    void recordRoutesWithAFlowTokenNamingBothFlows() {
        wisp.register("bob", bob);

        SIPRequest out = (SIPRequest) wisp.forward(Fixtures.request("invite-jssip.sip"), alice).message();

        List<SipURI> recordRoutes = recordRoutes(out);
        assertThat(recordRoutes).hasSize(1);
        SipURI rr = recordRoutes.get(0);
        assertThat(rr.getHost()).isEqualTo("10.0.0.1");
        assertThat(rr.getPort()).isEqualTo(8443);
        assertThat(rr.getTransportParam()).isEqualTo("wss");
        assertThat(rr.hasLrParam()).isTrue();
        assertThat(wisp.tokens.decode(rr.getUser())).contains(new FlowPair(alice.id(), bob.id()));
    }

    @Test
    void recordRoutesTwiceWhenTheTransportChanges() {
        FlowInfo wsAlice = wisp.browser(Transport.WS, "192.0.2.11", 40000);
        wisp.register("bob", bob);

        SIPRequest out = (SIPRequest) wisp.forward(Fixtures.request("invite-jssip.sip"), wsAlice).message();

        List<SipURI> recordRoutes = recordRoutes(out);
        assertThat(recordRoutes).hasSize(2);
        assertThat(recordRoutes.get(0).getTransportParam()).as("top entry faces the callee").isEqualTo("wss");
        assertThat(recordRoutes.get(0).getPort()).isEqualTo(8443);
        assertThat(recordRoutes.get(1).getTransportParam()).as("next entry faces the caller").isEqualTo("ws");
        assertThat(recordRoutes.get(1).getPort()).isEqualTo(8080);
        assertThat(recordRoutes.get(0).getUser()).isEqualTo(recordRoutes.get(1).getUser());
    }

    @Test
    void messageIsForwardedWithoutRecordRoute() {
        wisp.register("bob", bob);

        SIPRequest out = (SIPRequest) wisp.forward(Fixtures.request("message-jssip.sip"), alice).message();

        assertThat(out.getRecordRouteHeaders()).isNull();
        assertThat(new String(out.getRawContent())).isEqualTo("hello bob");
    }

    @Test
    void subscribeAndReferAreRecordRouted() {
        wisp.register("bob", bob);
        for (String method : List.of("SUBSCRIBE", "REFER")) {
            SIPRequest request = Edit.method(Fixtures.request("message-jssip.sip"), method);

            SIPRequest out = (SIPRequest) wisp.forward(request, alice).message();

            assertThat(recordRoutes(out)).as(method).hasSize(1);
        }
    }

    @Test
    void maxForwardsOfZeroIs483() {
        wisp.register("bob", bob);

        var response = wisp.reply(Edit.header(Fixtures.request("invite-jssip.sip"), "Max-Forwards", "0"), alice);

        assertThat(response.getStatusCode()).isEqualTo(483);
    }

    @Test
    void requestWithoutMaxForwardsLeavesWithSeventy() {
        wisp.register("bob", bob);

        SIPRequest out = (SIPRequest) wisp.forward(Edit.header(Fixtures.request("message-jssip.sip"), "Max-Forwards"),
                alice).message();

        assertThat(out.getMaxForwards().getMaxForwards()).isEqualTo(70);
    }

    @Test
    void unknownUserIs404() {
        assertThat(wisp.reply(Fixtures.request("invite-jssip.sip"), alice).getStatusCode()).isEqualTo(404);
    }

    @Test
    void registeredUserWhoseFlowIsGoneIs480() {
        wisp.register("bob", bob);
        wisp.flows.close(bob); // the registrar keeps the binding, as with remove-bindings-on-flow-close off

        assertThat(wisp.reply(Fixtures.request("invite-jssip.sip"), alice).getStatusCode()).isEqualTo(480);
    }

    @Test
    void registeredUserWhoseBindingExpiredIs480() {
        wisp.register("bob", bob);
        wisp.clock.advance(Duration.ofSeconds(601));

        assertThat(wisp.reply(Fixtures.request("invite-jssip.sip"), alice).getStatusCode()).isEqualTo(480);
    }

    @Test
    void ofSeveralBindingsTheMostRecentlyRegisteredWins() {
        FlowInfo bobsOtherTab = wisp.browser(Transport.WSS, "192.0.2.21", 50002);
        wisp.register("bob", bob);
        wisp.clock.advance(Duration.ofSeconds(5));
        registerContact(bobsOtherTab, "<sip:tab2@tab2.invalid;transport=ws>");

        Action.Forward forward = wisp.forward(Fixtures.request("invite-jssip.sip"), alice);

        assertThat(forward.flow()).isEqualTo(bobsOtherTab.id());
    }

    @Test
    void aHigherQValueWinsOverAMoreRecentBinding() {
        FlowInfo bobsOtherTab = wisp.browser(Transport.WSS, "192.0.2.21", 50002);
        registerContact(bob, "<sip:tab1@tab1.invalid;transport=ws>;q=0.9");
        wisp.clock.advance(Duration.ofSeconds(5));
        registerContact(bobsOtherTab, "<sip:tab2@tab2.invalid;transport=ws>;q=0.5");

        assertThat(wisp.forward(Fixtures.request("invite-jssip.sip"), alice).flow()).isEqualTo(bob.id());
    }

    @Test
    void aRetransmissionAndItsCancelTakeTheInvitesBranchAndFlow() {
        wisp.register("bob", bob);
        SIPRequest invite = Fixtures.request("invite-jssip.sip");
        Action.Forward first = wisp.forward(invite, alice);

        Action.Forward again = wisp.forward(Fixtures.request("invite-jssip.sip"), alice);
        Action.Forward cancel = wisp.forward(Edit.method(invite, "CANCEL"), alice);

        String branch = ((SIPRequest) first.message()).getTopmostVia().getBranch();
        assertThat(((SIPRequest) again.message()).getTopmostVia().getBranch()).isEqualTo(branch);
        assertThat(((SIPRequest) cancel.message()).getTopmostVia().getBranch()).isEqualTo(branch);
        assertThat(cancel.flow()).isEqualTo(first.flow());
    }

    @Test
    void differentTransactionsGetDifferentBranches() {
        wisp.register("bob", bob);
        SIPRequest invite = Fixtures.request("invite-jssip.sip");
        SIPRequest other = Edit.header(invite, "Via", "SIP/2.0/WSS a1ic3h0st.invalid;branch=z9hG4bKother");

        assertThat(((SIPRequest) wisp.forward(invite, alice).message()).getTopmostVia().getBranch())
                .isNotEqualTo(((SIPRequest) wisp.forward(other, alice).message()).getTopmostVia().getBranch());
    }

    @Test
    void anRfc2543RequestWithoutBranchGetsAStableBranchThatItsCancelShares() {
        wisp.register("bob", bob);
        SIPRequest invite = Edit.header(Fixtures.request("invite-jssip.sip"), "Via", "SIP/2.0/WSS a1ic3h0st.invalid");

        String branch = ((SIPRequest) wisp.forward(invite, alice).message()).getTopmostVia().getBranch();
        String cancelBranch = ((SIPRequest) wisp.forward(Edit.method(invite, "CANCEL"), alice).message())
                .getTopmostVia().getBranch();

        assertThat(branch).startsWith("z9hG4bK").isEqualTo(cancelBranch);
    }

    @Test
    void theBindingsPathBecomesTheRoute() {
        SIPRequest register = Edit.header(Fixtures.request("register-jssip.sip", Map.of("user", "bob")),
                "Path", "<sip:edge.example.test;lr;ob>");
        wisp.registrar.register(register, bob.id());

        SIPRequest out = (SIPRequest) wisp.forward(Fixtures.request("invite-jssip.sip"), alice).message();

        assertThat(out.getRouteHeaders()).hasSize(1);
        assertThat(out.getRouteHeaders().getFirst().toString()).contains("sip:edge.example.test;lr;ob");
    }

    @Test
    void aDomainNotServedIsRefusedWith403() {
        CoreHarness scoped = new CoreHarness(Set.of("example.test"));
        FlowInfo caller = scoped.browser(Transport.WSS, "192.0.2.10", 50000);

        var response = scoped.reply(Edit.requestUri(Fixtures.request("invite-jssip.sip"), "sip:carol@elsewhere.example"),
                caller);

        assertThat(response.getStatusCode()).isEqualTo(403);
    }

    @Test
    void aRouteToAnotherElementIsRefusedWith403() {
        wisp.register("bob", bob);
        SIPRequest routed = Edit.header(Fixtures.request("invite-jssip.sip"), "Route", "<sip:proxy.elsewhere.example;lr>");

        assertThat(wisp.reply(routed, alice).getStatusCode()).isEqualTo(403);
    }

    @Test
    void aPreloadedRouteToWispItselfIsPopped() {
        wisp.register("bob", bob);
        SIPRequest routed = Edit.header(Fixtures.request("message-jssip.sip"), "Route",
                "<sip:10.0.0.1:8443;transport=wss;lr>");

        SIPRequest out = (SIPRequest) wisp.forward(routed, alice).message();

        assertThat(out.getRouteHeaders()).isNull();
    }

    private void registerContact(FlowInfo flow, String contact) {
        SIPRequest register = Edit.header(Fixtures.request("register-jssip.sip", Map.of("user", "bob")),
                "Contact", contact);
        register = Edit.header(register, "Call-ID", contact.hashCode() + "@test");
        assertThat(wisp.registrar.register(register, flow.id()).getStatusCode()).isEqualTo(200);
    }

    static List<SipURI> recordRoutes(SIPRequest request) {
        if (request.getRecordRouteHeaders() == null) {
            return List.of();
        }
        return request.getRecordRouteHeaders().stream()
                .map(header -> (SipURI) header.getAddress().getURI())
                .toList();
    }
}
