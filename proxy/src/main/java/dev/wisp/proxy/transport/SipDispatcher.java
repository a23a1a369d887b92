package dev.wisp.proxy.transport;

import dev.wisp.proxy.core.Action;
import dev.wisp.proxy.core.LocalIdentity;
import dev.wisp.proxy.core.ProxyCore;
import dev.wisp.proxy.core.RouteContext;
import dev.wisp.proxy.metrics.Metrics;
import dev.wisp.proxy.metrics.Metrics.Counter;
import dev.wisp.registrar.FlowId;
import dev.wisp.registrar.Registrar;
import dev.wisp.sip.StatelessResponses;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every parsed message through the proxy core and carries out the actions it returns, on
 * whichever transport each flow uses. Also the one place that learns a flow has closed.
 */
public final class SipDispatcher {

    private static final Logger log = LoggerFactory.getLogger(SipDispatcher.class);

    private final ProxyCore core;
    private final Registrar registrar;
    private final FlowRegistry flows;
    private final LocalIdentity local;
    private final Clock clock;
    private final Metrics metrics;

    public SipDispatcher(ProxyCore core, Registrar registrar, FlowRegistry flows, LocalIdentity local, Clock clock,
            Metrics metrics) {
        this.core = core;
        this.registrar = registrar;
        this.flows = flows;
        this.local = local;
        this.clock = clock;
        this.metrics = metrics;
    }

    public FlowId newFlowId() {
        return flows.nextId();
    }

    public void flowOpened(Flow flow) {
        flows.add(flow);
    }

    public void flowClosed(Flow flow) {
        flows.remove(flow);
        int removed = registrar.flowClosed(flow.id());
        if (removed > 0) {
            log.debug("{} closed; {} binding(s) removed", flow.info(), removed);
        }
    }

    public void dispatch(SIPMessage message, Flow inbound) {
        metrics.increment(Counter.SIP_RECEIVED);
        try {
            RouteContext context = new RouteContext(inbound.info(), registrar.locations(), flows, local, clock);
            for (Action action : core.route(message, context)) {
                execute(action, inbound);
            }
        } catch (RuntimeException e) {
            failed(message, inbound, e);
        }
    }

    private void execute(Action action, Flow inbound) {
        if (action instanceof Action.Forward forward) {
            Optional<Flow> outbound = flows.get(forward.flow());
            if (outbound.isPresent()) {
                outbound.get().send(forward.message());
                metrics.increment(Counter.SIP_FORWARDED);
            } else {
                dropped(inbound, "flow " + forward.flow() + " closed while routing");
            }
        } else if (action instanceof Action.Reply reply) {
            inbound.send(reply.response());
            metrics.increment(Counter.SIP_REPLIED);
        } else if (action instanceof Action.Register register) {
            inbound.send(registrar.register(register.request(), inbound.id()));
            metrics.increment(Counter.SIP_REPLIED);
        } else if (action instanceof Action.Drop drop) {
            dropped(inbound, drop.reason());
        }
    }

    private void dropped(Flow inbound, String reason) {
        metrics.increment(Counter.SIP_DROPPED);
        log.debug("{} message dropped: {}", inbound.info(), reason);
    }

    /** A bug or an input nobody foresaw: logged once, answered 500 if it was a request. */
    private void failed(SIPMessage message, Flow inbound, RuntimeException e) {
        metrics.increment(Counter.SIP_INTERNAL_ERRORS);
        log.warn("{} failed to handle {}: {}", inbound.info(), message.getFirstLine() == null ? "message"
                : message.getFirstLine().trim(), e.toString(), e);
        if (message instanceof SIPRequest request && !SIPRequest.ACK.equals(request.getMethod())) {
            inbound.send(StatelessResponses.create(request, 500, "Server Internal Error"));
        }
    }
}
