package dev.wisp.proxy.core;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.header.ViaList;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.Optional;

/**
 * Response processing of a stateless proxy (RFC 3261 section 16.11): a response whose top Via is
 * wisp's loses it and goes to the flow the next Via came from; any other response is discarded.
 */
final class ResponseRouter {

    Action route(SIPResponse response, RouteContext context) {
        ViaList vias = response.getViaHeaders();
        if (vias == null || vias.isEmpty()) {
            return new Action.Drop("response without Via");
        }
        Via top = (Via) vias.getFirst();
        if (!context.local().isLocal(top.getHost(), top.getPort())) {
            return new Action.Drop("response not for wisp: top Via is " + top.getHost());
        }
        if (vias.size() < 2) {
            return new Action.Drop("response to a request wisp did not forward");
        }
        Via next = vias.get(1);
        Transport transport = Transport.fromVia(next.getTransport());
        if (transport == null) {
            return new Action.Drop("next Via uses unsupported transport " + next.getTransport());
        }
        String host = next.getReceived() != null ? next.getReceived() : next.getHost();
        int port = rport(next);
        Optional<FlowInfo> flow = context.flows().flowFrom(transport, host, port);
        if (flow.isEmpty()) {
            return new Action.Drop("no open flow from " + host + ":" + port);
        }
        SIPResponse copy = (SIPResponse) response.clone();
        copy.getViaHeaders().removeFirst();
        return new Action.Forward(flow.get().id(), copy);
    }

    /** The rport wisp stamped, else the sent-by port; an unparseable rport counts as absent. */
    private static int rport(Via via) {
        String rport = via.getParameter("rport");
        if (rport != null && !rport.isEmpty()) {
            try {
                return Integer.parseInt(rport);
            } catch (NumberFormatException ignored) {
                // fall through to the sent-by port
            }
        }
        return via.getPort();
    }
}
