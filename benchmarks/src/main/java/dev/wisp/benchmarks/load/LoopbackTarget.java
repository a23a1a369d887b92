package dev.wisp.benchmarks.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The load harness sends only to this machine: the target must be a ws:// URL whose host is a
 * loopback address (127.0.0.0/8, ::1, or localhost). Anything else is refused before a single
 * connection opens.
 */
final class LoopbackTarget {

    private LoopbackTarget() {
    }

    static URI of(String target) {
        URI uri = URI.create(target);
        if (!"ws".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
            throw new IllegalArgumentException("target: " + target + " (expected: ws://<loopback address>:<port>)");
        }
        try {
            InetAddress address = InetAddress.getByName(uri.getHost());
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("target: " + target + " is not on loopback; the load harness "
                        + "only ever targets this machine");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("target: " + target + " (" + e.getMessage() + ")", e);
        }
        return uri;
    }
}
