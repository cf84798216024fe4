package io.minxin.notice.targets;

import io.minxin.events.Channel;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.UnitMetrics;
import io.minxin.notice.notices.Notices;
import io.minxin.notice.units.UnitDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Target alerts from {@code unit-metrics}: forecasts while a period is open, missed targets once it is closed
 * (by a ranking revision for it, or {@code closeAfterDays} after its end).
 */
@Service
class TargetAlerts {
    private static final Logger log = LoggerFactory.getLogger(TargetAlerts.class);
    static final String CLOSED_BY_RANKING = "ranking-revision";
    static final String CLOSED_BY_SCHEDULE = "schedule";

    private final TargetCheck check;
    private final UnitMetricsStore metrics;
    private final PeriodCloseStore closes;
    private final UnitDirectory directory;
    private final Notices notices;
    private final AssessmentPeriod periods;
    private final TargetSettings settings;
    private final Clock clock;

    TargetAlerts(
            TargetCheck check,
            UnitMetricsStore metrics,
            PeriodCloseStore closes,
            UnitDirectory directory,
            Notices notices,
            AssessmentPeriod periods,
            TargetSettings settings,
            Clock clock) {
        this.check = check;
        this.metrics = metrics;
        this.closes = closes;
        this.directory = directory;
        this.notices = notices;
        this.periods = periods;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A closed period is judged again (a late revision); an open one is forecast only while it runs, so a replay
     * of old months raises no warnings, and a period that ended waits for its close.
     */
    Mono<Void> onMetrics(UnitMetrics value) {
        return directory
                .remember(value.unitId(), value.unitName())
                .then(metrics.save(value))
                .filter(Boolean::booleanValue)
                .flatMap(newest -> closes.isClosed(value.period(), value.channel()))
                .flatMap(closed -> {
                    Instant now = clock.instant();
                    if (closed) {
                        return notices.emitAll(check.missedAtClose(value));
                    }
                    boolean running = now.isBefore(periods.end(YearMonth.parse(value.period())));
                    return running ? notices.emitAll(check.forecast(value, now)) : Mono.just(0L);
                })
                .then();
    }

    /** Judges every unit of the closed period and channel; running it again raises nothing new. */
    Mono<Void> onClose(String period, Channel channel, String closedBy) {
        return closes.markClosed(period, channel, closedBy)
                .thenMany(metrics.byPeriod(period, channel))
                .concatMap(unit -> notices.emitAll(check.missedAtClose(unit)))
                .then();
    }

    /** Closes the periods that no ranking revision closed within {@code closeAfterDays} after their end. */
    @Scheduled(fixedDelayString = "${minxin.notice.targets.close-check-interval:PT1H}", initialDelayString = "PT1M")
    void closeOverduePeriods() {
        if (settings.closeAfterDays() <= 0) {
            return;
        }
        Instant now = clock.instant();
        metrics.periodsAndChannels()
                .filter(key -> overdue(key.substring(0, key.indexOf('|')), now))
                .concatMap(key -> {
                    String period = key.substring(0, key.indexOf('|'));
                    Channel channel = Channel.valueOf(key.substring(key.indexOf('|') + 1));
                    return closes.isClosed(period, channel)
                            .filter(closed -> !closed)
                            .flatMap(open -> {
                                log.info(
                                        "Closing {} {} {} days after its end",
                                        period,
                                        channel,
                                        settings.closeAfterDays());
                                return onClose(period, channel, CLOSED_BY_SCHEDULE);
                            });
                })
                .then()
                // the @Scheduled thread: with a fixed delay the next check starts only after this one has finished
                .block();
    }

    private boolean overdue(String period, Instant now) {
        Instant end = periods.end(YearMonth.parse(period));
        return !now.isBefore(end.plus(settings.closeAfterDays(), ChronoUnit.DAYS));
    }
}
