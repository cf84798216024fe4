package io.minxin.notice.duty;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.CaseEvent;
import io.minxin.events.EventFormatException;
import io.minxin.events.EventJson;
import io.minxin.events.UnitLogin;
import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.notice.kafka.InboundRecords;
import io.minxin.notice.notices.Notices;
import io.minxin.notice.units.UnitDirectory;
import io.minxin.servicekit.kafka.KafkaClientSettings;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Topic {@code unit-activity} (read_committed) → the duty ledger, its log-in watermark and its offsets; the ledger's
 * offsets against the topic's ends → the feed the check waits for; the scheduled duty check → 提示函.
 */
@Configuration(proxyBeanMethods = false)
class DutyConfig {
    private static final Logger log = LoggerFactory.getLogger(DutyConfig.class);

    @Bean
    DutyLedger dutyLedger(MongoDatabase database, UnitDirectory directory) {
        return new MongoDutyLedger(database, directory);
    }

    /**
     * Whether the ledger holds binding {@code unitActivity-in-0}'s topic to its end: the ledger's offsets against the
     * broker's ends, not the group's commits (KafkaLoginFeed says why).
     */
    @Bean
    LoginFeed loginFeed(
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${spring.cloud.stream.bindings.unitActivity-in-0.destination}") String topic,
            DutyLedger ledger,
            KafkaClientSettings kafka) {
        return new KafkaLoginFeed(brokers, topic, ledger, kafka.securityProperties());
    }

    @Bean
    DutyCheck dutyCheck(Clock clock, DutyLedger ledger, LoginFeed feed, DutySettings settings) {
        return new DutyCheck(clock, WorkingCalendar.china(), ledger, feed, settings.rules());
    }

    @Bean
    DutyJob dutyJob(DutyCheck check, Notices notices) {
        return new DutyJob(check, notices);
    }

    /** Input binding {@code unitActivity-in-0}: CloudEvents of type {@code minxin.unit.login}. */
    @Bean
    Consumer<Message<byte[]>> unitActivity(DutyLedger ledger, UnitDirectory directory, Clock clock) {
        return message -> {
            store(message, ledger, directory, clock);
            // every record, skipped or stored, and only after its store: the duty check's "caught up" compares these
            // offsets with the topic's ends, so a failed commit of the group's offsets cannot hold it back
            MessageHeaders headers = message.getHeaders();
            String topic = headers.get(KafkaHeaders.RECEIVED_TOPIC, String.class);
            Integer partition = headers.get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
            Long offset = headers.get(KafkaHeaders.OFFSET, Long.class);
            if (topic != null && partition != null && offset != null) {
                ledger.recordConsumed(topic, partition, offset + 1);
            }
        };
    }

    private static void store(Message<byte[]> message, DutyLedger ledger, UnitDirectory directory, Clock clock) {
        if (!(message.getPayload() instanceof byte[])) {
            return;
        }
        CaseEvent event;
        try {
            event = EventJson.fromBytes((byte[]) message.getPayload());
        } catch (EventFormatException e) {
            log.warn("Skipping unit-activity record {}: {}", InboundRecords.key(message), e.getMessage());
            return;
        }
        if (!(event.data() instanceof UnitLogin)) {
            return;
        }
        UnitLogin login = (UnitLogin) event.data();
        // a Kafka listener thread: the offset must not advance before the unit and its log-in are stored
        directory.remember(login.unitId(), null).block(InboundRecords.STORE_TIMEOUT);
        ledger.recordLogin(login.unitId(), login.occurredAt(), clock.instant());
    }

    /** Runs the duty check on a schedule; each run catches up on every due day. */
    static final class DutyJob {
        private final DutyCheck check;
        private final Notices notices;

        DutyJob(DutyCheck check, Notices notices) {
            this.check = check;
            this.notices = notices;
        }

        @Scheduled(
                fixedDelayString = "${minxin.notice.duty.check-interval:PT1M}",
                initialDelayString = "${minxin.notice.duty.initial-delay:PT10S}")
        void run() {
            // the @Scheduled thread: a day is marked checked only after its letters are stored
            check.run(letter -> notices.emit(letter).block(InboundRecords.STORE_TIMEOUT));
        }
    }
}
