package dev.wisp.proxy.ws;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser pages may open a SIP WebSocket (RFC 6455 section 10.2). A request without Origin
 * comes from a non-browser client and is let through. With no list configured, the Origin must
 * be the server itself (same host and port as the Host header); "*" allows any origin.
 */
final class OriginPolicy {

    private final boolean anyOrigin;
    private final Set<String> allowed;

    OriginPolicy(List<String> allowedOrigins) {
        this.anyOrigin = allowedOrigins.contains("*");
        this.allowed = allowedOrigins.stream().map(OriginPolicy::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param origin the Origin header, or null
     * @param host   the Host header, or null
     * @param secure whether the connection is TLS, which sets the Host header's default port
     */
    boolean allows(String origin, String host, boolean secure) {
        if (origin == null || anyOrigin) {
            return true;
        }
        if (!allowed.isEmpty()) {
            return allowed.contains(normalize(origin));
        }
        return host != null && sameOrigin(origin, host, secure);
    }

    private static boolean sameOrigin(String origin, String host, boolean secure) {
        try {
            URI originUri = new URI(origin);
            URI hostUri = new URI((secure ? "https" : "http") + "://" + host);
            if (originUri.getHost() == null || hostUri.getHost() == null) {
                return false;
            }
            return originUri.getHost().equalsIgnoreCase(hostUri.getHost())
                    && port(originUri) == port(hostUri);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String normalize(String origin) {
        String lower = origin.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
