package io.minxin.localstack;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The blocking calls of libraries that BlockHound lets pass in the services' tests (BlockHound loads this through
 * {@code META-INF/services}), each with its reason. Never a call of the project's own code: that is fixed instead.
 */
public final class BlockHoundAllowances implements BlockHoundIntegration {
    @Override
    public void applyTo(BlockHound.Builder builder) {
        // springdoc builds the OpenAPI document once, scanning class files on its first request, then serves its cache
        builder.allowBlockingCallsInside("org.springdoc.api.AbstractOpenApiResource", "getOpenApi");
    }
}
