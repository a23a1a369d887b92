package dev.wisp.sip;

/**
 * A fast, stable 64-bit hash (FNV-1a over UTF-16 code units, then a murmur3 finaliser for
 * avalanche). Used where a value must be derived deterministically from a message, such as a
 * stateless proxy's Via branch (RFC 3261 section 16.11) or a stateless response's To tag: not for
 * security.
 */
public final class Hashing {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** Keeps "ab"+"c" and "a"+"bc" apart. */
    private static final char SEPARATOR = '\u0001';

    private Hashing() {
    }

    /** Hashes the parts in order; a null part hashes like an empty one. */
    public static long hash64(CharSequence... parts) {
        long h = FNV_OFFSET;
        for (CharSequence part : parts) {
            if (part != null) {
                for (int i = 0; i < part.length(); i++) {
                    h = (h ^ part.charAt(i)) * FNV_PRIME;
                }
            }
            h = (h ^ SEPARATOR) * FNV_PRIME;
        }
        return mix(h);
    }

    /** The hash as a fixed-width lowercase hex string, usable as a token in any SIP parameter. */
    public static String hex64(CharSequence... parts) {
        String hex = Long.toHexString(hash64(parts));
        return "0".repeat(16 - hex.length()) + hex;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
