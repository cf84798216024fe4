package io.minxin.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.events.Topics;
import io.minxin.events.identity.ApiKeyChange;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyChangeFollowerTest {
    private static final TopicPartition PARTITION = new TopicPartition(Topics.API_KEY_CHANGES, 0);
    private static final long END = 5;
    private static final ApiKey KEY =
            new ApiKey("k1", "test", Set.of(Role.DASHBOARD), Scope.ALL, "00", Instant.EPOCH, null, false);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("latest");
    private final KeyCache cache = new KeyCache(Duration.ofMinutes(5), 100, System::nanoTime);
    private final KeyChangeFollower follower = new KeyChangeFollower(() -> consumer, cache, Duration.ofSeconds(5));

    @BeforeEach
    void topicWithFiveChangesBefore() {
        consumer.updatePartitions(
                Topics.API_KEY_CHANGES, List.of(new PartitionInfo(Topics.API_KEY_CHANGES, 0, null, null, null)));
        consumer.updateEndOffsets(Map.of(PARTITION, END));
    }

    @AfterEach
    void stop() {
        follower.stop();
    }

    @Test
    void givenLookUpsCachedBeforeStartWhenTheFollowerTakesUpItsPositionThenTheyAreForgotten() {
        cache.put("cached-before", KEY);

        follower.start();

        assertThat(follower.following()).isTrue();
        assertThat(cache.get("cached-before")).isNull();
        assertThat(consumer.position(PARTITION)).isEqualTo(END);
    }

    @Test
    void givenAKeyRevokedOnAnotherInstanceWhenItsChangeArrivesThenOnlyThatKeyIsForgotten() {
        follower.start();
        cache.put("k1", KEY);
        cache.put("k2", KEY);

        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(
                Topics.API_KEY_CHANGES,
                0,
                END,
                "k1",
                new ApiKeyChange("k1", ApiKeyChange.Change.REVOKED, Instant.now()).toBytes())));

        await().atMost(Duration.ofSeconds(2)).until(() -> cache.get("k1") == null);
        assertThat(cache.get("k2")).isNotNull();
    }

    @Test
    void givenAChangeThisVersionCannotReadWhenItArrivesThenTheKeyOfTheRecordIsForgotten() {
        follower.start();
        cache.put("k1", KEY);

        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(
                Topics.API_KEY_CHANGES, 0, END, "k1", "{\"v\":2}".getBytes(StandardCharsets.UTF_8))));

        await().atMost(Duration.ofSeconds(2)).until(() -> cache.get("k1") == null);
    }
}
