package io.minxin.ranking.revision;

import io.minxin.events.state.AssessmentPeriod;
import io.minxin.ranking.live.LiveMetricsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes every period with metrics that is still open {@code closeAfterDays} after its end.
 *
 * <p>Every instance runs it; no leader is elected. A close is idempotent at its root: the period's document and
 * each channel's revision 1 are inserted under deterministic ids (the second insert finds the first), and revision
 * 1 is published as of its freezing, so two instances closing at once publish the same record. A period counts
 * as closed only once revision 1 of every channel is published: an instance killed between the close's writes
 * leaves a period that the next check, of any instance, finishes.
 */
@Component
@EnableConfigurationProperties(AutoCloser.Settings.class)
class AutoCloser {
    private static final Logger log = LoggerFactory.getLogger(AutoCloser.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * {@code minxin.ranking.auto-close.*}.
     *
     * @param enabled whether periods are closed automatically (off: operators close them)
     * @param closeAfterDays calendar days after a period's end
     * @param checkInterval how often open periods are checked
     */
    @ConfigurationProperties("minxin.ranking.auto-close")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5") int closeAfterDays,
            @DefaultValue("PT15M") Duration checkInterval) {}

    private final Settings settings;
    private final AssessmentPeriod calendar;
    private final LiveMetricsStore live;
    private final RevisionStore revisions;
    private final RevisionKeeper keeper;
    private final Clock clock;

    AutoCloser(
            Settings settings,
            AssessmentPeriod calendar,
            LiveMetricsStore live,
            RevisionStore revisions,
            RevisionKeeper keeper,
            Clock clock) {
        this.settings = settings;
        this.calendar = calendar;
        this.live = live;
        this.revisions = revisions;
        this.keeper = keeper;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${minxin.ranking.auto-close.check-interval:PT15M}",
            initialDelayString = "${minxin.ranking.auto-close.check-interval:PT15M}")
    void closeDuePeriods() {
        if (!settings.enabled()) {
            return;
        }
        for (String period : due(clock.instant())) {
            try {
                close(period);
            } catch (RuntimeException e) {
                log.warn("Could not close period {} automatically; retrying at the next check", period, e);
            }
        }
    }

    void close(String period) {
        keeper.close(period, "auto");
        log.info("Closed period {} automatically, {} days after its end", period, settings.closeAfterDays());
    }

    /**
     * The periods with metrics whose closing time has come and whose close is not complete (not closed, or closed
     * without revision 1 of every channel published), oldest first.
     */
    List<String> due(Instant now) {
        // the @Scheduled thread of closeDuePeriods, which goes on to close the due periods one by one
        Set<String> closed =
                Set.copyOf(revisions.periodsPublishedAtClose().collectList().block(TIMEOUT));
        return live.periods()
                .filter(period -> !closed.contains(period))
                .filter(period -> !now.isBefore(closesAt(period)))
                .sort()
                .collectList()
                .block(TIMEOUT);
    }

    Instant closesAt(String period) {
        return calendar.end(AssessmentPeriod.parse(period)).plus(Duration.ofDays(settings.closeAfterDays()));
    }
}
