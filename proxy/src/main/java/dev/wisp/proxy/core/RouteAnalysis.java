package dev.wisp.proxy.core;

import gov.nist.javax.sip.header.Route;
import gov.nist.javax.sip.header.RouteList;
import gov.nist.javax.sip.message.SIPRequest;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * What the Request-URI and Route headers say about where a request goes (RFC 3261 section
 * 16.4), read without changing the request; {@link #applyTo} makes the changes on wisp's copy.
 *
 * @param strictRouted  the Request-URI is one of wisp's own Record-Route URIs: a strict router
 *                      sent it, and the real Request-URI is the last Route entry
 * @param ownRoutes     how many Route entries at the top are wisp's own, to be popped
 * @param flowPair      the flows named by a flow token in wisp's entries, or null
 * @param forgedToken   one of wisp's entries carried a token wisp did not issue
 * @param foreignRoute  a Route entry for another element is left after wisp's own
 */
record RouteAnalysis(boolean strictRouted, int ownRoutes, FlowPair flowPair, boolean forgedToken,
        boolean foreignRoute) {

    static RouteAnalysis of(SIPRequest request, LocalIdentity local, FlowTokens tokens) {
        RouteList routes = request.getRouteHeaders();
        int routeCount = routes == null ? 0 : routes.size();
        boolean strict = false;
        FlowPair pair = null;
        boolean forged = false;

        URI requestUri = request.getRequestURI();
        if (requestUri instanceof SipURI sipUri && local.isLocal(sipUri.getHost(), sipUri.getPort())
                && sipUri.getUser() != null && routeCount > 0) {
            Optional<FlowPair> fromUri = tokens.decode(sipUri.getUser());
            if (fromUri.isPresent()) {
                strict = true;
                pair = fromUri.get();
                routeCount--; // the last entry becomes the Request-URI
            }
        }

        int own = 0;
        while (own < routeCount) {
            URI uri = routes.get(own).getAddress().getURI();
            if (!(uri instanceof SipURI sipUri) || !local.isLocal(sipUri.getHost(), sipUri.getPort())) {
                break;
            }
            if (sipUri.getUser() != null) {
                Optional<FlowPair> decoded = tokens.decode(sipUri.getUser());
                if (decoded.isPresent()) {
                    pair = decoded.get();
                } else {
                    forged = true;
                }
            }
            own++;
        }
        return new RouteAnalysis(strict, own, pair, forged, own < routeCount);
    }

    /** Replaces a strict-routed Request-URI and pops wisp's own Route entries on {@code copy}. */
    void applyTo(SIPRequest copy) {
        RouteList routes = copy.getRouteHeaders();
        if (routes == null) {
            return;
        }
        if (strictRouted) {
            Route last = (Route) routes.getLast();
            routes.removeLast();
            copy.setRequestURI(last.getAddress().getURI());
        }
        for (int i = 0; i < ownRoutes; i++) {
            routes.removeFirst();
        }
        if (routes.isEmpty()) {
            copy.removeHeader(Route.NAME);
        }
    }
}
