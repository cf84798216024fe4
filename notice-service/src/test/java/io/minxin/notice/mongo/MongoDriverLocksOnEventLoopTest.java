package io.minxin.notice.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.internal.Locks;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;
import org.junit.jupiter.api.Test;

/**
 * The MongoDB driver guards its connection pool's queue with short {@code StampedLock} sections ({@code Locks}), taken
 * on whichever thread subscribes, a Netty event loop included. BlockHound (installed for every test) used to throw
 * from the park of a contended section: the error left a dead waiter in the lock's queue, and a later contended
 * {@code getConnection} waited forever, so a request got no answer (NoticeServiceIT, about one run in eight). The
 * allowance in {@code BlockHoundAllowances} lets these sections wait; this test holds it.
 */
class MongoDriverLocksOnEventLoopTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aContendedDriverLockOnAnEventLoopWaitsItsTurnAndLeavesTheLockWorking() throws Exception {
        Lock lock = new StampedLock().asWriteLock();
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ExecutorService plain = Executors.newSingleThreadExecutor();
        try {
            // given the lock held elsewhere, when an event loop takes it through the driver's helper
            Future<String> onLoop = contended(lock, loop, "queued");

            // then it gets its turn, and the lock still serves a contended waiter afterwards
            assertThat(onLoop.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("queued");
            Future<String> later = contended(lock, plain, "served");
            assertThat(later.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("served");
        } finally {
            plain.shutdownNow();
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Holds the lock until a task of {@code executor} waits for it in {@code Locks.withLock}, then lets go. */
    private static Future<String> contended(Lock lock, ExecutorService executor, String result) {
        AtomicReference<Thread> waiter = new AtomicReference<>();
        lock.lock();
        try {
            Future<String> task = executor.submit(() -> {
                waiter.set(Thread.currentThread());
                return Locks.withLock(lock, () -> result);
            });
            await().atMost(WAIT)
                    .until(() -> waiter.get() != null && waiter.get().getState() == Thread.State.WAITING);
            return task;
        } finally {
            lock.unlock();
        }
    }
}
