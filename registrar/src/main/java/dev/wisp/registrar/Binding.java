package dev.wisp.registrar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One registered contact of an address-of-record, as RFC 3261 section 10.3 and RFC 5626
 * section 6 describe it. Immutable: a refresh replaces the binding.
 *
 * @param aor          the address-of-record key (see {@link AddressOfRecord})
 * @param contact      the Contact value as the 200 OK returns it, without its expires parameter
 * @param contactUri   the Contact URI in canonical form; the key of a plain RFC 3261 binding
 * @param instanceId   the {@code +sip.instance} value without quotes, or null
 * @param regId        the RFC 5626 {@code reg-id}, or 0 when there is none
 * @param q            the q-value in thousandths (1000 when the Contact gave none)
 * @param callId       the Call-ID of the REGISTER that last changed this binding
 * @param cseq         its CSeq number
 * @param flow         the flow the REGISTER arrived on, where requests for this contact go
 * @param path         the RFC 3327 Path values, in order; empty when there were none
 * @param expiresAt    when the binding lapses
 * @param registeredAt when a REGISTER last created or refreshed it
 */
public record Binding(
        String aor,
        String contact,
        String contactUri,
        String instanceId,
        int regId,
        int q,
        String callId,
        long cseq,
        FlowId flow,
        List<String> path,
        Instant expiresAt,
        Instant registeredAt) {

    public Binding {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(registeredAt, "registeredAt");
        path = List.copyOf(path);
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Whole seconds left, rounded up, as the expires parameter of a 200 OK reports them. */
    public long secondsLeft(Instant now) {
        if (isExpired(now)) {
            return 0;
        }
        Duration left = Duration.between(now, expiresAt);
        return left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
    }

    /**
     * Whether {@code other} names the same binding, so a REGISTER for it refreshes or removes this
     * one: by instance and reg-id under RFC 5626, by instance alone when there is no reg-id (RFC
     * 5627), otherwise by Contact URI (RFC 3261 section 10.3 step 7).
     */
    public boolean sameKey(String otherInstanceId, int otherRegId, String otherContactUri) {
        if (instanceId != null || otherInstanceId != null) {
            return Objects.equals(instanceId, otherInstanceId) && regId == otherRegId;
        }
        return contactUri.equals(otherContactUri);
    }
}
