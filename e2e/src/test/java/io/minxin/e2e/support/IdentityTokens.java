package io.minxin.e2e.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.minxin.events.identity.CallerToken;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Identity tokens made by hand, as someone holding the run's signing key (or a key of their own) would make them:
 * to show on the services' own ports that an expired token, a token for another service and one signed by another
 * key are refused, and that a good one is taken. Signed with the first key of the run's private JWK set, as the
 * gateway signs.
 */
public final class IdentityTokens {
    private final ECKey signer;

    private IdentityTokens(ECKey signer) {
        this.signer = signer;
    }

    /** Tokens signed with the first key of the private JWK set in {@code signingKeys}. */
    public static IdentityTokens signedWith(Path signingKeys) {
        try {
            return new IdentityTokens(
                    JWKSet.load(signingKeys.toFile()).getKeys().get(0).toECKey());
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read the signing keys " + signingKeys, e);
        }
    }

    /** Tokens signed by a key nobody trusts, under the trusted key's id. */
    public IdentityTokens forger() {
        try {
            return new IdentityTokens(new ECKeyGenerator(signer.getCurve())
                    .keyID(signer.getKeyID())
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Bearer <token>} valid for a minute. */
    public String bearer(Role role, Scope scope, Service audience) {
        return bearer(role, scope, audience, Instant.now(), Duration.ofMinutes(1));
    }

    /** {@code Bearer <token>} that expired ten minutes ago (beyond any clock skew). */
    public String expired(Role role, Scope scope, Service audience) {
        return bearer(role, scope, audience, Instant.now().minus(Duration.ofMinutes(11)), Duration.ofMinutes(1));
    }

    private String bearer(Role role, Scope scope, Service audience, Instant issuedAt, Duration validFor) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(CallerToken.ISSUER)
                .subject("e2ehand")
                .audience(List.of(audience.artifact()))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(validFor)))
                .claim(CallerToken.ROLE, role.wireName())
                .claim(CallerToken.SCOPE, scope.wire())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(signer.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new ECDSASigner(signer));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return "Bearer " + jwt.serialize();
    }
}
