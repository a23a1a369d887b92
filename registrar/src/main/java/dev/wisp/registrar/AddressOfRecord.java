package dev.wisp.registrar;

import java.util.Locale;
import javax.sip.address.SipURI;

/**
 * The key under which an address-of-record's bindings are stored: {@code user@host}, host in
 * lowercase, user as written. Scheme, port and parameters are left out, so sip: and sips: name
 * the same user (as Kamailio's usrloc does) and the proxy finds a user however the URI is decorated.
 */
public final class AddressOfRecord {

    private AddressOfRecord() {
    }

    public static String key(SipURI uri) {
        String user = uri.getUser();
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return user == null ? host : user + "@" + host;
    }
}
