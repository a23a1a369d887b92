package dev.wisp.proxy.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisp.registrar.FlowId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FlowTokensTest {

    private final FlowTokens tokens = new FlowTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private final FlowPair pair = new FlowPair(new FlowId(42), new FlowId(1_000_000_007));

    @Test
    void aTokenNamesBothFlowsAndUsesOnlyUnreservedCharacters() {
        String token = tokens.encode(pair);

        assertThat(tokens.decode(token)).contains(pair);
        assertThat(token).matches("[A-Za-z0-9._~-]+");
    }

    @Test
    void anAlteredTokenIsRejected() {
        String token = tokens.encode(pair);
        String otherFlow = "43" + token.substring(2);

        assertThat(tokens.decode(otherFlow)).isEmpty();
        assertThat(tokens.decode(token.substring(0, token.length() - 1))).isEmpty();
        assertThat(tokens.decode("alice")).isEmpty();
        assertThat(tokens.decode("1.2.!!!")).isEmpty();
        assertThat(tokens.decode(null)).isEmpty();
    }

    @Test
    void anotherProcessesTokensAreNotAccepted() {
        assertThat(FlowTokens.withRandomSecret().decode(tokens.encode(pair))).isEmpty();
    }
}
