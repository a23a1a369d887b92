package dev.wisp.registrar;

import gov.nist.javax.sip.header.Contact;

/**
 * One Contact of a REGISTER, read and checked, before it becomes a {@link Binding}.
 *
 * @param contact    the Contact value to store, without its expires parameter
 * @param header     the same, parsed: the 200 OK lists the binding with it instead of parsing
 *                   {@code contact} again
 * @param contactUri the Contact URI in canonical form
 * @param instanceId the {@code +sip.instance} value, or null
 * @param regId      the reg-id, or 0 when there is none or no instance goes with it
 * @param q          the q-value in thousandths
 * @param expires    the expiry asked for, in seconds, before the registrar's limits apply
 */
record ContactRequest(String contact, Contact header, String contactUri, String instanceId, int regId, int q,
        long expires) {

    static final int DEFAULT_Q = 1000;

    /** Thrown for a Contact the registrar cannot accept; carries the answer. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        final RegistrarOutcome outcome;

        Rejected(RegistrarOutcome outcome) {
            super(outcome.reason(), null, false, false);
            this.outcome = outcome;
        }
    }

    /**
     * Reads one Contact.
     *
     * @param headerExpires the Expires header value, or -1 when the request has none
     * @param defaultExpires the registrar's default, used when neither names an expiry
     */
    static ContactRequest read(Contact header, long headerExpires, long defaultExpires) throws Rejected {
        Contact stored = (Contact) header.clone();
        stored.removeParameter(Contact.EXPIRES);
        String instanceId = header.getParameter("+sip.instance");
        int regId = instanceId == null ? 0 : regId(header.getParameter("reg-id"));
        return new ContactRequest(
                stored.getHeaderValue(),
                stored,
                header.getAddress().getURI().toString(),
                instanceId,
                regId,
                q(header.getParameter(Contact.Q)),
                expires(header, headerExpires, defaultExpires));
    }

    private static long expires(Contact header, long headerExpires, long defaultExpires) throws Rejected {
        if (header.hasParameter(Contact.EXPIRES)) {
            return deltaSeconds(header.getParameter(Contact.EXPIRES));
        }
        return headerExpires >= 0 ? headerExpires : defaultExpires;
    }

    /**
     * RFC 3261 delta-seconds: digits only. A value too large to hold means "as long as possible"
     * (RFC 4475 section 3.1.2.4), which the registrar then clamps to its maximum.
     */
    static long deltaSeconds(String value) throws Rejected {
        if (value == null || value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
            throw new Rejected(RegistrarOutcome.INVALID_EXPIRES);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException tooLarge) {
            return Long.MAX_VALUE;
        }
    }

    private static int q(String value) throws Rejected {
        if (value == null) {
            return DEFAULT_Q;
        }
        try {
            float q = Float.parseFloat(value);
            if (q < 0 || q > 1 || !value.matches("[01](\\.[0-9]{0,3})?")) {
                throw new Rejected(RegistrarOutcome.INVALID_Q);
            }
            return Math.round(q * 1000);
        } catch (NumberFormatException e) {
            throw new Rejected(RegistrarOutcome.INVALID_Q);
        }
    }

    private static int regId(String value) throws Rejected {
        if (value == null) {
            return 0;
        }
        try {
            int regId = Integer.parseInt(value);
            if (regId < 1) {
                throw new Rejected(RegistrarOutcome.INVALID_REG_ID);
            }
            return regId;
        } catch (NumberFormatException e) {
            throw new Rejected(RegistrarOutcome.INVALID_REG_ID);
        }
    }
}
