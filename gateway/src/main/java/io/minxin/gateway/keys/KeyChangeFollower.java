package io.minxin.gateway.keys;

import io.minxin.events.Topics;
import io.minxin.events.identity.ApiKeyChange;
import io.minxin.servicekit.kafka.TopicFollower;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows topic {@code api-key-changes} and drops each changed key from this instance's {@link KeyCache}, so a key
 * revoked on another gateway instance is refused here within a poll (milliseconds; the documented bound is 2 s).
 *
 * <p>It starts at the end, and each time it takes up its position (at start, and again after Kafka lost it) it
 * empties the cache, so that nothing cached before it was in position can outlive a change it did not see. When
 * Kafka is unreachable it keeps trying; a revocation then reaches this instance when its cached look-up expires
 * ({@code minxin.gateway.keys.cache-ttl}).
 */
final class KeyChangeFollower extends TopicFollower {
    private static final Logger log = LoggerFactory.getLogger(KeyChangeFollower.class);

    private final KeyCache cache;

    /**
     * @param startWait how long start-up waits for the follower to be in position before the gateway takes requests
     *     (start-up goes on without it when Kafka is not there)
     */
    KeyChangeFollower(Supplier<Consumer<String, byte[]>> consumers, KeyCache cache, Duration startWait) {
        super(Topics.API_KEY_CHANGES, consumers, startWait);
        this.cache = cache;
    }

    /** Whether the follower has taken up its position on every partition (the tests wait for it). */
    boolean following() {
        return isReady();
    }

    @Override
    protected void positioned(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        consumer.seekToEnd(partitions);
        // position() resolves the end now, so that every change from here on is read
        Map<TopicPartition, Long> positions =
                partitions.stream().collect(Collectors.toMap(partition -> partition, consumer::position));
        cache.invalidateAll();
        ready();
        log.info("Following {} from {}", Topics.API_KEY_CHANGES, positions);
    }

    @Override
    protected String notReadyMeanwhile() {
        return "until then a key revoked on another gateway instance is refused here when its cached look-up expires";
    }

    @Override
    protected void handle(ConsumerRecord<String, byte[]> record) {
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
