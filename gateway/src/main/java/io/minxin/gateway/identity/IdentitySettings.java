package io.minxin.gateway.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code minxin.gateway.identity.*}: the identity token the gateway signs for every call it forwards (see
 * case-events' {@code CallerToken}), so that a service trusts a signature, not the network.
 *
 * @param signingKeys the file with the gateway's private signing keys, a JWK set written by {@code IdentityKeys}
 *     ({@code generate}, {@code rotate}, {@code retire}); the gateway signs with its first key and re-reads the file
 *     when it changes, so a rotation needs no restart. Required; never in the repository
 * @param tokenTtl how long a token is valid ({@code exp} − {@code iat}), 2 s to 10 min; the gateway reuses a token
 *     for the same key id, role, scope and service for at most half of it
 * @param generateIfMissing create the key files ({@code public-keys.json} beside the signing file) when the signing
 *     file does not exist: for a gateway started by hand; {@code run.sh} and deployments create them with
 *     {@code IdentityKeys}
 * @param reloadInterval how often the signing file is checked for a change
 */
@ConfigurationProperties("minxin.gateway.identity")
record IdentitySettings(
        String signingKeys,
        @DefaultValue("60s") Duration tokenTtl,
        @DefaultValue("false") boolean generateIfMissing,
        @DefaultValue("2s") Duration reloadInterval) {
    static final Duration SHORTEST_TTL = Duration.ofSeconds(2);
    static final Duration LONGEST_TTL = Duration.ofMinutes(10);

    IdentitySettings {
        if (signingKeys == null || signingKeys.isBlank()) {
            throw new IllegalArgumentException(
                    "minxin.gateway.identity.signing-keys (MINXIN_GATEWAY_IDENTITY_SIGNING_KEYS)"
                            + " is required: the file of the gateway's signing keys, created by IdentityKeys generate <dir>");
        }
        if (tokenTtl.compareTo(SHORTEST_TTL) < 0 || tokenTtl.compareTo(LONGEST_TTL) > 0) {
            throw new IllegalArgumentException(
                    "minxin.gateway.identity.token-ttl must be from 2s to 10m, not " + tokenTtl);
        }
        if (reloadInterval.isNegative() || reloadInterval.isZero()) {
            throw new IllegalArgumentException("minxin.gateway.identity.reload-interval must be positive");
        }
    }
}
