package io.minxin.ranking.revision;

import static io.minxin.ranking.engine.Units.counted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.minxin.events.Channel;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RankingRow;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.ranking.engine.RankingEngine;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.live.LiveMetricsStore;
import io.minxin.ranking.policy.Policies;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
    private final LiveMetricsStore live = mock(LiveMetricsStore.class);
    private final Policies policies = mock(Policies.class);
    private final RankingViews views = new RankingViews(
            revisions,
            live,
            policies,
            Clock.systemUTC(),
            new ViewCacheSettings(Duration.ofMinutes(1), Duration.ofMinutes(30), 1000));
    /** Every request reads the store, so each one asks whether the live ranking must be ranked again. */
    private final RankingViews uncached = new RankingViews(
            revisions, live, policies, Clock.systemUTC(), new ViewCacheSettings(Duration.ZERO, Duration.ZERO, 1000));

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
        when(revisions.list("2020-09", Channel.WEB)).thenReturn(Flux.just(FIRST));

        uncached.current("2020-09", Channel.WEB).block();
        uncached.current("2020-09", Channel.WEB).block();

        verify(revisions, times(2)).list("2020-09", Channel.WEB);
    }

    @Test
    void givenAnOpenPeriodWhoseUnitMetricsDidNotChangeWhenItsViewIsReadAgainThenItIsNotRankedAgain() {
        openPeriodWithUnitA();

        RankingRevision first = uncached.current("2020-09", Channel.WEB).block();
        RankingRevision second = uncached.current("2020-09", Channel.WEB).block();

        assertThat(second).isSameAs(first);
        assertThat(second.status()).isEqualTo(RevisionStatus.LIVE);
        verify(live, times(2)).stamp("2020-09", Channel.WEB);
        verify(live, times(1)).units("2020-09", Channel.WEB);
    }

    @Test
    void givenUnitMetricsStoredSinceTheLastRankingWhenTheViewIsReadThenItIsRankedFromTheNewUnits() {
        openPeriodWithUnitA();
        uncached.current("2020-09", Channel.WEB).block();

        // another instance (or this one) stored a batch of the period: its stamp changed
        when(live.stamp("2020-09", Channel.WEB)).thenReturn(Mono.just("c4"));
        when(live.units("2020-09", Channel.WEB))
                .thenReturn(
                        Flux.just(counted("a", 10, 10, 10, 0, 0, 0, 0, 0), counted("b", 10, 10, 10, 0, 0, 0, 0, 0)));

        assertThat(uncached.current("2020-09", Channel.WEB).block().rows())
                .extracting(RankingRow::unitId)
                .containsExactlyInAnyOrder("a", "b");
        verify(live, times(2)).units("2020-09", Channel.WEB);
    }

    @Test
    void givenANewPolicyVersionWhenTheViewIsReadThenTheUnchangedUnitsAreRankedAgainUnderIt() {
        openPeriodWithUnitA();
        uncached.current("2020-09", Channel.WEB).block();

        openPeriod(Revisions.WITH_LISTS);

        assertThat(uncached.current("2020-09", Channel.WEB).block().policy()).isEqualTo(Revisions.WITH_LISTS.ref());
        verify(live, times(2)).units("2020-09", Channel.WEB);
    }

    @Test
    void givenACachedLiveViewWhenItsTtlPassesWithTheSameInputsThenTheRefreshAnswersTheSameRanking() {
        RankingViews refreshing = new RankingViews(
                revisions,
                live,
                policies,
                Clock.systemUTC(),
                new ViewCacheSettings(Duration.ofMillis(1), Duration.ofMinutes(30), 1000));
        openPeriodWithUnitA();
        RankingRevision first = refreshing.current("2020-09", Channel.WEB).block();

        // each read after the ttl starts a refresh, which reads the stamp again and finds it unchanged
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(refreshing.current("2020-09", Channel.WEB).block()).isSameAs(first);
            verify(live, atLeast(3)).stamp("2020-09", Channel.WEB);
        });
        verify(live, times(1)).units("2020-09", Channel.WEB);
    }

    /** The open period 2020-09 under {@link Revisions#BY_COMPLETION}, its web inputs unit a under stamp c3. */
    private void openPeriodWithUnitA() {
        openPeriod(Revisions.BY_COMPLETION);
        when(live.stamp("2020-09", Channel.WEB)).thenReturn(Mono.just("c3"));
        when(live.units("2020-09", Channel.WEB)).thenReturn(Flux.just(counted("a", 10, 10, 10, 0, 0, 0, 0, 0)));
    }

    private void openPeriod(RankingPolicy policy) {
        when(revisions.list("2020-09", Channel.WEB)).thenReturn(Flux.empty());
        when(policies.effective(Channel.WEB, "2020-09")).thenReturn(Mono.just(policy));
    }
}
