package io.minxin.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** BlockHound is installed for every test by blockhound-junit-platform: no test here installs it. */
class BlockHoundTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void sleepInAMonoOnTheParallelSchedulerFailsWithBlockingOperationError() {
        Mono<Long> sleeping = Mono.delay(Duration.ofMillis(1)).doOnNext(tick -> sleep());

        assertThatThrownBy(() -> sleeping.block(WAIT)).hasRootCauseInstanceOf(BlockingOperationError.class);
    }

    @Test
    void sleepOnANettyEventLoopFailsWithBlockingOperationError() throws InterruptedException {
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            assertThatThrownBy(() -> loop.submit(BlockHoundTest::sleep).get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(BlockingOperationError.class);
        } finally {
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void sleepOnTheBoundedElasticSchedulerIsAllowed() {
        Mono<Boolean> sleeping = Mono.fromCallable(() -> sleep()).subscribeOn(Schedulers.boundedElastic());

        assertThat(sleeping.block(WAIT)).isTrue();
    }

    private static boolean sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
