package dev.wisp.proxy.core;

import dev.wisp.registrar.AddressOfRecord;
import dev.wisp.registrar.Binding;
import dev.wisp.registrar.FlowId;
import dev.wisp.registrar.Registrar;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sip.address.SipURI;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ProxyRequireHeader;
import javax.sip.header.RequireHeader;

/** Request processing of a stateless proxy (RFC 3261 sections 16.3 to 16.6 and 16.11). */
final class RequestRouter {

    /** Proxy-Require extensions wisp implements as a proxy: none. */
    private static final Set<String> PROXY_EXTENSIONS = Set.of();

    private final RequestForwarding forwarding;
    private final FlowTokens tokens;
    private final ForeignRouting foreign;

    RequestRouter(FlowTokens tokens, ForeignRouting foreign) {
        this.tokens = tokens;
        this.foreign = foreign;
        this.forwarding = new RequestForwarding(tokens);
    }

    Action route(SIPRequest request, RouteContext context) {
        if (!(request.getRequestURI() instanceof SipURI requestUri)) {
            return Replies.reply(request, 416, "Unsupported URI Scheme");
        }
        List<String> unsupported = unsupported(request, ProxyRequireHeader.NAME, PROXY_EXTENSIONS);
        if (!unsupported.isEmpty()) {
            return Replies.badExtension(request, unsupported);
        }

        RouteAnalysis routes = RouteAnalysis.of(request, context.local(), tokens);
        if (routes.forgedToken()) {
            return Replies.reply(request, 403, "Invalid Flow Token");
        }
        if (routes.foreignRoute()) {
            return foreign.route(request, context);
        }
        if (routes.flowPair() != null) {
            return hopsExhausted(request) ? tooManyHops(request) : forwardInDialog(request, routes, context);
        }

        boolean served = context.local().serves(requestUri.getHost());
        if (SIPRequest.REGISTER.equals(request.getMethod())) {
            return served ? new Action.Register(request) : foreign.route(request, context);
        }
        if (!served) {
            return foreign.route(request, context);
        }
        if (requestUri.getUser() == null) {
            return answerForWisp(request);
        }
        return hopsExhausted(request) ? tooManyHops(request)
                : forwardToRegisteredUser(request, requestUri, routes, context);
    }

    /** A request that follows a dialog's route set: wisp's Record-Route named both flows. */
    private Action forwardInDialog(SIPRequest request, RouteAnalysis routes, RouteContext context) {
        FlowId destination = routes.flowPair().destinationFrom(context.inbound().id(), context.flows());
        Optional<FlowInfo> outbound = destination == null ? Optional.empty() : context.flows().flow(destination);
        if (outbound.isEmpty()) {
            // RFC 5626 section 5.3: the flow the dialog ran over is gone.
            return Replies.reply(request, 430, "Flow Failed");
        }
        return forwarding.forward(request, routes, null, context, outbound.get());
    }

    /** An initial (or RFC 2543-style route-less) request for a user of a served domain. */
    private Action forwardToRegisteredUser(SIPRequest request, SipURI requestUri, RouteAnalysis routes,
            RouteContext context) {
        List<Binding> bindings = context.locations().bindings(AddressOfRecord.key(requestUri));
        if (bindings.isEmpty()) {
            return Replies.reply(request, 404, "Not Found");
        }
        Optional<Binding> chosen = BindingSelector.select(bindings, context.clock().instant(), context.flows());
        Optional<FlowInfo> outbound = chosen.flatMap(binding -> context.flows().flow(binding.flow()));
        if (outbound.isEmpty()) {
            // Registered, but every binding has lapsed or lost its connection.
            return Replies.reply(request, 480, "Temporarily Unavailable");
        }
        return forwarding.forward(request, routes, chosen.get(), context, outbound.get());
    }

    /** A request whose Request-URI names a served domain but no user: wisp is its UAS. */
    private static Action answerForWisp(SIPRequest request) {
        String method = request.getMethod();
        switch (method) {
            case SIPRequest.OPTIONS: {
                List<String> unsupported = unsupported(request, RequireHeader.NAME, Registrar.SUPPORTED_EXTENSIONS);
                return unsupported.isEmpty() ? Replies.optionsOk(request) : Replies.badExtension(request, unsupported);
            }
            case SIPRequest.ACK:
                return new Action.Drop("ACK for wisp itself");
            case SIPRequest.CANCEL:
                return Replies.reply(request, 481, "Call/Transaction Does Not Exist");
            default:
                return SipMethods.KNOWN.contains(method)
                        ? Replies.reply(request, 404, "Not Found")
                        : Replies.notImplemented(request);
        }
    }

    private static boolean hopsExhausted(SIPRequest request) {
        MaxForwardsHeader maxForwards = request.getMaxForwards();
        return maxForwards != null && maxForwards.getMaxForwards() <= 0;
    }

    private static Action tooManyHops(SIPRequest request) {
        return Replies.reply(request, 483, "Too Many Hops");
    }

    private static List<String> unsupported(SIPRequest request, String headerName, Set<String> supported) {
        List<String> unsupported = new ArrayList<>();
        ListIterator<SIPHeader> headers = request.getHeaders(headerName);
        while (headers.hasNext()) {
            SIPHeader header = headers.next();
            String tag = header instanceof RequireHeader require ? require.getOptionTag()
                    : ((ProxyRequireHeader) header).getOptionTag();
            if (!supported.contains(tag.toLowerCase(Locale.ROOT))) {
                unsupported.add(tag);
            }
        }
        return unsupported;
    }
}
