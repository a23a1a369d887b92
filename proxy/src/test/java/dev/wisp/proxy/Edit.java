package dev.wisp.proxy;

import dev.wisp.sip.SipFactories;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import java.text.ParseException;

/** Copies of test messages with one thing changed; the original is left alone. */
public final class Edit {

    private Edit() {
    }

    /** Replaces every header called {@code name} with the given values, in order (none removes it). */
    @SuppressWarnings("unchecked")
    public static <M extends SIPMessage> M header(M message, String name, String... values) {
        M copy = (M) message.clone();
        copy.removeHeader(name);
        try {
            for (String value : values) {
                copy.addLast(SipFactories.HEADERS.createHeader(name, value));
            }
        } catch (ParseException | javax.sip.SipException e) {
            throw new IllegalArgumentException(name + ": " + String.join(", ", values), e);
        }
        return copy;
    }

    /** The request as another method, CSeq method included, without a body. */
    public static SIPRequest method(SIPRequest request, String method) {
        SIPRequest copy = (SIPRequest) request.clone();
        try {
            copy.setMethod(method);
            copy.getCSeq().setMethod(method);
        } catch (ParseException e) {
            throw new IllegalArgumentException(method, e);
        }
        copy.removeContent();
        copy.removeHeader("Content-Type");
        return copy;
    }

    public static SIPRequest requestUri(SIPRequest request, String uri) {
        SIPRequest copy = (SIPRequest) request.clone();
        try {
            copy.setRequestURI(SipFactories.ADDRESSES.createURI(uri));
        } catch (ParseException e) {
            throw new IllegalArgumentException(uri, e);
        }
        return copy;
    }
}
