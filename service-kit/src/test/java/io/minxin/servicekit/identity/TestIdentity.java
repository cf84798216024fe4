package io.minxin.servicekit.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.CallerToken;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.server.WebFilter;

/**
 * Identity tokens for the services' tests, signed the way the gateway signs them (ES256, a P-256 key, {@code kid}
 * header, the claims of {@link CallerToken}), and the public JWK set a service under test verifies them with.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void identity(DynamicPropertyRegistry registry) { TestIdentity.register(registry); }
 * ...
 * client.get().uri(...).header(HttpHeaders.AUTHORIZATION, TestIdentity.shared().bearer(Role.DASHBOARD, Scope.ALL, "metrics-service"))
 * }</pre>
 *
 * <p>One {@link #shared()} instance per JVM: every test context points at the same key file, so Spring's context
 * cache still reuses contexts. Tokens are valid for an hour, long enough for a default header of a test's client.
 */
public final class TestIdentity {
    /** The property a service reads its public keys from. */
    public static final String PUBLIC_KEYS_PROPERTY = "minxin.identity.public-keys";

    private static final Duration TTL = Duration.ofHours(1);
    private static final TestIdentity SHARED = new TestIdentity();

    private final ECKey key;
    /** Same key id as {@link #key}, other key material: what a forger who read the key id would sign with. */
    private final ECKey forger;

    private final Path publicKeys;

    private TestIdentity() {
        key = generate("test-" + Long.toHexString(System.nanoTime()));
        forger = generate(key.getKeyID());
        try {
            publicKeys = Files.createTempFile("minxin-public-keys", ".json");
            publicKeys.toFile().deleteOnExit();
            Files.writeString(publicKeys, new JWKSet(key.toPublicJWK()).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestIdentity shared() {
        return SHARED;
    }

    /** Points the service under test at the shared public keys. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add(PUBLIC_KEYS_PROPERTY, SHARED::publicKeysLocation);
    }

    /** The value of {@value #PUBLIC_KEYS_PROPERTY}: a {@code file:} location of the public JWK set. */
    public String publicKeysLocation() {
        return publicKeys.toUri().toString();
    }

    /** {@code Bearer <token>} for a caller of {@code role} and {@code scope} calling {@code audience}. */
    public String bearer(Role role, Scope scope, String audience) {
        return "Bearer " + token(key, claims(role, scope, audience).build());
    }

    /** {@code Bearer <token>} for exactly this caller (key id, role, scope); {@link #bearer(Role, Scope, String)}
     * names the key id {@code k-<role>}. */
    public String bearer(Caller caller, String audience) {
        return "Bearer "
                + token(
                        key,
                        claims(caller.role(), caller.scope(), audience)
                                .subject(caller.keyId())
                                .build());
    }

    /** Expired ten minutes ago (far beyond any clock skew). */
    public String expired(Role role, Scope scope, String audience) {
        Instant past = Instant.now().minus(Duration.ofMinutes(20));
        return "Bearer "
                + token(
                        key,
                        claims(role, scope, audience)
                                .issueTime(Date.from(past))
                                .expirationTime(Date.from(past.plus(Duration.ofMinutes(10))))
                                .build());
    }

    /** A valid token for another service. */
    public String otherAudience(Role role, Scope scope) {
        return bearer(role, scope, "some-other-service");
    }

    /** Signed by another key under the trusted key's id. */
    public String foreignKey(Role role, Scope scope, String audience) {
        return "Bearer " + token(forger, claims(role, scope, audience).build());
    }

    /** Signed correctly, but not by the gateway ({@code iss}). */
    public String otherIssuer(Role role, Scope scope, String audience) {
        return "Bearer "
                + token(
                        key,
                        claims(role, scope, audience).issuer("someone-else").build());
    }

    /** Signed correctly, without one claim (e.g. {@link CallerToken#ROLE}, {@code sub}, {@code exp}). */
    public String withoutClaim(String claim, Role role, Scope scope, String audience) {
        return "Bearer "
                + token(key, claims(role, scope, audience).claim(claim, null).build());
    }

    /** Signed correctly, with a claim changed, e.g. {@code minxin_role} set to {@code root}. */
    public String withClaim(String claim, Object value, Role role, Scope scope, String audience) {
        return "Bearer "
                + token(key, claims(role, scope, audience).claim(claim, value).build());
    }

    /** Custom claims, for what the other methods do not cover. */
    public String bearer(Role role, Scope scope, String audience, UnaryOperator<JWTClaimsSet.Builder> change) {
        return "Bearer "
                + token(key, change.apply(claims(role, scope, audience)).build());
    }

    /**
     * For a controller bound alone ({@code WebTestClient.bindToController}, with {@link CallerArgumentResolver}
     * added): every request runs as {@code caller}, no token involved.
     */
    public static WebFilter signedIn(Caller caller) {
        return (exchange, chain) -> chain.filter(exchange)
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(caller)));
    }

    private static JWTClaimsSet.Builder claims(Role role, Scope scope, String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(CallerToken.ISSUER)
                .subject("k-" + role.wireName())
                .audience(List.of(audience))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TTL)))
                .claim(CallerToken.ROLE, role.wireName())
                .claim(CallerToken.SCOPE, scope.wire());
    }

    private static String token(ECKey signer, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(signer.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new ECDSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generate(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
