package dev.wisp.registrar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The change one REGISTER makes to an AOR's bindings (RFC 3261 section 10.3 steps 7 and 8),
 * computed inside the store's atomic update. It remembers whether it had to leave the bindings as
 * they were, so the registrar can answer accordingly.
 */
final class BindingUpdate {

    private final RegistrarConfig config;
    private final String callId;
    private final long cseq;
    private final FlowId flow;
    private final List<String> path;
    private final List<ContactRequest> wanted;
    private final Instant now;
    private boolean tooManyContacts;

    BindingUpdate(RegistrarConfig config, String callId, long cseq, FlowId flow, List<String> path,
            List<ContactRequest> wanted, Instant now) {
        this.config = config;
        this.callId = callId;
        this.cseq = cseq;
        this.flow = flow;
        this.path = path;
        this.wanted = wanted;
        this.now = now;
    }

    /** The bindings after this REGISTER, or {@code current} when it must change nothing. */
    List<Binding> apply(String aor, List<Binding> current) {
        tooManyContacts = false;
        List<Binding> result = new ArrayList<>(current.size() + wanted.size());
        for (Binding binding : current) {
            if (!binding.isExpired(now)) {
                result.add(binding);
            }
        }
        for (ContactRequest contact : wanted) {
            Binding existing = find(result, contact);
            if (existing != null && existing.callId().equals(callId) && existing.cseq() >= cseq) {
                // A retransmission, or a REGISTER overtaken by a newer one from the same UA: RFC
                // 3261 aborts the update. It is answered 200 with the bindings as they are.
                return current;
            }
            result.remove(existing);
            if (contact.expires() > 0) {
                result.add(bind(aor, contact));
            }
        }
        if (result.size() > config.maxContacts()) {
            tooManyContacts = true;
            return current;
        }
        return result;
    }

    boolean tooManyContacts() {
        return tooManyContacts;
    }

    private Binding bind(String aor, ContactRequest contact) {
        long seconds = Math.min(contact.expires(), config.maxExpires().toSeconds());
        return new Binding(aor, contact.contact(), contact.contactUri(), contact.instanceId(),
                contact.regId(), contact.q(), callId, cseq, flow, path, now.plusSeconds(seconds), now);
    }

    private static Binding find(List<Binding> bindings, ContactRequest contact) {
        for (Binding binding : bindings) {
            if (binding.sameKey(contact.instanceId(), contact.regId(), contact.contactUri())) {
                return binding;
            }
        }
        return null;
    }
}
