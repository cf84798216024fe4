package io.minxin.servicekit.identity;

import io.minxin.events.identity.Caller;
import io.minxin.events.identity.CallerToken;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * What makes a verified token a caller: the claims of {@link CallerToken}, checked and read in one place (the services
 * here; the gateway for the tokens the console relays back to it).
 */
public final class CallerTokenRules {

    /** Issuer, audience, {@code exp} required and {@code nbf} honoured (within the skew), and the caller claims. */
    public static OAuth2TokenValidator<Jwt> validator(String audience, Duration clockSkew) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setAllowEmptyExpiryClaim(false);
        return new DelegatingOAuth2TokenValidator<>(
                timestamps,
                new JwtIssuerValidator(CallerToken.ISSUER),
                new JwtAudienceValidator(audience),
                new JwtClaimValidator<Object>(
                        JwtClaimNames.SUB, subject -> subject instanceof String id && !id.isBlank()),
                new JwtClaimValidator<Object>(
                        CallerToken.ROLE, role -> role(role).isPresent()),
                new JwtClaimValidator<Object>(
                        CallerToken.SCOPE, scope -> scope(scope).isPresent()));
    }

    /** The caller a token names; call only with a token {@link #validator} accepted. */
    public static Caller caller(Jwt token) {
        return new Caller(
                token.getSubject(),
                role(token.getClaim(CallerToken.ROLE)).orElseThrow(),
                scope(token.getClaim(CallerToken.SCOPE)).orElseThrow());
    }

    private static Optional<Role> role(Object claim) {
        return claim instanceof String wire ? Role.fromWireName(wire) : Optional.empty();
    }

    /** Present and readable: a token without the claim is refused, not read as {@code all}. */
    private static Optional<Scope> scope(Object claim) {
        if (!(claim instanceof String wire) || wire.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Scope.parse(wire));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private CallerTokenRules() {}
}
