package dev.wisp.proxy.config;

import java.nio.file.Path;

/**
 * Where the TLS certificate comes from.
 *
 * @param certificate   PEM certificate chain, or null to use the self-signed one
 * @param privateKey    PEM private key of the certificate, or null with it
 * @param selfSignedDir where the self-signed certificate is created and kept
 */
public record TlsConfig(Path certificate, Path privateKey, Path selfSignedDir) {

    public boolean usesSelfSigned() {
        return certificate == null;
    }
}
