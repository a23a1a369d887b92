package dev.wisp.proxy.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisp.proxy.config.TlsConfig;
import dev.wisp.registrar.MutableClock;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTlsTest {

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(Instant.now());

    @Test
    void theSelfSignedCertificateIsCreatedOnceAndReused() throws Exception {
        TlsConfig config = new TlsConfig(null, null, directory.resolve("tls"));

        SslContext first = ServerTls.context(config, clock);
        byte[] created = Files.readAllBytes(directory.resolve("tls/wisp-self-signed.crt"));
        SslContext second = ServerTls.context(config, clock);

        assertThat(first.isServer()).isTrue();
        assertThat(second.isServer()).isTrue();
        assertThat(Files.readAllBytes(directory.resolve("tls/wisp-self-signed.crt"))).isEqualTo(created);
        assertThat(Files.getPosixFilePermissions(directory.resolve("tls/wisp-self-signed.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void itNamesLocalhostAndTheLoopbackAddresses() throws Exception {
        TlsFiles files = SelfSignedCertificate.loadOrCreate(directory, clock);

        X509Certificate certificate = PemFiles.certificates(files.certificate()).get(0);
        List<String> names = certificate.getSubjectAlternativeNames().stream()
                .map(entry -> String.valueOf(((List<?>) entry).get(1))).toList();
        assertThat(names).contains("localhost", "127.0.0.1");
        certificate.checkValidity();
    }

    @Test
    void aCertificateNearItsEndIsReplaced() throws Exception {
        TlsFiles files = SelfSignedCertificate.loadOrCreate(directory, clock);
        byte[] created = Files.readAllBytes(files.certificate());

        clock.advance(Duration.ofDays(360));
        SelfSignedCertificate.loadOrCreate(directory, clock);

        assertThat(Files.readAllBytes(files.certificate())).isNotEqualTo(created);
    }

    @Test
    void configuredPemFilesAreUsedInsteadOfTheSelfSignedOne() throws Exception {
        TlsFiles generated = SelfSignedCertificate.loadOrCreate(directory.resolve("elsewhere"), clock);
        TlsConfig config = new TlsConfig(generated.certificate(), generated.privateKey(), directory.resolve("unused"));

        assertThat(ServerTls.context(config, clock).isServer()).isTrue();
        assertThat(Files.exists(directory.resolve("unused"))).isFalse();
    }
}
