package dev.wisp.proxy.sip;

import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.Lexer;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Collects what is wrong with one message while JAIN-SIP parses it. The RI reports a header that
 * does not parse and goes on, and silently keeps the first of two single-valued headers, so both
 * are noted here and the message is rejected afterwards. Only the first problem is kept: it names
 * the answer.
 */
final class ParseProblems implements ParseExceptionListener {

    /** Headers RFC 3261 allows once: a second copy is ambiguous, not a list. */
    private static final Set<String> SINGLE_VALUED = Set.of(
            "call-id", "from", "to", "cseq", "max-forwards", "content-length", "content-type");

    /** RFC 3261 section 7.3.3 compact forms of the single-valued headers above. */
    private static final Map<String, String> COMPACT = Map.of(
            "i", "call-id", "f", "from", "t", "to", "l", "content-length", "c", "content-type");

    private final Set<String> seen = new HashSet<>();
    private String first;

    @Override
    public void handleException(ParseException ex, SIPMessage message, @SuppressWarnings("rawtypes") Class headerClass,
            String headerText,
            String messageText) {
        if (headerClass == RequestLine.class) {
            note("Malformed Request-Line");
        } else if (headerClass == StatusLine.class) {
            note("Malformed Status-Line");
        } else {
            note("Malformed " + displayName(Lexer.getHeaderName(headerText)) + " Header");
        }
    }

    /** Called for every header line before it is parsed. */
    void header(String headerText) {
        String name = Lexer.getHeaderName(headerText);
        if (name == null) {
            return;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String canonical = COMPACT.getOrDefault(lower, lower);
        if (SINGLE_VALUED.contains(canonical) && !seen.add(canonical)) {
            note("Duplicate " + displayName(canonical) + " Header");
        }
    }

    /**
     * Whether the message had a Content-Length header: the RI cannot say, since every message it
     * builds starts with a Content-Length of 0.
     */
    boolean hadContentLength() {
        return seen.contains("content-length");
    }

    void note(String problem) {
        if (first == null) {
            first = problem;
        }
    }

    /** The first problem found, or null when there was none. */
    String first() {
        return first;
    }

    /** A header name fit for a reason phrase ("call-id" reads "Call-ID"). */
    private static String displayName(String name) {
        if (name == null || name.isBlank()) {
            return "Unnamed";
        }
        String lower = COMPACT.getOrDefault(name.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
        if (lower.equals("call-id")) {
            return "Call-ID";
        }
        if (lower.equals("cseq")) {
            return "CSeq";
        }
        StringBuilder display = new StringBuilder(lower.length());
        boolean upper = true;
        for (char c : lower.toCharArray()) {
            if (!isTokenChar(c)) {
                return "Unnamed";
            }
            display.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return display.toString();
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-.!%*_+`'~".indexOf(c) >= 0;
    }
}
