package dev.wisp.proxy;

import dev.wisp.proxy.core.FlowTokens;
import dev.wisp.proxy.core.ForeignRouting;
import dev.wisp.proxy.core.LocalIdentity;
import dev.wisp.proxy.core.ProxyCore;
import dev.wisp.proxy.metrics.Metrics;
import dev.wisp.proxy.sip.SipParser;
import dev.wisp.proxy.transport.FlowRegistry;
import dev.wisp.proxy.transport.SipDispatcher;
import dev.wisp.registrar.InMemoryLocationStore;
import dev.wisp.registrar.MutableClock;
import dev.wisp.registrar.Registrar;
import dev.wisp.registrar.RegistrarConfig;
import java.time.Instant;
import java.util.Set;

/**
 * The parts of a wisp behind the transport, real but in memory, for channel tests: wisp is
 * 10.0.0.1 with ws on 8080 and wss on 8443, serving every domain.
 */
public final class TestWisp {

    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    public final Metrics metrics = new Metrics();
    public final FlowRegistry flows = new FlowRegistry();
    public final InMemoryLocationStore store = new InMemoryLocationStore();
    public final Registrar registrar = new Registrar(RegistrarConfig.DEFAULTS, store, clock);
    public final LocalIdentity local = new LocalIdentity(Set.of("10.0.0.1"), Set.of(8080, 8443), null, Set.of());
    public final SipParser parser = new SipParser();
    public final SipDispatcher dispatcher = new SipDispatcher(
            new ProxyCore(FlowTokens.withRandomSecret(), ForeignRouting.REFUSE), registrar, flows, local, clock, metrics);
}
