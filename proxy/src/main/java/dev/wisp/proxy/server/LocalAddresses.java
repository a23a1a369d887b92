package dev.wisp.proxy.server;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** The addresses a listener is reachable on: its own, or every interface's for a wildcard bind. */
final class LocalAddresses {

    private LocalAddresses() {
    }

    static Set<String> of(String bindHost) throws SocketException, UnknownHostException {
        Set<String> hosts = new HashSet<>();
        InetAddress bound = InetAddress.getByName(bindHost);
        if (bound.isAnyLocalAddress()) {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    hosts.add(address.getHostAddress());
                }
            }
            hosts.add("localhost");
        } else {
            hosts.add(bound.getHostAddress());
            if (bound.isLoopbackAddress()) {
                hosts.add("localhost");
            }
        }
        return hosts;
    }
}
