package dev.wisp.proxy.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisp.proxy.Edit;
import dev.wisp.proxy.Fixtures;
import dev.wisp.sip.SipFactories;
import gov.nist.javax.sip.header.RecordRoute;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Responses and in-dialog requests: Via popping, Route sets, flow tokens, strict routing. */
class DialogRoutingTest {

    private final CoreHarness wisp = new CoreHarness();
    private final FlowInfo alice = wisp.browser(Transport.WSS, "192.0.2.10", 50000);
    private final FlowInfo bob = wisp.browser(Transport.WSS, "192.0.2.20", 50001);

    @Test
    void aResponseLosesWispsViaAndGoesBackDownTheCallersFlow() {
        SIPRequest atBob = inviteFromAliceToBob();

        Action.Forward forward = wisp.forward(bobAnswers(atBob, 200), bob);

        assertThat(forward.flow()).isEqualTo(alice.id());
        SIPResponse out = (SIPResponse) forward.message();
        assertThat(out.getViaHeaders()).hasSize(1);
        assertThat(out.getTopmostVia().getHost()).isEqualTo("a1ic3h0st.invalid");
        assertThat(out.getRecordRouteHeaders()).hasSize(1);
    }

    @Test
    void provisionalAndFinalResponsesAllFindTheCaller() {
        SIPRequest atBob = inviteFromAliceToBob();

        for (int status : new int[] {100, 180, 183, 486, 487, 603}) {
            assertThat(wisp.forward(bobAnswers(atBob, status), bob).flow()).as("%d", status).isEqualTo(alice.id());
        }
    }

    @Test
    void aResponseFindsTheCallerEvenIfItsViaNamesTheOtherWebSocketTransport() {
        wisp.register("bob", bob);
        SIPRequest invite = Edit.header(Fixtures.request("invite-jssip.sip"), "Via",
                "SIP/2.0/WS a1ic3h0st.invalid;branch=z9hG4bK4711474"); // WS written on a wss:// flow
        SIPRequest atBob = (SIPRequest) wisp.forward(invite, alice).message();

        assertThat(wisp.forward(bobAnswers(atBob, 200), bob).flow()).isEqualTo(alice.id());
    }

    @Test
    void aResponseWhoseTopViaIsNotWispsIsDropped() {
        SIPResponse stray = bobAnswers(inviteFromAliceToBob(), 200);
        stray.getViaHeaders().removeFirst();

        assertThat(wisp.route(stray, bob)).isInstanceOf(Action.Drop.class);
    }

    @Test
    void aResponseWithOnlyWispsViaIsDropped() {
        SIPResponse response = bobAnswers(inviteFromAliceToBob(), 200);
        response.getViaHeaders().remove(1);

        assertThat(wisp.route(response, bob)).isInstanceOf(Action.Drop.class);
    }

    @Test
    void aResponseForACallerWhoseFlowClosedIsDropped() {
        SIPResponse response = bobAnswers(inviteFromAliceToBob(), 200);
        wisp.flows.close(alice);

        assertThat(wisp.route(response, bob)).isInstanceOf(Action.Drop.class);
    }

    @Test
    void byeFromTheCallerFollowsTheRouteSetToTheCallee() {
        SIPResponse ok = bobAnswers(inviteFromAliceToBob(), 200);
        SIPRequest bye = Edit.header(Fixtures.request("bye-in-dialog.sip"), "Route", routeSet(ok, true));

        Action.Forward forward = wisp.forward(bye, alice);

        assertThat(forward.flow()).isEqualTo(bob.id());
        SIPRequest out = (SIPRequest) forward.message();
        assertThat(out.getRouteHeaders()).as("wisp pops its own route").isNull();
        assertThat(out.getRequestURI().toString()).isEqualTo("sip:b0b@b0bh0st.invalid;transport=ws");
        assertThat(out.getRecordRouteHeaders()).isNull();
        assertThat(out.getViaHeaders()).hasSize(2);
    }

