package io.minxin.gateway.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.minxin.events.identity.CallerToken;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.gateway.identity.SigningKeys.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/**
 * Mints the identity token of a forwarded call (claims as in case-events' {@link CallerToken}), signed with the
 * gateway's current key. A token is reused for the same signing key, key id, role, scope and service for at most
 * half its time to live: signing costs far more than a look-up, and every token a service receives still has half
 * its life ahead of it.
 */
final class IdentityTokens {
    /** What a token is reused for: the signing key is part of it, so a rotation takes effect at the next call. */
    private record Reuse(String signingKeyId, String subject, Role role, Scope scope, String audience) {}

    private record Minted(String token, Instant reuseUntil) {}

    private final SigningKeys keys;
    private final Duration ttl;
    private final Duration reuseFor;
    private final Clock clock;
    private final Runnable onSigned;
    private final Cache<Reuse, Minted> minted;

    /**
     * @param onSigned told once per token actually signed (not reused), e.g. to count them
     */
    IdentityTokens(SigningKeys keys, Duration ttl, Clock clock, Runnable onSigned) {
        this.keys = keys;
        this.ttl = ttl;
        this.reuseFor = ttl.dividedBy(2);
        this.clock = clock;
        this.onSigned = onSigned;
        // bounded, and entries leave once they may no longer be reused (the clock check below decides reuse)
        this.minted = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(reuseFor)
                .build();
    }

    /**
     * A token for a call by {@code subject} (an API key id) under {@code role} and {@code scope} to the service
     * named {@code audience}, e.g. {@code ranking-service}.
     */
    String mint(String subject, Role role, Scope scope, String audience) {
        SigningKey key = keys.current();
        Reuse reuse = new Reuse(key.keyId(), subject, role, scope, audience);
        Instant now = clock.instant();
        Minted known = minted.getIfPresent(reuse);
        if (known != null && now.isBefore(known.reuseUntil())) {
            return known.token();
        }
        Minted fresh = new Minted(sign(key, reuse, now), now.plus(reuseFor));
        minted.put(reuse, fresh);
        return fresh.token();
    }

    Duration ttl() {
        return ttl;
    }

    private String sign(SigningKey key, Reuse reuse, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(CallerToken.ISSUER)
                .subject(Objects.requireNonNull(reuse.subject(), "subject"))
                .audience(reuse.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim(CallerToken.ROLE, reuse.role().wireName())
                .claim(CallerToken.SCOPE, reuse.scope().wire())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.keyId())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT token = new SignedJWT(header, claims);
        try {
            token.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an identity token with key " + key.keyId(), e);
        }
        onSigned.run();
        return token.serialize();
    }
}
