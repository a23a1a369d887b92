package dev.wisp.benchmarks.micro;

import dev.wisp.proxy.core.Action;
import dev.wisp.proxy.core.FlowInfo;
import dev.wisp.proxy.core.FlowTokens;
import dev.wisp.proxy.core.ForeignRouting;
import dev.wisp.proxy.core.LocalIdentity;
import dev.wisp.proxy.core.ProxyCore;
import dev.wisp.proxy.core.RouteContext;
import dev.wisp.proxy.core.Transport;
import dev.wisp.proxy.transport.Flow;
import dev.wisp.proxy.transport.FlowRegistry;
import dev.wisp.registrar.InMemoryLocationStore;
import dev.wisp.registrar.Registrar;
import dev.wisp.registrar.RegistrarConfig;
import dev.wisp.sip.SipFactories;
import gov.nist.javax.sip.header.RecordRoute;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A proxy core as wisp runs it, minus the sockets: alice and bob each on a WebSocket flow, bob
 * registered, and the messages of one call between them in the state the core expects them.
 */
final class RoutingScenario {

    private static final InetSocketAddress WISP = new InetSocketAddress("127.0.0.1", 8443);

    final Clock clock = Clock.systemUTC();
    final FlowRegistry flows = new FlowRegistry();
    final Registrar registrar = new Registrar(RegistrarConfig.DEFAULTS, new InMemoryLocationStore(), clock);
    final LocalIdentity local = new LocalIdentity(Set.of("127.0.0.1"), Set.of(8080, 8443), null, Set.of());
    final ProxyCore core = new ProxyCore(FlowTokens.withRandomSecret(), ForeignRouting.REFUSE);
    final FlowInfo alice = open("192.0.2.10", 50000);
    final FlowInfo bob = open("192.0.2.20", 50001);

    final SIPRequest invite;
    final SIPResponse ok200;
    final SIPRequest ack;
    final SIPRequest bye;

    RoutingScenario() {
        registrar.register(Messages.request("register", Map.of("alice", "bob")), bob.id());
        invite = Messages.request("invite");
        SIPRequest atBob = (SIPRequest) forward(invite, alice).message();
        ok200 = answer(atBob);
        String route = ((RecordRoute) ok200.getRecordRouteHeaders().getFirst()).getAddress().toString();
        bye = withRoute(Messages.request("bye"), route);
        ack = withRoute(bye, route);
        setMethod(ack, "ACK");
    }

    RouteContext from(FlowInfo inbound) {
        return new RouteContext(inbound, registrar.locations(), flows, local, clock);
    }

    List<Action> route(SIPMessage message, FlowInfo inbound) {
        return core.route(message, from(inbound));
    }

    Action.Forward forward(SIPMessage message, FlowInfo inbound) {
        Action action = route(message, inbound).get(0);
        if (!(action instanceof Action.Forward forward)) {
            throw new IllegalStateException("expected a forward, got " + action);
        }
        return forward;
    }

    private FlowInfo open(String ip, int port) {
        FlowInfo info = new FlowInfo(flows.nextId(), Transport.WSS, new InetSocketAddress(ip, port), WISP);
        flows.add(new Flow() {
            @Override
            public FlowInfo info() {
                return info;
            }

            @Override
            public void send(SIPMessage message) {
                // routing only: nothing goes anywhere
            }

            @Override
            public boolean isOpen() {
                return true;
            }
        });
        return info;
    }

    /** The 200 OK bob's JsSIP answers the INVITE with: Via and Record-Route copied, its SDP. */
    private static SIPResponse answer(SIPRequest atBob) {
        SIPResponse ok = atBob.createResponse(200);
        SIPResponse template = (SIPResponse) Messages.parse(Messages.bytes("ok200"));
        try {
            ok.getTo().setTag("bobtag1");
            ok.addHeader(template.getHeader("Contact"));
            ok.setContent(template.getRawContent(), template.getContentTypeHeader());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        return ok;
    }

    private static SIPRequest withRoute(SIPRequest request, String route) {
        SIPRequest copy = (SIPRequest) request.clone();
        copy.removeHeader("Route");
        try {
            copy.addHeader(SipFactories.HEADERS.createHeader("Route", route));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        return copy;
    }

    /** Turns the BYE into the ACK for the INVITE's 2xx: same dialog, the INVITE's CSeq number. */
    private static void setMethod(SIPRequest request, String method) {
        try {
            request.setMethod(method);
            request.getCSeq().setMethod(method);
            request.getCSeq().setSeqNumber(7);
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }
}
