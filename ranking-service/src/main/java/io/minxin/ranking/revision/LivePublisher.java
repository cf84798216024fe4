package io.minxin.ranking.revision;

import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.ranking.live.MetricsChangeListener;
import io.minxin.ranking.live.PeriodChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts the live ranking of each open period whose inputs changed on {@code rankings} (key {@code
 * period|channel|LIVE}), at most once per {@code interval} per ranking: notice-service's bulletin draft shows the
 * live ranking of a period before it is closed without ranking anything itself. A closed period has no live view
 * (its view is the published revision), so nothing is put for it.
 */
@Component
@EnableConfigurationProperties(LivePublisher.Settings.class)
class LivePublisher implements MetricsChangeListener {
    private static final Logger log = LoggerFactory.getLogger(LivePublisher.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * {@code minxin.ranking.live-rankings.*}.
     *
     * @param enabled whether live views are put on {@code rankings}
     * @param interval how often the changed rankings are put (a batch of unit-metrics changes them all at once)
     */
    @ConfigurationProperties("minxin.ranking.live-rankings")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("PT10S") Duration interval) {}

    private final Settings settings;
    private final RankingViews views;
    private final RevisionPublisher publisher;
    private final Set<PeriodChannel> changed = ConcurrentHashMap.newKeySet();

    LivePublisher(Settings settings, RankingViews views, RevisionPublisher publisher) {
        this.settings = settings;
        this.views = views;
        this.publisher = publisher;
    }

    @Override
    public void metricsChanged(Set<PeriodChannel> rankings) {
        if (settings.enabled()) {
            changed.addAll(rankings);
        }
    }

    @Scheduled(
            fixedDelayString = "${minxin.ranking.live-rankings.interval:PT10S}",
            initialDelayString = "${minxin.ranking.live-rankings.interval:PT10S}")
    void publishChanged() {
        for (PeriodChannel ranking : List.copyOf(changed)) {
            changed.remove(ranking);
            try {
                // the @Scheduled thread, never an event loop
                RankingRevision view =
                        views.fresh(ranking.period(), ranking.channel()).block(TIMEOUT);
                if (view != null && view.status() == RevisionStatus.LIVE) {
                    publisher.publishLive(view);
                }
            } catch (RuntimeException e) {
                changed.add(ranking);
                log.warn("Could not put the live ranking {}; retrying at the next interval", ranking, e);
            }
        }
    }
}
