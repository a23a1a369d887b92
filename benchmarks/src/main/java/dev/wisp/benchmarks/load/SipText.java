package dev.wisp.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Just enough reading of a SIP message for a load generator: the start line and header values by
 * name. A load generator must cost as little CPU as it can, since it shares the machine with the
 * server it measures; a full parser here would slow both servers' figures alike and hide the
 * difference between them.
 */
final class SipText {

    final String text;
    private final String firstLine;
    private final List<String[]> headers = new ArrayList<>(16);
    private final String body;

    SipText(String text) {
        this.text = text;
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        firstLine = lines[0];
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {expand(lines[i].substring(0, colon).trim()), lines[i].substring(colon + 1).trim()});
            }
        }
    }

    boolean isResponse() {
        return firstLine.startsWith("SIP/2.0 ");
    }

    /** The status of a response. */
    int status() {
        return Integer.parseInt(firstLine.substring(8, 11));
    }

    /** The method of a request. */
    String method() {
        return firstLine.substring(0, firstLine.indexOf(' '));
    }

    /** The first value of a header, or null. */
    String header(String name) {
        for (String[] header : headers) {
            if (header[0].equals(name)) {
                return header[1];
            }
        }
        return null;
    }

    /** Every value of a header, comma-separated ones split (outside <> and quotes), in order. */
    List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (String[] header : headers) {
            if (header[0].equals(name)) {
                split(header[1], values);
            }
        }
        return values;
    }

    private static void split(String value, List<String> into) {
        int start = 0;
        boolean quoted = false;
        int angle = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>') {
                angle--;
            } else if (!quoted && angle == 0 && c == ',') {
                into.add(value.substring(start, i).trim());
                start = i + 1;
            }
        }
        into.add(value.substring(start).trim());
    }

    /** The branch of the top Via. */
    String topBranch() {
        String via = header("via");
        int at = via == null ? -1 : via.indexOf("branch=");
        if (at < 0) {
            return null;
        }
        int end = at + 7;
        while (end < via.length() && ";, ".indexOf(via.charAt(end)) < 0) {
            end++;
        }
        return via.substring(at + 7, end);
    }

    /** The URI inside a name-addr header value such as {@code "Bob" <sip:bob@x>;tag=1}. */
    static String uriOf(String nameAddr) {
        int open = nameAddr.indexOf('<');
        return open < 0 ? nameAddr : nameAddr.substring(open + 1, nameAddr.indexOf('>', open));
    }

    String body() {
        return body;
    }

    /** Header names in lower case, compact forms expanded. */
    private static String expand(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "v" -> "via";
            case "i" -> "call-id";
            case "f" -> "from";
            case "t" -> "to";
            case "m" -> "contact";
            case "l" -> "content-length";
            case "c" -> "content-type";
            default -> lower;
        };
    }
}
