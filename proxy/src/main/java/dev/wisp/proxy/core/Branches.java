package dev.wisp.proxy.core;

import dev.wisp.sip.Hashing;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;

/**
 * The branch of the Via wisp pushes, derived from the request alone (RFC 3261 section 16.11) so a
 * retransmission gets the same branch and a CANCEL, whose top Via repeats its INVITE's, gets the
 * INVITE's branch and so matches it at the next hop.
 */
final class Branches {

    static final String MAGIC_COOKIE = "z9hG4bK";
    private static final String PREFIX = MAGIC_COOKIE + "wsp";

    private Branches() {
    }

    static String forRequest(SIPRequest request) {
        Via top = request.getTopmostVia();
        String branch = top.getBranch();
        if (branch != null && branch.startsWith(MAGIC_COOKIE) && branch.length() > MAGIC_COOKIE.length()) {
            // The upstream branch is already unique per transaction; the sent-by keeps two UAs that
            // picked the same branch apart.
            return PREFIX + Hashing.hex64(branch, top.getHost(), Integer.toString(top.getPort()), top.getTransport());
        }
        // RFC 2543 peers send no usable branch: hash what identifies their transaction instead. The
        // method is left out so a CANCEL still lands on its INVITE's branch.
        return PREFIX + Hashing.hex64(
                request.getToTag(),
                request.getFromTag(),
                request.getCallId() == null ? null : request.getCallId().getCallId(),
                request.getRequestURI().toString(),
                top.getHost() + ":" + top.getPort(),
                Long.toString(request.getCSeq().getSeqNumber()));
    }
}
