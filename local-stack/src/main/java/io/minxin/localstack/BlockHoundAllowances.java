package io.minxin.localstack;

import java.util.List;
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
        // the MongoDB driver guards its pool's queue and cluster state with short lock sections on whichever thread
        // subscribes, a Netty event loop included; an error thrown from the park of a contended section leaves a
        // dead waiter in the StampedLock's queue, and a later contended section waits forever (a request without
        // an answer): these sections may wait their turn
        for (String section : List.of(
                "withLock",
                "checkedWithLock",
                "withInterruptibleLock",
                "checkedWithInterruptibleLock",
                "lockInterruptibly")) {
            builder.allowBlockingCallsInside("com.mongodb.internal.Locks", section);
        }
    }
}
