package io.minxin.console;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The console's one blocking call BlockHound lets pass: Jackson builds the deserializer of a type once, under a
 * {@code ReentrantLock}, and two event loops decoding the first answers of a type (a page calls several APIs at once)
 * meet there. The section builds a deserializer, no I/O. Without this, BlockHound's error thrown from the park of the
 * waiting thread failed that API call as unavailable (a 502 page: MonthPageTest failed in three runs of four), and left the waiter's
 * node in the lock's queue: JDK 17 cancels a waiter only when its acquire attempt throws, not its park.
 */
public final class DeserializerCacheAllowance implements BlockHoundIntegration {
    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside(
                "tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
    }
}
