package io.minxin.notice.duty;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import io.minxin.events.UnitLogin;
import io.minxin.events.UnitRegistered;
import io.minxin.notice.mongo.InMemoryMongo;
import io.minxin.notice.units.UnitDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** The unit-activity consumer takes log-ins and leaves a unit's other events (issue 18's registration) alone. */
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

    private static Message<byte[]> message(CaseEvent event) {
        return MessageBuilder.withPayload(EventJson.toBytes(event)).build();
    }
}
