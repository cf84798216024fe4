package io.minxin.console;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Netty 4.2's adaptive buffer allocator, when two event loops contend for a buffer, adds magazines and frees the old
 * ones under a {@code StampedLock}: a short wait for memory bookkeeping, no I/O, which BlockHound reports as a blocking
 * call (the same false positive line/armeria#6344 allows). Reported, it failed the API call being read as unavailable:
 * PeriodClosePageTest's month page answered 502 in one run of five.
 */
public final class NettyAllocatorAllowance implements BlockHoundIntegration {
    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside(
                "io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
    }
}
