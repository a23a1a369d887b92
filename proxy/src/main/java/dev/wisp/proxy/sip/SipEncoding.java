package dev.wisp.proxy.sip;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;

/** Serialises a JAIN-SIP message for the wire, the body appended as raw bytes. */
public final class SipEncoding {

    private SipEncoding() {
    }

    public static byte[] toBytes(SIPMessage message) {
        // The RI rewrites the top Via's transport to the one given: pass the one it already has.
        Via top = message.getTopmostVia();
        return message.encodeAsBytes(top == null ? "WS" : top.getTransport());
    }
}
