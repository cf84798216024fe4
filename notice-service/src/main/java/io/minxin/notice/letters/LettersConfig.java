package io.minxin.notice.letters;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.notice.bulletin.BulletinProperties;
import io.minxin.notice.decisions.DecisionLog;
import io.minxin.notice.notices.Notices;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.scope.UnitAccess;
import java.time.Duration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The 提示函 as documents: their acknowledgements (a decision projection), composer and service. */
@Configuration(proxyBeanMethods = false)
class LettersConfig {
    @Bean
    Acknowledgements acknowledgements(MongoDatabase database) {
        return new Acknowledgements(database);
    }

    @Bean
    Letters letters(
            Notices notices,
            Acknowledgements acknowledgements,
            BulletinProperties bulletin,
            LetterSettings settings,
            DecisionLog decisions,
            AuditTrail audit,
            UnitAccess access) {
        return new Letters(
                notices, acknowledgements, new LetterComposer(bulletin.issuer(), settings), decisions, audit, access);
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes(ApplicationReadyEvent event) {
        // start-up, on the main thread: the index exists before the service reports ready
        event.getApplicationContext()
                .getBean(Acknowledgements.class)
                .ensureIndexes()
                .block(Duration.ofSeconds(30));
    }
}
