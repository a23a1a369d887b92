package dev.wisp.registrar;

/**
 * Every way a REGISTER can end, each with the status and reason phrase it is answered with. One
 * enum rather than parallel code/reason tables, so the two can never drift apart.
 */
public enum RegistrarOutcome {
    /** Bindings added, refreshed, removed or queried; also a retransmitted or out-of-order one. */
    OK(200, "OK"),
    AOR_NOT_SIP(400, "Address-of-Record Must Be a SIP or SIPS URI"),
    WILDCARD_NOT_ALONE(400, "Contact * Must Be the Only Contact"),
    WILDCARD_NEEDS_EXPIRES_ZERO(400, "Contact * Requires Expires: 0"),
    INVALID_EXPIRES(400, "Invalid Expires Value"),
    INVALID_Q(400, "Invalid q-value"),
    INVALID_REG_ID(400, "Invalid reg-id"),
    SEVERAL_REG_IDS(400, "Only One Contact May Carry reg-id"),
    DOMAIN_NOT_SERVED(404, "Domain Not Served"),
    UNSUPPORTED_EXTENSION(420, "Bad Extension"),
    INTERVAL_TOO_BRIEF(423, "Interval Too Brief"),
    FIRST_HOP_LACKS_OUTBOUND(439, "First Hop Lacks Outbound Support"),
    TOO_MANY_CONTACTS(503, "Too Many Registered Contacts");

    private final int status;
    private final String reason;

    RegistrarOutcome(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
