package io.minxin.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.minxin.gateway.web.Randomness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's signing key: the first key of its private JWK set file, re-read when the file changes (a rotation
 * by {@link IdentityKeys}), so a new key takes over without a restart. A file that cannot be read at start stops
 * the gateway; one that turns unreadable later is reported and the key in use is kept.
 */
final class SigningKeys {
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    /** Every ECDSA signature takes fresh randomness, made on the event loop that signs. */
    private static final SecureRandom RANDOM = Randomness.drbg();

    /** The key a token is signed with: its id goes into the token's header. */
    record SigningKey(String keyId, JWSSigner signer) {}

    /** What tells a changed file: an atomic replacement gives a new file key, an edit in place a new time or size. */
    private record Version(Object fileKey, FileTime modified, long size) {}

    private record Loaded(SigningKey key, JWKSet publicKeys, Version version) {}

    private final Path file;
    private volatile Loaded loaded;

    private SigningKeys(Path file, Loaded loaded) {
        this.file = file;
        this.loaded = loaded;
    }

    /**
     * Reads the file.
     *
     * @throws IllegalStateException naming what is wrong (never the key material)
     */
    static SigningKeys load(Path file) {
        try {
            return new SigningKeys(file, read(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the gateway's signing keys " + file + ": " + e, e);
        }
    }

    SigningKey current() {
        return loaded.key();
    }

    /** The public halves of every key in the file: what a token this gateway signed is verified against. */
    JWKSet publicKeys() {
        return loaded.publicKeys();
    }

    /** Re-reads the file if it changed since it was last read; returns whether the signing key changed. */
    boolean reloadIfChanged() {
        Loaded before = loaded;
        try {
            if (version(file).equals(before.version())) {
                return false;
            }
            Loaded now = read(file);
            loaded = now;
            boolean changed = !now.key().keyId().equals(before.key().keyId());
            if (changed) {
                log.info(
                        "signing identity tokens with key {} (was {}), read from {}",
                        now.key().keyId(),
                        before.key().keyId(),
                        file);
            }
            return changed;
        } catch (IOException | RuntimeException e) {
            // e.g. a file half-copied by hand: the key in use stays until the file is whole again
            log.warn(
                    "cannot re-read the signing keys {}; still signing with key {}: {}",
                    file,
                    before.key().keyId(),
                    e.getMessage());
            return false;
        }
    }

    private static Loaded read(Path file) throws IOException {
        // the version before the content: a change between the two is seen again at the next check
        Version version = version(file);
        JWKSet keys = IdentityKeys.read(file);
        return new Loaded(signingKey(file, keys.getKeys().get(0)), keys.toPublicJWKSet(), version);
    }

    private static SigningKey signingKey(Path file, JWK first) {
        if (!(first instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate()) {
            throw new IllegalStateException("the first key of " + file + " must be a private EC P-256 key");
        }
        if (ec.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(ec.getAlgorithm())) {
            throw new IllegalStateException(
                    "the first key of " + file + " is for " + ec.getAlgorithm() + ", not ES256");
        }
        if (ec.getKeyID() == null || ec.getKeyID().isBlank()) {
            throw new IllegalStateException("the first key of " + file + " has no key id (kid)");
        }
        try {
            ECDSASigner signer = new ECDSASigner(ec);
            signer.getJCAContext().setSecureRandom(RANDOM);
            return new SigningKey(ec.getKeyID(), signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("the first key of " + file + " cannot sign: " + e.getMessage(), e);
        }
    }

    private static Version version(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new Version(
                Objects.requireNonNullElse(attributes.fileKey(), ""), attributes.lastModifiedTime(), attributes.size());
    }
}
