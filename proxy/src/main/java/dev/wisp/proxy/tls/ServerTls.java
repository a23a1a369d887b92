package dev.wisp.proxy.tls;

import dev.wisp.proxy.config.TlsConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/** Builds the TLS context for wss:// and https:// from configured PEM files or the self-signed default. */
public final class ServerTls {

    private ServerTls() {
    }

    public static SslContext context(TlsConfig config, Clock clock) throws IOException {
        TlsFiles files = config.usesSelfSigned()
                ? SelfSignedCertificate.loadOrCreate(config.selfSignedDir(), clock)
                : new TlsFiles(config.certificate(), config.privateKey());
        List<X509Certificate> chain = PemFiles.certificates(files.certificate());
        PrivateKey key = PemFiles.privateKey(files.privateKey());
        return SslContextBuilder.forServer(key, chain).build();
    }
}
