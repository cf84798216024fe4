package io.minxin.intake.publish;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.core.ProducerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * Puts one initialised transactional producer into the pool once the application is ready, in the background.
 * Otherwise the first batches pay for finding the transaction coordinator, and on a new cluster for the broker
 * creating its transaction log; on a busy machine that alone outlasted {@code max.block.ms} and the first
 * batches were refused with 503. When Kafka is unreachable this gives up after a few tries; batches then
 * initialise their producers themselves, as before.
 */
final class TransactionalProducerWarmUp implements ApplicationListener<ApplicationReadyEvent> {
    private static final Logger log = LoggerFactory.getLogger(TransactionalProducerWarmUp.class);
    private static final int RETRIES = 3;

    private final ProducerFactory<String, byte[]> factory;
    private final Scheduler scheduler;

    TransactionalProducerWarmUp(ProducerFactory<String, byte[]> factory, Scheduler scheduler) {
        this.factory = factory;
        this.scheduler = scheduler;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        // closing a pooled transactional producer returns it to the pool
        Mono.fromRunnable(() -> factory.createProducer().close())
                .subscribeOn(scheduler)
                .retryWhen(Retry.backoff(RETRIES, Duration.ofSeconds(1)))
                .subscribe(
                        null,
                        e -> log.info(
                                "No transactional producer prepared ahead of the first batch: {}", e.getMessage()),
                        () -> log.debug("A transactional producer is ready for the first batch"));
    }
}
