package dev.wisp.proxy.core;

import java.util.Set;

/** Facts about SIP methods the proxy relies on. */
public final class SipMethods {

    /** Every method wisp routes or answers; it is what an OPTIONS to wisp lists in Allow. */
    public static final Set<String> KNOWN = Set.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "REGISTER",
            "MESSAGE", "INFO", "UPDATE", "PRACK", "REFER", "SUBSCRIBE", "NOTIFY", "PUBLISH");

    /** Allow header value, in a stable order. */
    public static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, MESSAGE, INFO, UPDATE, "
            + "PRACK, REFER, SUBSCRIBE, NOTIFY, PUBLISH";

    /**
     * Methods whose initial request can set up a dialog (RFC 3261, RFC 3515, RFC 6665): wisp
     * Record-Routes them so the dialog's later requests come back through it and find their flow.
     */
    private static final Set<String> DIALOG_CREATING = Set.of("INVITE", "SUBSCRIBE", "REFER", "NOTIFY");

    private SipMethods() {
    }

    public static boolean createsDialog(String method) {
        return DIALOG_CREATING.contains(method);
    }
}
