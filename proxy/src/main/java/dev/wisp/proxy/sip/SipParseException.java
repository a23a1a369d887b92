package dev.wisp.proxy.sip;

import gov.nist.javax.sip.message.SIPRequest;
import java.util.Optional;

/**
 * A message that could not be accepted, carrying its protocol answer: the status and a reason
 * phrase that names the problem, and the request as far as it parsed when a response can still
 * be addressed from it (it has a Via). Without one, the message can only be dropped.
 */
public final class SipParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient SIPRequest answerable;

    SipParseException(int status, String reason, SIPRequest answerable) {
        super(reason, null, false, false);
        this.status = status;
        this.answerable = answerable;
    }

    public int status() {
        return status;
    }

    /** A reason phrase for the response, naming the problem. */
    public String reason() {
        return getMessage();
    }

    /** The partly parsed request to answer, or empty when the message must be dropped. */
    public Optional<SIPRequest> answerable() {
        return Optional.ofNullable(answerable);
    }
}
