package dev.wisp.proxy.transport;

import dev.wisp.proxy.core.FlowInfo;
import dev.wisp.registrar.FlowId;
import gov.nist.javax.sip.message.SIPMessage;

/**
 * One connection (or, for datagram transports, one remote address) that SIP messages travel on.
 * Transports implement it; everything above them sees only this.
 */
public interface Flow {

    FlowInfo info();

    default FlowId id() {
        return info().id();
    }

    /**
     * Sends a message, asynchronously; never throws. The caller hands the message over and must
     * not change it afterwards.
     */
    void send(SIPMessage message);

    boolean isOpen();
}
