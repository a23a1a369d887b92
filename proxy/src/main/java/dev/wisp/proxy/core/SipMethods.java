package dev.wisp.proxy.core;

import java.util.List;
import java.util.Set;

/** Facts about SIP methods the proxy relies on. */
public final class SipMethods {

    private static final List<String> ROUTED = List.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "REGISTER",
            "MESSAGE", "INFO", "UPDATE", "PRACK", "REFER", "SUBSCRIBE", "NOTIFY", "PUBLISH");

    /** Every method wisp routes or answers. */
    public static final Set<String> KNOWN = Set.copyOf(ROUTED);

    /** The same, as an OPTIONS to wisp lists them in Allow. */
    public static final String ALLOW = String.join(", ", ROUTED);

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
