package dev.wisp.proxy.core;

import dev.wisp.registrar.FlowId;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;

/** What the proxy core asks the transport layer to do with a message. */
public sealed interface Action {

    /** Send {@code message} down {@code flow}. The message is the core's own copy. */
    record Forward(FlowId flow, SIPMessage message) implements Action {
    }

    /** Send {@code response} back down the flow the request came on. */
    record Reply(SIPResponse response) implements Action {
    }

    /** Hand {@code request} to the registrar; its answer goes back down the inbound flow. */
    record Register(SIPRequest request) implements Action {
    }

    /** Do nothing with the message; {@code reason} says why, for counters and debug logs. */
    record Drop(String reason) implements Action {
    }
}
