package io.minxin.gateway.keys;

import io.minxin.events.Topics;
import io.minxin.events.identity.ApiKeyChange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows topic {@code api-key-changes} and drops each changed key from this instance's {@link KeyCache}, so a key
 * revoked on another gateway instance is refused here within a poll (milliseconds; the documented bound is 2 s).
 *
 * <p>A consumer of its own on a thread of its own: every partition assigned, no consumer group (each instance must
 * see every change; a group would share them out) and no committed offsets. It starts at the end, and each time
 * it takes up its position (at start, and again after Kafka lost it) it empties the cache, so that nothing cached
 * before it was in position can outlive a change it did not see. When Kafka is unreachable it keeps trying; a
 * revocation then reaches this instance when its cached look-up expires ({@code minxin.gateway.keys.cache-ttl}).
 */
final class KeyChangeFollower implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(KeyChangeFollower.class);
    /** How long one poll waits for changes; a change arriving meanwhile ends the poll at once. */
    private static final Duration POLL = Duration.ofMillis(500);

    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final KeyCache cache;
    private final Duration startWait;
    private final CountDownLatch inPosition = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    /**
     * @param startWait how long start-up waits for the follower to be in position before the gateway takes requests
     *     (start-up goes on without it when Kafka is not there)
     */
    KeyChangeFollower(Supplier<Consumer<String, byte[]>> consumers, KeyCache cache, Duration startWait) {
        this.consumers = consumers;
        this.cache = cache;
        this.startWait = startWait;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::follow, "api-key-changes");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!inPosition.await(startWait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn(
                        "Not yet following {} after {}: until then a key revoked on another gateway instance is refused"
                                + " here when its cached look-up expires",
                        Topics.API_KEY_CHANGES,
                        startWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the follower has taken up its position on every partition (the tests wait for it). */
    boolean following() {
        return inPosition.getCount() == 0;
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread == null) {
            return;
        }
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server starts taking requests (Boot starts it in a phase just below the default). */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    private void follow() {
        try (Consumer<String, byte[]> following = consumers.get()) {
            consumer = following;
            if (!running) {
                return;
            }
            while (running) {
                try {
                    if (following.assignment().isEmpty() && !takePosition(following)) {
                        Thread.sleep(RETRY.toMillis());
                        continue;
                    }
                    for (ConsumerRecord<String, byte[]> record : following.poll(POLL)) {
                        evict(record);
                    }
                } catch (WakeupException e) {
                    // stop() woke the poll; the loop ends as running is false
                } catch (KafkaException e) {
                    log.warn("Following {} failed, taking up position again: {}", Topics.API_KEY_CHANGES, e.toString());
                    following.unsubscribe();
                    Thread.sleep(RETRY.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Stopped following {}", Topics.API_KEY_CHANGES, e);
        }
    }

    /** Assigns every partition at its end; false when the topic cannot be seen yet. */
    private boolean takePosition(Consumer<String, byte[]> following) {
        List<PartitionInfo> partitions = following.partitionsFor(Topics.API_KEY_CHANGES, RETRY);
        if (partitions == null || partitions.isEmpty()) {
            log.warn("Topic {} not found; looking again in {}", Topics.API_KEY_CHANGES, RETRY);
            return false;
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                .toList();
        following.assign(assigned);
        following.seekToEnd(assigned);
        // position() resolves the end now, so that every change from here on is read
        Map<TopicPartition, Long> positions =
                assigned.stream().collect(Collectors.toMap(partition -> partition, following::position));
        cache.invalidateAll();
        inPosition.countDown();
        log.info("Following {} from {}", Topics.API_KEY_CHANGES, positions);
        return true;
    }

    private void evict(ConsumerRecord<String, byte[]> record) {
        String keyId;
        try {
            keyId = ApiKeyChange.fromBytes(record.value()).keyId();
        } catch (IllegalArgumentException e) {
            // the record key is the key id too: a value this version cannot read still names the key to forget
            keyId = record.key();
            log.warn(
                    "Unreadable change on {} at offset {}: {}",
                    Topics.API_KEY_CHANGES,
                    record.offset(),
                    e.getMessage());
        }
        if (keyId != null) {
            cache.invalidate(keyId);
        }
    }
}
