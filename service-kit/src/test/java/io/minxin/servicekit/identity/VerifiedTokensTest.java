package io.minxin.servicekit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private Instant ruleTime = NOW;

    private final ReactiveJwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        return Mono.just(Jwt.withTokenValue(token)
                .header("alg", "ES256")
                .subject("k1")
                .issuedAt(NOW)
                .expiresAt(NOW.plusSeconds(60))
                .build());
    };

    private final OAuth2TokenValidator<Jwt> rules = jwt -> jwt.getExpiresAt().isAfter(ruleTime)
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token"));

    private final VerifiedTokens tokens =
            new VerifiedTokens(verifier, rules, Clock.fixed(NOW, ZoneOffset.UTC), () -> {});

    @Test
    void sameTokenTwiceIsVerifiedOnce() {
        tokens.decode("a.b.c").block(Duration.ofSeconds(1));
        Jwt second = tokens.decode("a.b.c").block(Duration.ofSeconds(1));

        assertThat(second.getSubject()).isEqualTo("k1");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void tokenDifferingInAnyByteIsVerifiedAfresh() {
        tokens.decode("a.b.c").block(Duration.ofSeconds(1));
        tokens.decode("a.b.d").block(Duration.ofSeconds(1));

        assertThat(verifications).hasValue(2);
    }

    @Test
    void rememberedTokenThatNoLongerPassesTheRulesGoesBackToTheVerifier() {
        tokens.decode("a.b.c").block(Duration.ofSeconds(1));
        ruleTime = NOW.plusSeconds(120);

        tokens.decode("a.b.c").block(Duration.ofSeconds(1));

        assertThat(verifications).hasValue(2);
    }

    @Test
    void refusedTokenIsNeverRemembered() {
        ReactiveJwtDecoder refusing = token -> {
            verifications.incrementAndGet();
            return Mono.error(new BadJwtException("forged"));
        };
        VerifiedTokens strict = new VerifiedTokens(refusing, rules, Clock.fixed(NOW, ZoneOffset.UTC), () -> {});

        strict.decode("x.y.z").onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(1));
        strict.decode("x.y.z").onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(1));

        assertThat(verifications).hasValue(2);
    }
}
