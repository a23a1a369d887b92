package dev.wisp.proxy.sip;

import dev.wisp.proxy.core.SipMethods;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import javax.sip.address.SipURI;

/**
 * Turns the bytes of one message-framed SIP message (a WebSocket message, a datagram) into a
 * JAIN-SIP message, or a {@link SipParseException} carrying the answer.
 *
 * <p>Framing is done here on the raw bytes; the header block alone goes to the RI's
 * {@link StringMsgParser}, and the body is cut out by Content-Length, never decoded as text. Over
 * a message-framed transport Content-Length is optional (RFC 7118 section 5): without one the
 * body is the rest of the message. Bytes beyond Content-Length are ignored (RFC 4475 dblreq).
 *
 * <p>Stateless and safe to share between threads, like the RI parser it wraps.
 */
public final class SipParser {

    private static final String SIP_VERSION = "SIP/2.0";

    private final StringMsgParser parser = new CheckingMsgParser();

    public SIPMessage parse(byte[] bytes) throws SipParseException {
        int start = skipLeadingLineBreaks(bytes);
        int headersEnd = endOfHeaders(bytes, start);
        ParseProblems problems = new ParseProblems();
        SIPMessage message;
        try {
            byte[] head = headersEnd < 0 ? bytes : Arrays.copyOfRange(bytes, 0, headersEnd);
            message = parser.parseSIPMessage(head, false, false, problems);
        } catch (ParseException | RuntimeException unparseable) {
            // The RI gives up only when there is no start line at all; nothing can be answered.
            throw new SipParseException(400, "Unparseable Message", null);
        }
        if (message == null) {
            throw new SipParseException(400, "Empty Message", null);
        }
        if (headersEnd < 0) {
            problems.note("Headers Not Terminated by an Empty Line");
        }
        if (problems.first() != null) {
            throw rejection(400, problems.first(), message);
        }
        if (message instanceof SIPRequest request) {
            checkRequest(request, requestLineVersion(bytes, start));
        } else {
            checkResponse((SIPResponse) message);
        }
        attachBody(message, bytes, headersEnd, problems.hadContentLength());
        return message;
    }

    private static void checkRequest(SIPRequest request, String version) throws SipParseException {
        // Read from the bytes: the RI reports SIP/2.0 for any version it is given.
        if (!SIP_VERSION.equalsIgnoreCase(version)) {
            throw rejection(505, "Version Not Supported", request);
        }
        String missing = missingMandatoryHeader(request);
        if (missing != null) {
            throw rejection(400, "Missing " + missing + " Header", request);
        }
        String method = request.getMethod();
        if (!method.equals(request.getCSeq().getMethod())) {
            // RFC 4475 section 3.1.2.18: for a method we do not know, 501 is the better answer.
            boolean known = SipMethods.KNOWN.contains(method);
            throw rejection(known ? 400 : 501, known ? "CSeq Method Does Not Match Request-Line"
                    : "Not Implemented", request);
        }
        if (request.getRequestURI() instanceof SipURI uri && uri.getHeaderNames().hasNext()) {
            // RFC 3261 section 19.1.5: headers in a SIP URI are for building a request, never part
            // of one's Request-URI (RFC 4475 section 3.1.2.11).
            throw rejection(400, "Request-URI Must Not Carry Headers", request);
        }
    }

    private static void checkResponse(SIPResponse response) throws SipParseException {
        if (!SIP_VERSION.equalsIgnoreCase(response.getStatusLine().getSipVersion())
                || missingMandatoryHeader(response) != null) {
            throw new SipParseException(400, "Malformed Response", null);
        }
    }

    private static String missingMandatoryHeader(SIPMessage message) {
        if (message.getTopmostVia() == null) {
            return "Via";
        }
        if (message.getFrom() == null) {
            return "From";
        }
        if (message.getTo() == null) {
            return "To";
        }
        if (message.getCallId() == null) {
            return "Call-ID";
        }
        if (message.getCSeq() == null) {
            return "CSeq";
        }
        return null;
    }

    private static void attachBody(SIPMessage message, byte[] bytes, int headersEnd, boolean declared)
            throws SipParseException {
        int available = bytes.length - headersEnd;
        int length = declared ? message.getContentLength().getContentLength() : available;
        if (length > available) {
            throw rejection(400, "Content-Length Larger Than Message", message);
        }
        if (length > 0) {
            message.setMessageContent(Arrays.copyOfRange(bytes, headersEnd, headersEnd + length));
        }
    }

    /**
     * A request is answered when a valid response can be built from it: one with the Via, From,
     * To, Call-ID and CSeq RFC 3261 section 8.2.6.2 copies. Otherwise nothing that answers it could
     * be matched to it, and it is dropped (as Kamailio and OpenSIPS do).
     */
    private static SipParseException rejection(int status, String reason, SIPMessage message) {
        boolean answerable = message instanceof SIPRequest && missingMandatoryHeader(message) == null;
        return new SipParseException(status, reason, answerable ? (SIPRequest) message : null);
    }

    /** The last word of the request line, which should be SIP/2.0. */
    private static String requestLineVersion(byte[] bytes, int start) {
        int end = start;
        while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n') {
            end++;
        }
        String line = new String(bytes, start, end - start, StandardCharsets.UTF_8).strip();
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    /** RFC 3261 section 7.5: line breaks before the start line are ignored. */
    private static int skipLeadingLineBreaks(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && (bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i;
    }

    /** The offset just past the empty line ending the headers (CRLF CRLF, or bare LF LF), or -1. */
    static int endOfHeaders(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            if (i + 1 < bytes.length && bytes[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 2 < bytes.length && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    /** The RI parser, with every header line shown to the message's {@link ParseProblems} first. */
    private static final class CheckingMsgParser extends StringMsgParser {
        @Override
        protected void processHeader(String header, SIPMessage message, ParseExceptionListener listener,
                byte[] rawMessage) throws ParseException {
            ((ParseProblems) listener).header(header);
            super.processHeader(header, message, listener, rawMessage);
        }
    }
}
