package dev.wisp.proxy.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * One spelling per IP address, so an address written into a Via ({@code ::1},
 * {@code [0:0::1]}) finds the flow whose socket reports it as {@code 0:0:0:0:0:0:0:1}.
 */
final class IpLiterals {

    private IpLiterals() {
    }

    /** The canonical form of an IP literal; anything else (a host name) is only lowercased. */
    static String canonical(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!looksLikeIpLiteral(bare)) {
            return bare.toLowerCase(Locale.ROOT);
        }
        try {
            // Never a DNS lookup: the argument is an IP literal.
            return InetAddress.getByName(bare).getHostAddress();
        } catch (UnknownHostException e) {
            return bare.toLowerCase(Locale.ROOT);
        }
    }

    private static boolean looksLikeIpLiteral(String host) {
        if (host.isEmpty()) {
            return false;
        }
        if (host.indexOf(':') >= 0) {
            return host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '%');
        }
        return host.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')
                && host.chars().filter(c -> c == '.').count() == 3;
    }
}
