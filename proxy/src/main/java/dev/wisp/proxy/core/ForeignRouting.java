package dev.wisp.proxy.core;

import gov.nist.javax.sip.message.SIPRequest;

/**
 * What happens to a request bound for another element: a domain wisp does not serve, or a Route
 * entry naming someone else. This is the seam where routing to existing SIP infrastructure (a
 * PBX, a trunk, Kamailio over UDP/TCP/TLS) plugs in; until then wisp refuses to relay.
 */
@FunctionalInterface
public interface ForeignRouting {

    /** Refuses every such request with 403, as an edge proxy that must not become an open relay. */
    ForeignRouting REFUSE = (request, context) ->
            Replies.reply(request, 403, "Not Relaying: No Route to Other Domains");

    Action route(SIPRequest request, RouteContext context);
}
