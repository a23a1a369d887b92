package dev.wisp.proxy.core;

import dev.wisp.registrar.FlowId;

/**
 * The two flows a dialog runs between, as a Record-Route flow token remembers them: the caller's
 * and the callee's. An in-dialog request goes to whichever of the two it did not come from.
 */
public record FlowPair(FlowId caller, FlowId callee) {

    /**
     * The flow to forward to when a request arrives on {@code inbound}: the other side of the
     * pair. A request from neither side (its UA reconnected on a new flow) goes to the side still
     * open, since the closed side must be the one that moved; null when that cannot be told.
     */
    public FlowId destinationFrom(FlowId inbound, FlowView flows) {
        if (inbound.equals(caller)) {
            return callee;
        }
        if (inbound.equals(callee)) {
            return caller;
        }
        boolean callerOpen = flows.isOpen(caller);
        boolean calleeOpen = flows.isOpen(callee);
        if (callerOpen != calleeOpen) {
            return callerOpen ? caller : callee;
        }
        return null;
    }
}
