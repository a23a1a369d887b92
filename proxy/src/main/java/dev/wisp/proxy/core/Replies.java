package dev.wisp.proxy.core;

import dev.wisp.registrar.Registrar;
import dev.wisp.sip.SipFactories;
import dev.wisp.sip.StatelessResponses;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.text.ParseException;
import java.util.List;

/** The answers wisp gives as the end of a request's road. An ACK is never answered. */
final class Replies {

    private Replies() {
    }

    /** The response, or a drop for an ACK, which RFC 3261 never answers. */
    static Action reply(SIPRequest request, int status, String reason) {
        if (SIPRequest.ACK.equals(request.getMethod())) {
            return new Action.Drop("ACK ends here: " + status + " " + reason);
        }
        return new Action.Reply(StatelessResponses.create(request, status, reason));
    }

    /** 420 listing the extensions wisp does not support (RFC 3261 sections 8.2.2.3 and 16.3). */
    static Action badExtension(SIPRequest request, List<String> unsupported) {
        Action action = reply(request, 420, "Bad Extension");
        if (action instanceof Action.Reply reply) {
            for (String tag : unsupported) {
                add(reply.response(), "Unsupported", tag);
            }
        }
        return action;
    }

    /** 200 to an OPTIONS for wisp itself, saying what it handles. */
    static Action optionsOk(SIPRequest request) {
        Action.Reply reply = (Action.Reply) reply(request, 200, "OK");
        add(reply.response(), "Allow", SipMethods.ALLOW);
        add(reply.response(), "Supported", String.join(",", Registrar.SUPPORTED_EXTENSIONS));
        return reply;
    }

    /** 501 to a method wisp does not know, addressed to wisp itself (RFC 3261 section 8.2.1). */
    static Action notImplemented(SIPRequest request) {
        Action action = reply(request, 501, "Not Implemented");
        if (action instanceof Action.Reply reply) {
            add(reply.response(), "Allow", SipMethods.ALLOW);
        }
        return action;
    }

    /** Adds a header; a comma-separated list becomes one header per value, as the RI wants. */
    private static void add(SIPResponse response, String name, String values) {
        for (String value : values.split(",")) {
            try {
                response.addHeader(SipFactories.HEADERS.createHeader(name, value.trim()));
            } catch (ParseException e) {
                throw new IllegalStateException(name + ": " + value + " is a constant that parses", e);
            }
        }
    }
}
