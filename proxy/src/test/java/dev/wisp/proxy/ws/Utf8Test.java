package dev.wisp.proxy.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void asciiAndWellFormedMultiByteTextIsUtf8() {
        assertThat(Utf8.isValid(bytes("OPTIONS sip:x SIP/2.0\r\n"))).isTrue();
        assertThat(Utf8.isValid(bytes("SIP/2.0 200 = 2**3 * 5**2 но сто девяносто девять ✓ 😀"))).isTrue();
        assertThat(Utf8.isValid(ByteBuffer.allocate(0))).isTrue();
    }

    @Test
    void malformedSequencesAnywhereAreNot() {
        assertThat(Utf8.isValid(ByteBuffer.wrap(new byte[] {'O', 'P', (byte) 0xc3, 0x28}))).isFalse();
        byte[] longAsciiThenBad = ("x".repeat(37) + "?").getBytes(StandardCharsets.US_ASCII);
        longAsciiThenBad[37] = (byte) 0xff;
        assertThat(Utf8.isValid(ByteBuffer.wrap(longAsciiThenBad))).isFalse();
        assertThat(Utf8.isValid(ByteBuffer.wrap(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})))
                .as("an encoded surrogate").isFalse();
    }

    @Test
    void agreesWithTheJdkOnRandomBytesAndLeavesThePositionAlone() {
        Random random = new Random(6455);
        for (int i = 0; i < 5000; i++) {
            byte[] data = new byte[random.nextInt(64)];
            random.nextBytes(data);
            if (i % 2 == 0) {
                for (int j = 0; j < data.length; j++) {
                    data[j] &= 0x7f; // mostly ASCII with a stray high byte now and then
                }
                if (data.length > 0 && random.nextBoolean()) {
                    data[random.nextInt(data.length)] |= (byte) 0x80;
                }
            }
            ByteBuffer buffer = ByteBuffer.wrap(data);
            boolean jdk = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data), java.nio.CharBuffer.allocate(200), true).isUnderflow();
            assertThat(Utf8.isValid(buffer)).as("bytes %s", java.util.Arrays.toString(data)).isEqualTo(jdk);
            assertThat(buffer.position()).isZero();
        }
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
