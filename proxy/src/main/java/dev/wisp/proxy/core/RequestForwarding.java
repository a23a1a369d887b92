package dev.wisp.proxy.core;

import dev.wisp.registrar.Binding;
import dev.wisp.sip.SipFactories;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import java.text.ParseException;
import java.util.List;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ViaHeader;

/**
 * Builds the copy of a request that wisp sends on (RFC 3261 section 16.6): the inbound request is
 * never changed.
 */
final class RequestForwarding {

    /** RFC 3261 section 16.6 step 3: the value a proxy adds when a request has no Max-Forwards. */
    static final int DEFAULT_MAX_FORWARDS = 70;

    private final FlowTokens tokens;

    RequestForwarding(FlowTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * @param target the binding the Request-URI is retargeted to, or null to keep the Request-URI
     *               (in-dialog requests, which already name their remote target)
     */
    Action.Forward forward(SIPRequest original, RouteAnalysis routes, Binding target, RouteContext context,
            FlowInfo outbound) {
        SIPRequest copy = (SIPRequest) original.clone();
        try {
            routes.applyTo(copy);
            if (target != null) {
                retarget(copy, target);
            }
            decrementMaxForwards(copy);
            stampReceived(copy, context.inbound());
            if (isInitialDialogRequest(copy)) {
                recordRoute(copy, context.inbound(), outbound, context.local());
            }
            pushVia(copy, Branches.forRequest(original), outbound, context.local());
        } catch (ParseException | InvalidArgumentException | SipException e) {
            throw new IllegalStateException("wisp built a header that does not parse: " + e.getMessage(), e);
        }
        return new Action.Forward(outbound.id(), copy);
    }

    /**
     * RFC 3261 section 16.5: the Request-URI becomes the registered contact. RFC 3327: the
     * binding's Path becomes the route towards it.
     */
    private static void retarget(SIPRequest copy, Binding target) throws ParseException, SipException {
        copy.setRequestURI(SipFactories.ADDRESSES.createURI(target.contactUri()));
        List<String> path = target.path();
        for (int i = path.size() - 1; i >= 0; i--) {
            Address hop = SipFactories.ADDRESSES.createAddress(path.get(i));
            copy.addFirst(SipFactories.HEADERS.createRouteHeader(hop));
        }
    }

    private static void decrementMaxForwards(SIPRequest copy) throws InvalidArgumentException {
        MaxForwardsHeader maxForwards = copy.getMaxForwards();
        if (maxForwards == null) {
            copy.setHeader(SipFactories.HEADERS.createMaxForwardsHeader(DEFAULT_MAX_FORWARDS));
        } else {
            maxForwards.setMaxForwards(maxForwards.getMaxForwards() - 1);
        }
    }

    /**
     * RFC 3581: the response comes back to where the request really came from. Browsers write an
     * unreachable {@code .invalid} host in their Via, so wisp always records the source address;
     * the response router uses it to find the flow again.
     */
    private static void stampReceived(SIPRequest copy, FlowInfo inbound) throws ParseException {
        Via top = copy.getTopmostVia();
        top.setReceived(inbound.remote().getAddress().getHostAddress());
        top.setParameter("rport", Integer.toString(inbound.remote().getPort()));
    }

    private static boolean isInitialDialogRequest(SIPRequest copy) {
        return SipMethods.createsDialog(copy.getMethod()) && copy.getToTag() == null;
    }

    /**
     * Adds wisp's Record-Route, carrying the flow token of the dialog's two flows. When the flows
     * use different listeners (WS on one side, WSS on the other) wisp records itself twice, once
     * as each side sees it, so each UA's route set names the transport it can reach (double
     * Record-Route, as Kamailio's enable_double_rr does).
     */
    private void recordRoute(SIPRequest copy, FlowInfo inbound, FlowInfo outbound, LocalIdentity local)
            throws ParseException {
        String token = tokens.encode(new FlowPair(inbound.id(), outbound.id()));
        if (!inbound.sameListener(outbound)) {
            copy.addHeader(recordRouteFacing(inbound, token, local));
        }
        copy.addHeader(recordRouteFacing(outbound, token, local));
    }

    private static RecordRouteHeader recordRouteFacing(FlowInfo flow, String token, LocalIdentity local)
            throws ParseException {
        SipURI uri = SipFactories.ADDRESSES.createSipURI(token, local.hostFor(flow));
        uri.setPort(flow.local().getPort());
        uri.setTransportParam(flow.transport().uriParameter());
        uri.setLrParam();
        return SipFactories.HEADERS.createRecordRouteHeader(SipFactories.ADDRESSES.createAddress(uri));
    }

    private static void pushVia(SIPRequest copy, String branch, FlowInfo outbound, LocalIdentity local)
            throws ParseException, InvalidArgumentException {
        ViaHeader via = SipFactories.HEADERS.createViaHeader(local.hostFor(outbound), outbound.local().getPort(),
                outbound.transport().viaName(), branch);
        copy.addHeader(via); // Via and Record-Route are added on top
    }
}
