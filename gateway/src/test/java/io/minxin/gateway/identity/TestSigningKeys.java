package io.minxin.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The gateway tests' identity keys: one key pair per test JVM, in a temporary directory as {@link IdentityKeys}
 * writes it, and a check of a token as a service makes it (signature by a key of the public set).
 */
public final class TestSigningKeys {
    private static Path directory;

    /** The directory with {@code signing-keys.json} and {@code public-keys.json}, created at the first call. */
    public static synchronized Path directory() {
        if (directory == null) {
            try {
                Path created = Files.createTempDirectory("gateway-identity");
                created.toFile().deleteOnExit();
                IdentityKeys.generate(created);
                directory = created;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }

    /** Points {@code minxin.gateway.identity.signing-keys} at {@link #directory()}. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add(
                "minxin.gateway.identity.signing-keys",
                () -> directory().resolve(IdentityKeys.SIGNING_FILE).toString());
    }

    public static JWKSet publicKeys(Path directory) {
        try {
            return IdentityKeys.read(directory.resolve(IdentityKeys.PUBLIC_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a service would see in {@code token}: its header's key id and algorithm, its claims, and whether its
     * signature is by a key of {@code publicKeys}.
     */
    public static Map<String, Object> decode(String token, JWKSet publicKeys) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            Map<String, Object> seen = new LinkedHashMap<>(jwt.getJWTClaimsSet().toJSONObject());
            // one audience is a string on the wire (RFC 7519 allows either); a list here, whatever its length
            seen.put("aud", jwt.getJWTClaimsSet().getAudience());
            seen.put("kid", jwt.getHeader().getKeyID());
            seen.put("alg", jwt.getHeader().getAlgorithm().getName());
            JWK key = publicKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
            seen.put("verified", key instanceof ECKey ec && jwt.verify(new ECDSAVerifier(ec.toPublicJWK())));
            return seen;
        } catch (ParseException | JOSEException e) {
            return Map.of("unreadable", e.getMessage());
        }
    }

    private TestSigningKeys() {}
}
