package dev.wisp.proxy.core;

import dev.wisp.registrar.FlowId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Flow tokens (RFC 5626 section 5.2): the user part of wisp's Record-Route URIs, naming the two
 * flows of a dialog. A truncated HMAC keyed with a per-process secret stops a UA from forging a
 * token that steers its requests into someone else's flow. Tokens die with the process, as the
 * flows they name do.
 *
 * <p>Form: {@code <caller id base36>.<callee id base36>.<mac>}, every character unreserved in a
 * SIP URI user part.
 */
public final class FlowTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 9;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public FlowTokens(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("flow token secret: " + secret.length + " bytes (expected: >= 16)");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public static FlowTokens withRandomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new FlowTokens(secret);
    }

    public String encode(FlowPair pair) {
        String ids = Long.toString(pair.caller().value(), 36) + "." + Long.toString(pair.callee().value(), 36);
        return ids + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(ids));
    }

    /** The pair a token names, or empty when it is not a token this process issued. */
    public Optional<FlowPair> decode(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int macStart = token.lastIndexOf('.');
        int idSeparator = macStart > 0 ? token.lastIndexOf('.', macStart - 1) : -1;
        if (idSeparator <= 0) {
            return Optional.empty();
        }
        String ids = token.substring(0, macStart);
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(token.substring(macStart + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(presented, mac(ids))) {
            return Optional.empty();
        }
        try {
            long caller = Long.parseLong(token.substring(0, idSeparator), 36);
            long callee = Long.parseLong(token.substring(idSeparator + 1, macStart), 36);
            return Optional.of(new FlowPair(new FlowId(caller), new FlowId(callee)));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(String ids) {
        return Arrays.copyOf(macs.get().doFinal(ids.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is required of every JDK", e);
        }
    }
}
