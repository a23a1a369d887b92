package dev.wisp.proxy.tls;

import java.nio.file.Path;

/** A PEM certificate chain and its private key on disk. */
public record TlsFiles(Path certificate, Path privateKey) {
}
