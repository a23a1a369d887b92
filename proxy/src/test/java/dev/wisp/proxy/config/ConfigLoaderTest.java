package dev.wisp.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path directory;

    @Test
    void theEmbeddedDefaultsAreTheDocumentedOnes() throws Exception {
        WispConfig config = ConfigLoader.load(null, Map.of(), new Properties());

        assertThat(config.ws()).isEqualTo(new ListenerConfig(true, "0.0.0.0", 8080));
        assertThat(config.wss()).isEqualTo(new ListenerConfig(true, "0.0.0.0", 8443));
        assertThat(config.websocket().maxMessageSize()).isEqualTo(64 * 1024);
        assertThat(config.websocket().allowedOrigins()).isEmpty();
        assertThat(config.tls().usesSelfSigned()).isTrue();
        assertThat(config.sip().domains()).isEmpty();
        assertThat(config.registrar().minExpires()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.registrar().removeOnFlowClose()).isTrue();
        assertThat(config.webRoot()).isNull();
    }

    @Test
    void aFileThenEnvironmentThenPropertiesOverrideInThatOrder() throws Exception {
        Path file = write("wisp { ws.port = 9000, wss.port = 9443, registrar.max-contacts = 3 }");
        Properties properties = new Properties();
        properties.setProperty("wisp.wss.port", "9445");

        WispConfig config = ConfigLoader.load(file,
                Map.of("WISP_WSS_PORT", "9444", "WISP_REGISTRAR_MAX_CONTACTS", "4"), properties);

        assertThat(config.ws().port()).isEqualTo(9000);
        assertThat(config.registrar().maxContacts()).isEqualTo(4);
        assertThat(config.wss().port()).isEqualTo(9445);
    }

    @Test
    void listsComeAsCommaSeparatedValuesFromTheEnvironment() throws Exception {
        WispConfig config = ConfigLoader.load(null,
                Map.of("WISP_SIP_DOMAINS", "example.com, Example.ORG", "WISP_WEBSOCKET_ALLOWED_ORIGINS", "*"),
                new Properties());

        assertThat(config.sip().domains()).containsExactlyInAnyOrder("example.com", "Example.ORG");
        assertThat(config.registrar().domains()).isEqualTo(Set.of("example.com", "example.org"));
        assertThat(config.websocket().allowedOrigins()).containsExactly("*");
    }

    @Test
    void anInvalidValueStopsStartUpNamingKeyValueAndExpectation() {
        Path file = write("wisp.websocket.max-message-size = 0");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), new Properties()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("websocket.max-message-size: 0 (expected: between 4096 and 16777216 bytes)");
    }

    @Test
    void aWronglyTypedValueIsNamedToo() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("WISP_WS_PORT", "eighty"), new Properties()))
                .hasMessage("ws.port: \"eighty\" (expected: an integer between 0 and 65535)");
    }

    @Test
    void registrarLimitsAreCheckedAgainstEachOther() {
        Path file = write("wisp.registrar { min-expires = 600s, max-expires = 300s }");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), new Properties()))
                .hasMessageStartingWith("registrar.max-expires: 300s (expected: >= registrar.min-expires");
    }

    @Test
    void anUnknownKeyInTheFileIsRejected() {
        Path file = write("wisp.ws.prot = 80");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), new Properties()))
                .hasMessageContaining("unknown key wisp.ws.prot");
    }

    @Test
    void anUnknownSystemPropertyIsRejected() {
        Properties properties = new Properties();
        properties.setProperty("wisp.nonsense", "1");

        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), properties))
                .hasMessageStartingWith("-Dwisp.nonsense: unknown key");
    }

    @Test
    void aCertificateWithoutItsKeyIsRejected() {
        Path file = write("wisp.tls.certificate = \"/etc/ssl/cert.pem\"");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), new Properties()))
                .hasMessageStartingWith("tls.certificate and tls.private-key: only one is set");
    }

    @Test
    void aMissingConfigFileIsRejected() {
        assertThatThrownBy(() -> ConfigLoader.load(directory.resolve("absent.conf"), Map.of(), new Properties()))
                .hasMessageContaining("expected: a readable file");
    }

    @Test
    void everyDefaultKeyHasAComment() {
        assertThat(ConfigLoader.leaves(ConfigLoader.defaults()))
                .allSatisfy((key, value) -> assertThat(value.origin().comments()).as(key).isNotEmpty());
    }

    private Path write(String text) {
        try {
            Path file = directory.resolve("wisp.conf");
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
