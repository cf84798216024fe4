package io.minxin.notice.targets;

import io.minxin.events.Channel;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.UnitMetrics;
import io.minxin.notice.kafka.InboundRecords;
import io.minxin.notice.rankings.RankingStore;
import io.minxin.notice.units.UnitNameSettings;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Topics {@code unit-metrics} and {@code rankings} → target alerts. */
@Configuration(proxyBeanMethods = false)
class TargetConfig {
    private static final Logger log = LoggerFactory.getLogger(TargetConfig.class);

    @Bean
    TargetCheck targetCheck(TargetSettings settings, UnitNameSettings names, AssessmentPeriod periods) {
        return new TargetCheck(settings.thresholds(), names.unitNames(), periods);
    }

    /** Input binding {@code unitMetrics-in-0}. */
    @Bean
    Consumer<Message<byte[]>> unitMetrics(TargetAlerts alerts) {
        // a Kafka listener thread: the offset must not advance before the metrics and their alerts are stored
        return message -> InboundRecords.read(message, UnitMetrics.class)
                .ifPresent(value -> alerts.onMetrics(value).block(InboundRecords.STORE_TIMEOUT));
    }

    /**
     * Input binding {@code rankings-in-0}: any ranking revision of a period and channel (key {@code period|channel})
     * means the period is closed for that channel (read from the key alone). The revision is kept for the bulletin.
     * A live view of an open period (status {@code LIVE}, key {@code period|channel|LIVE}) is kept for the draft
     * bulletin and closes nothing.
     */
    @Bean
    Consumer<Message<byte[]>> rankings(TargetAlerts alerts, RankingStore rankingStore) {
        // a Kafka listener thread: the offset must not advance before the revision and the close are stored
        return message -> {
            Optional<RankingRevision> revision = InboundRecords.read(message, RankingRevision.class);
            revision.ifPresent(each -> rankingStore.save(each).block(InboundRecords.STORE_TIMEOUT));
            if (revision.filter(each -> each.status() == RevisionStatus.LIVE).isPresent()) {
                return;
            }
            String key = InboundRecords.key(message);
            int bar = key == null ? -1 : key.lastIndexOf('|');
            Channel channel = bar < 0 ? null : channel(key.substring(bar + 1));
            if (channel == null || !isPeriod(key.substring(0, bar))) {
                log.warn("Skipping a ranking record with key {}: not period|channel", key);
                return;
            }
            alerts.onClose(key.substring(0, bar), channel, TargetAlerts.CLOSED_BY_RANKING)
                    .block(InboundRecords.STORE_TIMEOUT);
        };
    }

    private static boolean isPeriod(String name) {
        try {
            AssessmentPeriod.parse(name);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
