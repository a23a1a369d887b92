package dev.wisp.proxy.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisp.registrar.FlowId;
import java.net.InetSocketAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalIdentityTest {

    private final LocalIdentity local = new LocalIdentity(Set.of("10.0.0.1", "0:0:0:0:0:0:0:1", "Wisp.Example"),
            Set.of(8080, 8443), null, Set.of("Example.Test"));

    @Test
    void aUriIsWispsWhenHostAndPortAreIfThePortIsGiven() {
        assertThat(local.isLocal("10.0.0.1", 8443)).isTrue();
        assertThat(local.isLocal("wisp.example", -1)).isTrue();
        assertThat(local.isLocal("[0:0:0:0:0:0:0:1]", 8080)).isTrue();
        assertThat(local.isLocal("10.0.0.1", 5060)).isFalse();
        assertThat(local.isLocal("10.0.0.2", 8080)).isFalse();
    }

    @Test
    void servedDomainsIncludeWispsOwnNames() {
        assertThat(local.serves("example.test")).isTrue();
        assertThat(local.serves("10.0.0.1")).isTrue();
        assertThat(local.serves("elsewhere.example")).isFalse();
        assertThat(new LocalIdentity(Set.of(), Set.of(), null, Set.of()).serves("anything.example")).isTrue();
    }

    @Test
    void theAdvertisedHostIsWrittenAndRecognised() {
        LocalIdentity behindNat = new LocalIdentity(Set.of("10.0.0.1"), Set.of(443), "sip.example.com", Set.of());
        FlowInfo flow = new FlowInfo(new FlowId(1), Transport.WSS, new InetSocketAddress("192.0.2.1", 1),
                new InetSocketAddress("10.0.0.1", 443));

        assertThat(behindNat.hostFor(flow)).isEqualTo("sip.example.com");
        assertThat(behindNat.isLocal("sip.example.com", 443)).isTrue();
    }

    @Test
    void anIpv6LocalAddressIsBracketedForUris() {
        FlowInfo flow = new FlowInfo(new FlowId(1), Transport.WS, new InetSocketAddress("::1", 1),
                new InetSocketAddress("::1", 8080));

        assertThat(local.hostFor(flow)).isEqualTo("[0:0:0:0:0:0:0:1]");
    }
}
