package dev.wisp.proxy.core;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.List;

/**
 * The stateless proxy as a pure function: a parsed message and a read-only context in, the
 * actions to take out. No channel, no clock of its own, no I/O; the inbound message is never
 * changed (forwarded messages are copies). Everything RFC 3261 section 16 asks of a stateless
 * proxy is decided here, so all of it is tested without sockets.
 */
public final class ProxyCore {

    private final RequestRouter requests;
    private final ResponseRouter responses = new ResponseRouter();

    public ProxyCore(FlowTokens tokens, ForeignRouting foreign) {
        this.requests = new RequestRouter(tokens, foreign);
    }

    public List<Action> route(SIPMessage message, RouteContext context) {
        Action action = message instanceof SIPRequest request
                ? requests.route(request, context)
                : responses.route((SIPResponse) message, context);
        return List.of(action);
    }
}
