package dev.wisp.proxy.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private final OriginPolicy sameOrigin = new OriginPolicy(List.of());

    @Test
    void withoutAListOnlyTheServersOwnPagesMayConnect() {
        assertThat(sameOrigin.allows("https://wisp.example:8443", "wisp.example:8443", true)).isTrue();
        assertThat(sameOrigin.allows("https://WISP.example", "wisp.example", true)).as("default ports").isTrue();
        assertThat(sameOrigin.allows("http://wisp.example", "wisp.example", false)).isTrue();
        assertThat(sameOrigin.allows("https://wisp.example:8443", "wisp.example:8080", false)).isFalse();
        assertThat(sameOrigin.allows("https://evil.example", "wisp.example", true)).isFalse();
        assertThat(sameOrigin.allows("null", "wisp.example", true)).isFalse();
        assertThat(sameOrigin.allows("https://wisp.example", null, true)).isFalse();
    }

    @Test
    void aClientWithoutOriginIsNotABrowserAndMayConnect() {
        assertThat(sameOrigin.allows(null, "wisp.example", true)).isTrue();
    }

    @Test
    void aListAllowsExactlyItsOriginsAndAStarAllowsAll() {
        OriginPolicy listed = new OriginPolicy(List.of("https://app.example.com/"));

        assertThat(listed.allows("https://APP.example.com", "wisp.example", true)).isTrue();
        assertThat(listed.allows("https://wisp.example", "wisp.example", true)).isFalse();
        assertThat(new OriginPolicy(List.of("*")).allows("https://anything.example", "x", true)).isTrue();
    }
}
