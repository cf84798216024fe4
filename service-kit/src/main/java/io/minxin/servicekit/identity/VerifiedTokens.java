package io.minxin.servicekit.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies each distinct token's signature once. The gateway reuses a token per caller and service for half its
 * lifetime, and an ES256 verification costs more CPU than a whole ordinary call (bench/README.md), so a verified
 * token is remembered until its {@code exp}, keyed by the whole token string: signature included, so a token that
 * differs in any byte is verified afresh. A remembered token is still checked against the claim rules (expiry,
 * audience) on every use.
 *
 * Also the gateway's, for the tokens the console relays back to it.
 *
 * <p>A token signed by a key retired meanwhile stays accepted until it expires (at most the gateway's token ttl,
 * 60 s by default).
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {
    /** Enough for every caller × role of a city; a token ages out within a minute anyway. */
    static final int MAXIMUM_SIZE = 10_000;

    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> rules;
    private final Cache<String, Jwt> verified;
    private final Runnable countVerification;

    /**
     * @param countVerification called for each signature verification (not for a remembered token), for the
     *     metric {@code minxin_identity_tokens_verified_total}
     */
    public VerifiedTokens(
            ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> rules, Clock clock, Runnable countVerification) {
        this.verifier = verifier;
        this.rules = rules;
        this.countVerification = countVerification;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAXIMUM_SIZE)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt, clock)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && !rules.validate(known).hasErrors()) {
            return Mono.just(known);
        }
        countVerification.run();
        return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

    private static Duration untilExpiry(Jwt jwt, Clock clock) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
