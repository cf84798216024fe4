package io.minxin.notice.pushback;

import io.minxin.events.state.CaseState;
import io.minxin.notice.kafka.InboundRecords;
import io.minxin.notice.notices.Notices;
import io.minxin.notice.units.UnitNameSettings;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Topic {@code case-state} → 推诿 alerts and confirmed 推诿. */
@Configuration(proxyBeanMethods = false)
class PushbackConfig {
    @Bean
    PushbackDetector pushbackDetector(PushbackSettings settings, UnitNameSettings names) {
        return new PushbackDetector(settings.unitReturns(), settings.caseReturns(), names.unitNames());
    }

    /** Input binding {@code caseState-in-0}; a failure is retried by the binder, the offset waits for it. */
    @Bean
    Consumer<Message<byte[]>> caseState(PushbackDetector detector, Notices notices) {
        return message -> InboundRecords.read(message, CaseState.class)
                .map(detector::examine)
                .filter(found -> !found.isEmpty())
                .ifPresent(found -> notices.emitAll(found).block(InboundRecords.STORE_TIMEOUT));
    }
}
