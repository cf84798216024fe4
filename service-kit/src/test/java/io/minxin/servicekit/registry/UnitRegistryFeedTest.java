package io.minxin.servicekit.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import io.minxin.events.UnitLogin;
import io.minxin.events.UnitRegistered;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnitRegistryFeedTest {
    private static final TopicPartition PARTITION = new TopicPartition(Topics.UNIT_ACTIVITY, 0);
    private static final Instant JAN = Instant.parse("2020-01-01T00:00:00Z");

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final UnitRegistry registry = new UnitRegistry(Clock.fixed(JAN, ZoneOffset.UTC));
    private final UnitRegistryFeed feed = new UnitRegistryFeed(() -> consumer, registry, Duration.ofSeconds(5));

    @BeforeEach
    void topicWithALogInARegistrationAndAnUnreadableRecord() {
        consumer.updatePartitions(
                Topics.UNIT_ACTIVITY, List.of(new PartitionInfo(Topics.UNIT_ACTIVITY, 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, 3L));
        consumer.schedulePollTask(() -> {
            consumer.addRecord(record(0, EventJson.toBytes(CaseEvent.of("l1", "/p", new UnitLogin("xlt-cicai", JAN)))));
            consumer.addRecord(record(1, "{not json".getBytes(StandardCharsets.UTF_8)));
            consumer.addRecord(record(
                    2,
                    EventJson.toBytes(
                            CaseEvent.of("r1", "/p", new UnitRegistered("xlt-cicai", "财政局", "211103", "兴隆台区", JAN)))));
        });
    }

    @AfterEach
    void stop() {
        feed.stop();
    }

    @Test
    void givenRegistrationsOnTheTopicWhenTheFeedStartsThenStartUpWaitsUntilTheRegistryHoldsThem() {
        feed.start();

        assertThat(feed.isReady()).isTrue();
        assertThat(registry.of("xlt-cicai", JAN)).isEqualTo("211103");
        assertThat(registry.units())
                .as("the log-in and the unreadable record add no unit")
                .isEqualTo(1);
    }

    @Test
    void givenTheFeedCaughtUpThenTheGaugesSayHowManyUnitsAndThatItIsReady() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new UnitRegistryConfiguration().unitRegistryMetrics(registry, feed).bindTo(meters);
        assertThat(meters.get("minxin.unit.registry.ready").gauge().value()).isZero();

        feed.start();

        assertThat(meters.get("minxin.unit.registry.ready").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("minxin.unit.registry.units").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void givenARegistrationArrivingLaterWhenItIsReadThenItSupersedesTheEarlierOne() {
        feed.start();
        Instant june = Instant.parse("2020-06-01T00:00:00Z");

        consumer.schedulePollTask(() -> consumer.addRecord(record(
                3,
                EventJson.toBytes(
                        CaseEvent.of("r2", "/p", new UnitRegistered("xlt-cicai", "财政局", "211102", "双台子区", june))))));

        await().atMost(Duration.ofSeconds(2)).until(() -> "211102".equals(registry.of("xlt-cicai", june)));
        assertThat(registry.of("xlt-cicai", JAN)).isEqualTo("211103");
    }

    private static ConsumerRecord<String, byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>(Topics.UNIT_ACTIVITY, 0, offset, "xlt-cicai", value);
    }
}
