package dev.wisp.proxy.sip;

import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.Lexer;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import java.text.ParseException;
import java.util.Locale;

/**
 * Collects what is wrong with one message while JAIN-SIP parses it. The RI reports a header that
 * does not parse and goes on, and silently keeps the first of two single-valued headers, so both
 * are noted here and the message is rejected afterwards. Only the first problem is kept: it names
 * the answer.
 */
final class ParseProblems implements ParseExceptionListener {

    /**
     * Headers RFC 3261 allows once: a second copy is ambiguous, not a list. Every header line of
     * every message is checked against these, so the check compares names in place instead of
     * extracting and lower-casing them (that showed up at 5 % of wisp's CPU under REGISTER load).
     */
    private enum SingleValued {
        // Display name, as a reason phrase spells it, and RFC 3261 section 7.3.3 compact name.
        CALL_ID("Call-ID", "i"),
        FROM("From", "f"),
        TO("To", "t"),
        CSEQ("CSeq", null),
        MAX_FORWARDS("Max-Forwards", null),
        CONTENT_LENGTH("Content-Length", "l"),
        CONTENT_TYPE("Content-Type", "c");

        private static final SingleValued[] ALL = values();

        final String displayName;
        private final String compactName;

        SingleValued(String displayName, String compactName) {
            this.displayName = displayName;
            this.compactName = compactName;
        }

        /** The header named by {@code line.substring(start, end)}, in any case, or null. */
        static SingleValued named(String line, int start, int end) {
            for (SingleValued header : ALL) {
                if (matches(header.displayName, line, start, end) || matches(header.compactName, line, start, end)) {
                    return header;
                }
            }
            return null;
        }

        private static boolean matches(String name, String line, int start, int end) {
            return name != null && name.length() == end - start
                    && line.regionMatches(true, start, name, 0, name.length());
        }

        int bit() {
            return 1 << ordinal();
        }
    }

    /** One bit per {@link SingleValued} header seen so far. */
    private int seen;
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
        // The name is what precedes the first colon, trimmed, as the RI's Lexer.getHeaderName has it.
        int end = headerText.indexOf(':');
        int start = 0;
        while (start < end && headerText.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && headerText.charAt(end - 1) <= ' ') {
            end--;
        }
        SingleValued header = end > start ? SingleValued.named(headerText, start, end) : null;
        if (header == null) {
            return;
        }
        if ((seen & header.bit()) != 0) {
            note("Duplicate " + header.displayName + " Header");
        }
        seen |= header.bit();
    }

    /**
     * Whether the message had a Content-Length header: the RI cannot say, since every message it
     * builds starts with a Content-Length of 0.
     */
    boolean hadContentLength() {
        return (seen & SingleValued.CONTENT_LENGTH.bit()) != 0;
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
        SingleValued known = SingleValued.named(name, 0, name.length());
        if (known != null) {
            return known.displayName; // also spells out compact forms: "i" reads "Call-ID"
        }
        String lower = name.toLowerCase(Locale.ROOT);
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
