package dev.wisp.proxy.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisp.proxy.core.FlowInfo;
import dev.wisp.proxy.core.Transport;
import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class FlowRegistryTest {

    private final FlowRegistry registry = new FlowRegistry();

    @Test
    void flowsAreFoundByIdAndByPeerAddressInAnySpelling() {
        Flow flow = flow(Transport.WSS, "::1", 50000);
        registry.add(flow);

        assertThat(registry.flow(flow.id())).contains(flow.info());
        assertThat(registry.flowFrom(Transport.WSS, "[::1]", 50000)).contains(flow.info());
        assertThat(registry.flowFrom(Transport.WSS, "0:0:0:0:0:0:0:1", 50000)).contains(flow.info());
        assertThat(registry.flowFrom(Transport.WS, "::1", 50000)).as("WS and WSS share peers").contains(flow.info());
        assertThat(registry.flowFrom(Transport.WSS, "::1", 50001)).isEmpty();
    }

    @Test
    void aRemovedFlowIsGoneAndItsIdIsNeverReused() {
        Flow first = flow(Transport.WS, "127.0.0.1", 40000);
        registry.add(first);
        registry.remove(first);
        Flow second = flow(Transport.WS, "127.0.0.1", 40000);

        assertThat(registry.flow(first.id())).isEmpty();
        assertThat(registry.flowFrom(Transport.WS, "127.0.0.1", 40000)).isEmpty();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(registry.size()).isZero();
    }

    private Flow flow(Transport transport, String ip, int port) {
        FlowInfo info = new FlowInfo(registry.nextId(), transport, new InetSocketAddress(ip, port),
                new InetSocketAddress("127.0.0.1", 8080));
        return new Flow() {
            @Override
            public FlowInfo info() {
                return info;
            }

            @Override
            public void send(SIPMessage message) {
                throw new UnsupportedOperationException("not sent in this test");
            }

            @Override
            public boolean isOpen() {
                return true;
            }
        };
    }
}