    @Test
    void byeFromTheCalleeFollowsTheRouteSetToTheCaller() {
        SIPResponse ok = bobAnswers(inviteFromAliceToBob(), 200);
        SIPRequest bye = Edit.header(byeFromBob(), "Route", routeSet(ok, false));

        Action.Forward forward = wisp.forward(bye, bob);

        assertThat(forward.flow()).isEqualTo(alice.id());
        assertThat(((SIPRequest) forward.message()).getRequestURI().toString())
                .isEqualTo("sip:a1ic3@a1ic3h0st.invalid;transport=ws;ob");
    }

    @Test
    void ackForA2xxAndAReInviteFollowTheRouteSet() {
        SIPResponse ok = bobAnswers(inviteFromAliceToBob(), 200);
        SIPRequest bye = Edit.header(Fixtures.request("bye-in-dialog.sip"), "Route", routeSet(ok, true));

        assertThat(wisp.forward(Edit.method(bye, "ACK"), alice).flow()).isEqualTo(bob.id());
        Action.Forward reInvite = wisp.forward(Edit.method(bye, "INVITE"), alice);
        assertThat(reInvite.flow()).isEqualTo(bob.id());
        assertThat(((SIPRequest) reInvite.message()).getRecordRouteHeaders())
                .as("an in-dialog request is not Record-Routed again").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INFO", "UPDATE", "PRACK", "MESSAGE", "REFER", "NOTIFY", "OPTIONS"})
    void everyInDialogMethodFollowsTheRouteSetEitherWay(String method) {
        SIPResponse ok = bobAnswers(inviteFromAliceToBob(), 200);

        Action.Forward toBob = wisp.forward(
                Edit.method(Edit.header(Fixtures.request("bye-in-dialog.sip"), "Route", routeSet(ok, true)), method), alice);
        Action.Forward toAlice = wisp.forward(Edit.method(Edit.header(byeFromBob(), "Route", routeSet(ok, false)), method), bob);

        assertThat(toBob.flow()).isEqualTo(bob.id());
        assertThat(toAlice.flow()).isEqualTo(alice.id());
        assertThat(((SIPRequest) toBob.message()).getMethod()).isEqualTo(method);
        assertThat(((SIPRequest) toBob.message()).getRecordRouteHeaders()).isNull();
    }

    @Test
    void aDoubleRecordRouteIsPoppedWholeInBothDirections() {
        FlowInfo wsAlice = wisp.browser(Transport.WS, "192.0.2.11", 40000);
        wisp.register("bob", bob);
        SIPRequest invite = Edit.header(Fixtures.request("invite-jssip.sip"), "Via",
                "SIP/2.0/WS a1ic3h0st.invalid;branch=z9hG4bK4711474");
        SIPRequest atBob = (SIPRequest) wisp.forward(invite, wsAlice).message();
        SIPResponse ok = bobAnswers(atBob, 200);
        assertThat(wisp.forward(ok, bob).flow()).isEqualTo(wsAlice.id());

        Action.Forward fromCaller = wisp.forward(
                Edit.header(Fixtures.request("bye-in-dialog.sip"), "Route", routeSet(ok, true)), wsAlice);
        Action.Forward fromCallee = wisp.forward(Edit.header(byeFromBob(), "Route", routeSet(ok, false)), bob);

        assertThat(fromCaller.flow()).isEqualTo(bob.id());
        assertThat(((SIPRequest) fromCaller.message()).getRouteHeaders()).isNull();
        assertThat(((SIPRequest) fromCaller.message()).getTopmostVia().getTransport()).isEqualTo("WSS");
        assertThat(fromCallee.flow()).isEqualTo(wsAlice.id());
        assertThat(((SIPRequest) fromCallee.message()).getRouteHeaders()).isNull();
        assertThat(((SIPRequest) fromCallee.message()).getTopmostVia().getTransport()).isEqualTo("WS");
    }

    @Test
    void anInDialogRequestForAClosedFlowIs430FlowFailed() {
        SIPResponse ok = bobAnswers(inviteFromAliceToBob(), 200);
        wisp.flows.close(bob);

        SIPResponse response = wisp.reply(
                Edit.header(Fixtures.request("bye-in-dialog.sip"), "Route", routeSet(ok, true)), alice);

        assertThat(response.getStatusCode()).isEqualTo(430);
    }

    @Test
    void anAckForAClosedFlowIsDroppedNotAnswered() {
        SIPResponse ok = bobAnswers(inviteFromAliceToBob(), 200);
        wisp.flows.close(bob);
        SIPRequest ack = Edit.method(Edit.header(Fixtures.request("bye-in-dialog.sip"), "Route", routeSet(ok, true)), "ACK");

        assertThat(wisp.route(ack, alice)).isInstanceOf(Action.Drop.class);
    }

    @Test
    void aForgedFlowTokenIs403() {
        SIPRequest bye = Edit.header(Fixtures.request("bye-in-dialog.sip"), "Route",
                "<sip:1.2.AAAAAAAAAAAA@10.0.0.1:8443;transport=wss;lr>");

        assertThat(wisp.reply(bye, alice).getStatusCode()).isEqualTo(403);
    }

    @Test
    void aStrictRoutedRequestIsRepairedAndFollowsItsToken() {
        SIPResponse ok = bobAnswers(inviteFromAliceToBob(), 200);
        String wispUri = ((RecordRoute) ok.getRecordRouteHeaders().getFirst()).getAddress().getURI().toString();
        // An RFC 2543 UA puts the first route in the Request-URI and the remote target last.
        SIPRequest strict = Edit.requestUri(Edit.header(Fixtures.request("bye-in-dialog.sip"), "Route",
                "<sip:b0b@b0bh0st.invalid;transport=ws>"), wispUri.replace(";lr", ""));

        Action.Forward forward = wisp.forward(strict, alice);

        assertThat(forward.flow()).isEqualTo(bob.id());
        SIPRequest out = (SIPRequest) forward.message();
        assertThat(out.getRequestURI().toString()).isEqualTo("sip:b0b@b0bh0st.invalid;transport=ws");
        assertThat(out.getRouteHeaders()).isNull();
    }

    @Test
    void aUaThatReconnectedStillReachesItsPeerThroughTheDialogsRoute() {
        SIPResponse ok = bobAnswers(inviteFromAliceToBob(), 200);
        wisp.flows.close(alice);
        FlowInfo aliceAgain = wisp.browser(Transport.WSS, "192.0.2.10", 50099);

        Action.Forward forward = wisp.forward(
                Edit.header(Fixtures.request("bye-in-dialog.sip"), "Route", routeSet(ok, true)), aliceAgain);

        assertThat(forward.flow()).isEqualTo(bob.id());
    }

    private SIPRequest inviteFromAliceToBob() {
        wisp.register("bob", bob);
        return (SIPRequest) wisp.forward(Fixtures.request("invite-jssip.sip"), alice).message();
    }

    /** What a JsSIP callee answers: the request's Via, Record-Route and tags, its own Contact. */
    private static SIPResponse bobAnswers(SIPRequest atBob, int status) {
        SIPResponse response = atBob.createResponse(status);
        try {
            if (status > 100) {
                response.getTo().setTag("bobtag1");
            }
            response.addHeader(SipFactories.HEADERS.createHeader("Contact", "<sip:b0b@b0bh0st.invalid;transport=ws>"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private static SIPRequest byeFromBob() {
        SIPRequest bye = Edit.requestUri(Fixtures.request("bye-in-dialog.sip"), "sip:a1ic3@a1ic3h0st.invalid;transport=ws;ob");
        bye = Edit.header(bye, "Via", "SIP/2.0/WSS b0bh0st.invalid;branch=z9hG4bK7731");
        bye = Edit.header(bye, "From", "<sip:bob@example.test>;tag=bobtag1");
        return Edit.header(bye, "To", "\"Alice\" <sip:alice@example.test>;tag=alicetag1");
    }

    /** The dialog's route set as each side uses it: the callee in Record-Route order, the caller reversed. */
    private static String[] routeSet(SIPResponse ok, boolean forCaller) {
        List<String> routes = new ArrayList<>();
        ok.getRecordRouteHeaders().forEach(header -> routes.add(header.getAddress().toString()));
        if (forCaller) {
            Collections.reverse(routes);
        }
        return routes.toArray(String[]::new);
    }
}
