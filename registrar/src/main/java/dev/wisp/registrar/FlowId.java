package dev.wisp.registrar;

/**
 * Names one connection (or, for datagram transports, one remote address) for its whole life.
 * Ids are never reused within a process, so a binding can never be routed down a later
 * connection that happens to reuse a closed one's address (RFC 5626 section 5.2 flows).
 */
public record FlowId(long value) {

    public FlowId {
        if (value <= 0) {
            throw new IllegalArgumentException("flow id: " + value + " (expected: > 0)");
        }
    }

    @Override
    public String toString() {
        return "flow-" + value;
    }
}
