package dev.wisp.proxy.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisp.proxy.Fixtures;
import dev.wisp.registrar.InMemoryLocationStore;
import dev.wisp.registrar.MutableClock;
import dev.wisp.registrar.Registrar;
import dev.wisp.registrar.RegistrarConfig;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A proxy core with a real registrar and in-memory flows, for routing tests without sockets.
 * wisp listens on 10.0.0.1, ws on 8080 and wss on 8443.
 */
final class CoreHarness {

    static final InetSocketAddress WS_LISTENER = new InetSocketAddress("10.0.0.1", 8080);
    static final InetSocketAddress WSS_LISTENER = new InetSocketAddress("10.0.0.1", 8443);

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    final TestFlows flows = new TestFlows();
    final InMemoryLocationStore store = new InMemoryLocationStore();
    final Registrar registrar = new Registrar(RegistrarConfig.DEFAULTS, store, clock);
    final FlowTokens tokens = new FlowTokens("a fixed test secret, 32 bytes..".getBytes(StandardCharsets.US_ASCII));
    final LocalIdentity local;
    final ProxyCore core;

    CoreHarness() {
        this(Set.of());
    }

    CoreHarness(Set<String> domains) {
        local = new LocalIdentity(Set.of("10.0.0.1", "localhost"), Set.of(8080, 8443), null, domains);
        core = new ProxyCore(tokens, ForeignRouting.REFUSE);
    }

    FlowInfo browser(Transport transport, String ip, int port) {
        return flows.open(transport, ip, port, transport == Transport.WS ? WS_LISTENER : WSS_LISTENER);
    }

    /** Registers {@code user}@example.test as JsSIP would, on {@code flow}. */
    void register(String user, FlowInfo flow) {
        SIPRequest register = Fixtures.request("register-jssip.sip", Map.of("user", user));
        SIPResponse response = registrar.register(register, flow.id());
        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    Action route(SIPMessage message, FlowInfo inbound) {
        List<Action> actions = core.route(message, new RouteContext(inbound, registrar.locations(), flows, local, clock));
        assertThat(actions).hasSize(1);
        return actions.get(0);
    }

    /** Routes a message that must be forwarded, returning the forward. */
    Action.Forward forward(SIPMessage message, FlowInfo inbound) {
        Action action = route(message, inbound);
        assertThat(action).isInstanceOf(Action.Forward.class);
        return (Action.Forward) action;
    }

    /** Routes a request that must be answered by wisp, returning the answer. */
    SIPResponse reply(SIPMessage message, FlowInfo inbound) {
        Action action = route(message, inbound);
        assertThat(action).isInstanceOf(Action.Reply.class);
        return ((Action.Reply) action).response();
    }
}
