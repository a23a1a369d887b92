package dev.wisp.proxy.ws;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether bytes are UTF-8, cheaply for the common case: SIP messages are nearly always ASCII,
 * which is checked eight bytes at a time; only bytes past the first non-ASCII one go through a
 * strict decoder. (Netty's own checks go byte by byte through bounds- and reference-checked
 * accessors, which under load cost more than parsing the message.)
 */
final class Utf8 {

    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    /** Checks the buffer's remaining bytes without moving its position. */
    static boolean isValid(ByteBuffer bytes) {
        int i = bytes.position();
        int end = bytes.limit();
        while (i + Long.BYTES <= end && (bytes.getLong(i) & HIGH_BITS) == 0) {
            i += Long.BYTES;
        }
        while (i < end && bytes.get(i) >= 0) {
            i++;
        }
        if (i == end) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.duplicate().position(i));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
