package io.minxin.servicekit.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service verifies the identity token the gateway signs for every call it forwards
 * ({@link io.minxin.events.identity.CallerToken}).
 *
 * @param publicKeys where the gateway's public keys are: a Spring resource location ({@code file:…},
 *     {@code https://…}) of a JWK set (JSON, public keys only; two keys during a rotation). Required: a service
 *     does not start without it
 * @param audience the audience ({@code aud}) a token must name; empty: the service's {@code spring.application.name}
 * @param clockSkew how far the clocks of the gateway and this service may disagree when {@code exp} and {@code nbf}
 *     are checked
 * @param reloadInterval how often the public keys are read again (also read again, at most once per 5 s, when a
 *     token names a key id the service does not know, so a rotation needs no restart)
 */
@ConfigurationProperties("minxin.identity")
public record IdentitySettings(
        String publicKeys,
        String audience,
        @DefaultValue("10s") Duration clockSkew,
        @DefaultValue("5m") Duration reloadInterval) {

    public IdentitySettings {
        if (publicKeys == null || publicKeys.isBlank()) {
            throw new IllegalArgumentException("minxin.identity.public-keys (MINXIN_IDENTITY_PUBLIC_KEYS) is required:"
                    + " the location of the gateway's public JWK set, e.g. file:data/identity/public-keys.json");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("minxin.identity.clock-skew must be 0 to 5 minutes");
        }
        if (reloadInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("minxin.identity.reload-interval must be at least 1 s");
        }
    }

    /** The audience a token must name: {@link #audience} if set, else the application's name. */
    String audienceOr(String applicationName) {
        String chosen = audience == null || audience.isBlank() ? applicationName : audience;
        if (chosen == null || chosen.isBlank()) {
            throw new IllegalArgumentException(
                    "minxin.identity.audience or spring.application.name is required: the audience of the tokens");
        }
        return chosen;
    }
}
