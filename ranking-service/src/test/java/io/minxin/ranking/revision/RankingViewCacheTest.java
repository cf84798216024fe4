package io.minxin.ranking.revision;

import static io.minxin.ranking.engine.Units.counted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.minxin.events.Channel;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.ranking.engine.RankingEngine;
import io.minxin.ranking.live.LiveMetricsStore;
import io.minxin.ranking.policy.Policies;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class RankingViewCacheTest {
    private static final RankingRevision FIRST = Revisions.of(
            1,
            RevisionStatus.PUBLISHED,
            RankingEngine.rank(Revisions.BY_COMPLETION, List.of(counted("a", 10, 10, 10, 0, 0, 0, 0, 0))));
    private static final RankingRevision SECOND = Revisions.of(
            2,
            RevisionStatus.PUBLISHED,
            RankingEngine.rank(Revisions.BY_COMPLETION, List.of(counted("b", 10, 10, 10, 0, 0, 0, 0, 0))));

    private final RevisionStore revisions = mock(RevisionStore.class);
    private final Policies policies = mock(Policies.class);
    private final RankingViews views = new RankingViews(
            revisions,
            mock(LiveMetricsStore.class),
            policies,
            Clock.systemUTC(),
            new ViewCacheSettings(Duration.ofMinutes(1), Duration.ofMinutes(30), 1000));

    @Test
    void repeatedReadsWithinTheTtlReadTheStoreOnce() {
        when(revisions.list("2020-09", Channel.WEB)).thenReturn(Flux.just(FIRST));

        for (int i = 0; i < 5; i++) {
            assertThat(views.current("2020-09", Channel.WEB).block()).isEqualTo(FIRST);
        }

        verify(revisions, times(1)).list("2020-09", Channel.WEB);
    }

    @Test
    void aRevisionWrittenThroughThisInstanceIsServedAtOnce() {
        when(revisions.list("2020-09", Channel.WEB)).thenReturn(Flux.just(FIRST));
        views.current("2020-09", Channel.WEB).block();

        when(revisions.writes()).thenReturn(1L);
        when(revisions.list("2020-09", Channel.WEB)).thenReturn(Flux.just(FIRST, SECOND));

        assertThat(views.current("2020-09", Channel.WEB).block()).isEqualTo(SECOND);
    }

    @Test
    void aZeroTtlReadsTheStoreEveryTime() {
        RankingViews uncached = new RankingViews(
                revisions,
                mock(LiveMetricsStore.class),
                policies,
                Clock.systemUTC(),
                new ViewCacheSettings(Duration.ZERO, Duration.ZERO, 1000));
        when(revisions.list("2020-09", Channel.WEB)).thenReturn(Flux.just(FIRST));

        uncached.current("2020-09", Channel.WEB).block();
        uncached.current("2020-09", Channel.WEB).block();

        verify(revisions, times(2)).list("2020-09", Channel.WEB);
    }
}
