package io.minxin.gateway.identity;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import io.minxin.events.identity.Caller;
import io.minxin.servicekit.identity.CallerTokenRules;
import io.minxin.servicekit.identity.VerifiedTokens;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The identity tokens the console relays back: a page of the console calls the APIs through the gateway with the
 * token the gateway signed for that page's request (audience {@value #CONSOLE}), so every API call is made as the
 * person signed in, under their role and scope, and never for longer than the token lives. Any other audience is
 * refused: a token a service received cannot be replayed at the gateway.
 */
public final class RelayedTokens {
    public static final String CONSOLE = "console-service";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final ReactiveJwtDecoder decoder;

    /**
     * A page makes several API calls with one token: each token's signature is verified once and remembered until
     * it expires (service-kit's {@link VerifiedTokens}, as the services do), its claims checked on every call.
     */
    RelayedTokens(SigningKeys keys) {
        NimbusReactiveJwtDecoder verifier = NimbusReactiveJwtDecoder.withJwkSource(token ->
                        Flux.defer(() -> Flux.fromIterable(
                                new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader())).select(keys.publicKeys()))))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        OAuth2TokenValidator<Jwt> rules = CallerTokenRules.validator(CONSOLE, CLOCK_SKEW);
        verifier.setJwtValidator(rules);
        this.decoder = new VerifiedTokens(verifier, rules, Clock.systemUTC(), () -> {});
    }

    /** The caller the token names; an error when it is not a valid token of this gateway for the console. */
    public Mono<Caller> verify(String token) {
        return decoder.decode(token).map(CallerTokenRules::caller);
    }
}
