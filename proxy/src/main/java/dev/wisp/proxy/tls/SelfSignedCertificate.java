package dev.wisp.proxy.tls;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default certificate: created with BouncyCastle on first start, kept on disk and
 * reused while valid, so a browser's exception for it (or a client that pins it) keeps working
 * across restarts. It names localhost, this host's name and every local address.
 */
public final class SelfSignedCertificate {

    private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificate.class);
    static final String CERTIFICATE_FILE = "wisp-self-signed.crt";
    static final String KEY_FILE = "wisp-self-signed.key";
    private static final Duration VALIDITY = Duration.ofDays(365);
    /** Regenerate a little before expiry rather than serve a certificate that lapses mid-run. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(7);

    private SelfSignedCertificate() {
    }

    /** The certificate and key files in {@code directory}, created or renewed as needed. */
    public static TlsFiles loadOrCreate(Path directory, Clock clock) throws IOException {
        Path certificate = directory.resolve(CERTIFICATE_FILE);
        Path key = directory.resolve(KEY_FILE);
        if (Files.isRegularFile(certificate) && Files.isRegularFile(key) && stillValid(certificate, clock)) {
            log.info("TLS: reusing self-signed certificate {}", certificate.toAbsolutePath());
            return new TlsFiles(certificate, key);
        }
        Files.createDirectories(directory);
        create(certificate, key, clock.instant());
        log.info("TLS: created self-signed certificate {} (replace it with tls.certificate/tls.private-key)",
                certificate.toAbsolutePath());
        return new TlsFiles(certificate, key);
    }

    private static boolean stillValid(Path certificate, Clock clock) {
        try {
            X509Certificate existing = PemFiles.certificates(certificate).get(0);
            return existing.getNotAfter().toInstant().isAfter(clock.instant().plus(RENEW_BEFORE));
        } catch (IOException e) {
            log.warn("TLS: {} is unreadable ({}); creating a new one", certificate, e.getMessage());
            return false;
        }
    }

    private static void create(Path certificateFile, Path keyFile, Instant now) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            BigInteger serial = new BigInteger(64, new SecureRandom());
            // A name of its own: clients that trust several of these (tests, a browser that met
            // more than one wisp) look issuers up by name and must not confuse them.
            X500Name subject = new X500Name("CN=wisp self-signed " + serial.toString(16));
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    serial, Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(subjectNames()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            // PKCS#8, not SEC1: BouncyCastle's SEC1 output of a JDK key omits the curve, and then
            // the JDK cannot read it back.
            writePem(keyFile, new JcaPKCS8Generator(keys.getPrivate(), null), true);
            writePem(certificateFile, certificate, false);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot create a self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static GeneralName[] subjectNames() {
        Set<GeneralName> names = new LinkedHashSet<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        try {
            names.add(new GeneralName(GeneralName.dNSName, InetAddress.getLocalHost().getHostName()));
        } catch (IOException e) {
            log.debug("no host name for the certificate: {}", e.getMessage());
        }
        for (InetAddress address : localAddresses()) {
            names.add(new GeneralName(GeneralName.iPAddress, address.getHostAddress().replaceAll("%.*$", "")));
        }
        return names.toArray(GeneralName[]::new);
    }

    private static List<InetAddress> localAddresses() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(NetworkInterface::inetAddresses)
                    .toList();
        } catch (SocketException e) {
            return List.of(InetAddress.getLoopbackAddress());
        }
    }

    private static void writePem(Path file, Object object, boolean secret) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (secret) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            pem.writeObject(object);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
