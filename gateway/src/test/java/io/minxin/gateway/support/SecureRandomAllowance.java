package io.minxin.gateway.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The gateway's one blocking call BlockHound lets pass besides local-stack's: Spring Security's OAuth2 client draws
 * the state, nonce and PKCE verifier of an OIDC sign-in from a default {@code SecureRandom} (NativePRNG), which reads
 * {@code /dev/urandom}, a device that never blocks; its generators cannot be given the gateway's DRBG instead.
 */
public final class SecureRandomAllowance implements BlockHoundIntegration {
    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implNextBytes");
    }
}
