package dev.wisp.sip;

import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.text.ParseException;

/**
 * Builds responses that wisp answers itself, without transaction state.
 *
 * <p>RFC 3261 section 8.2.6.2 wants a To tag on every response but 100. A stateless element must
 * give a retransmitted request the same tag, so the tag is a hash of what identifies the request
 * rather than a random value.
 */
public final class StatelessResponses {

    private StatelessResponses() {
    }

    /**
     * A response to {@code request} with the headers RFC 3261 section 8.2.6 copies (Via, From, To,
     * Call-ID, CSeq) and a deterministic To tag when the request had none.
     *
     * @param reason the reason phrase, or null for the standard one
     */
    public static SIPResponse create(SIPRequest request, int status, String reason) {
        SIPResponse response = request.createResponse(status, reason);
        To to = (To) response.getTo();
        if (status > 100 && to != null && to.getTag() == null) {
            try {
                to.setTag(toTag(request));
            } catch (ParseException e) {
                throw new IllegalStateException("a hex string is always a valid tag", e);
            }
        }
        return response;
    }

    static String toTag(SIPRequest request) {
        Via topVia = request.getTopmostVia();
        return Hashing.hex64(
                request.getCallId() == null ? null : request.getCallId().getCallId(),
                request.getFromTag(),
                topVia == null ? null : topVia.getBranch(),
                request.getCSeq() == null ? null : Long.toString(request.getCSeq().getSeqNumber()));
    }
}
