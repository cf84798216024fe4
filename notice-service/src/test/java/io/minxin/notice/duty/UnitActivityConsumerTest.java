package io.minxin.notice.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import io.minxin.events.UnitLogin;
import io.minxin.events.UnitRegistered;
import io.minxin.notice.mongo.InMemoryMongo;
import io.minxin.notice.units.UnitDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The unit-activity consumer takes log-ins and leaves a unit's other events (issue 18's registration) alone; it
 * records how far it has consumed every partition, whatever the record held.
 */
class UnitActivityConsumerTest {
    private static final Instant AT = Instant.parse("2020-09-01T01:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final Clock clock = Clock.fixed(Instant.parse("2020-09-02T00:00:00Z"), ZoneOffset.UTC);

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void givenAUnitRegistrationAndALoginOnUnitActivityThenOnlyTheLoginReachesTheLedgerAndTheDirectory() {
        InMemoryDutyLedger ledger = new InMemoryDutyLedger();
        UnitDirectory directory = new UnitDirectory(mongo.database(), clock);
        Consumer<Message<byte[]>> consumer = new DutyConfig().unitActivity(ledger, directory, clock);

        consumer.accept(message(CaseEvent.of("r1", "/p", new UnitRegistered("dw-sw", "大洼区水务局", "211104", "大洼区", AT))));
        consumer.accept(message(CaseEvent.of("l1", "/p", new UnitLogin("xlt-huibin", AT))));

        assertThat(ledger.firstLogins).containsOnlyKeys("xlt-huibin|2020-09-01");
        assertThat(ledger.loginProgress().watermark()).isEqualTo(AT);
        assertThat(directory.knownUnitIds()).containsExactly("xlt-huibin");
    }

    @Test
    void givenRecordsOfEveryKindThenTheLedgerRecordsTheNextOffsetOfEachPartition() {
        InMemoryDutyLedger ledger = new InMemoryDutyLedger();
        Consumer<Message<byte[]>> consumer =
                new DutyConfig().unitActivity(ledger, new UnitDirectory(mongo.database(), clock), clock);

        consumer.accept(fromPartition(0, 4, EventJson.toBytes(CaseEvent.of("l1", "/p", new UnitLogin("u", AT)))));
        consumer.accept(fromPartition(
                0, 6, EventJson.toBytes(CaseEvent.of("r1", "/p", new UnitRegistered("v", "单位", "211104", "大洼区", AT)))));
        consumer.accept(fromPartition(1, 2, "not an event".getBytes(StandardCharsets.UTF_8)));

        assertThat(ledger.consumedOffsets("unit-activity")).containsOnly(Map.entry(0, 7L), Map.entry(1, 3L));
    }

    @Test
    void givenALoginTheLedgerCannotStoreThenItsOffsetIsNotRecorded() {
        InMemoryDutyLedger ledger = new InMemoryDutyLedger() {
            @Override
            public void recordLogin(String unitId, Instant at, Instant consumedAt) {
                throw new IllegalStateException("MongoDB unreachable");
            }
        };
        Consumer<Message<byte[]>> consumer =
                new DutyConfig().unitActivity(ledger, new UnitDirectory(mongo.database(), clock), clock);

        assertThatThrownBy(() -> consumer.accept(
                        fromPartition(0, 4, EventJson.toBytes(CaseEvent.of("l1", "/p", new UnitLogin("u", AT))))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(ledger.consumedOffsets("unit-activity")).isEmpty();
    }

    private static Message<byte[]> message(CaseEvent event) {
        return MessageBuilder.withPayload(EventJson.toBytes(event)).build();
    }

    /** A record as the binder hands it over: with its topic, partition and offset. */
    private static Message<byte[]> fromPartition(int partition, long offset, byte[] payload) {
        return MessageBuilder.withPayload(payload)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, "unit-activity")
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, partition)
                .setHeader(KafkaHeaders.OFFSET, offset)
                .build();
    }
}
