package io.minxin.ranking.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.minxin.events.Channel;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.ranking.engine.RankingEngine;
import io.minxin.ranking.engine.Units;
import io.minxin.ranking.live.PeriodChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The live ranking of an open period goes on rankings under its own key once per interval; a closed one never. */
class LivePublisherTest {
    private static final PeriodChannel WEB = new PeriodChannel("2020-09", Channel.WEB);
    private static final RankingRevision LIVE = Revisions.of(
            0,
            RevisionStatus.LIVE,
            RankingEngine.rank(Revisions.BY_COMPLETION, List.of(Units.counted("a", 10, 10, 10, 0, 0, 0, 0, 0))));
    private static final RankingRevision PUBLISHED = Revisions.of(
            1,
            RevisionStatus.PUBLISHED,
            RankingEngine.rank(Revisions.BY_COMPLETION, List.of(Units.counted("a", 10, 10, 10, 0, 0, 0, 0, 0))));

    private final RankingViews views = mock(RankingViews.class);
    private final RevisionPublisher publisher = mock(RevisionPublisher.class);

    @Test
    void givenChangedInputsOfAnOpenPeriodWhenTheIntervalComesThenItsLiveViewIsPutOnceUnderTheLiveKey() {
        when(views.fresh("2020-09", Channel.WEB)).thenReturn(Mono.just(LIVE));
        LivePublisher live = live(true);

        live.metricsChanged(Set.of(WEB));
        live.metricsChanged(Set.of(WEB));
        live.publishChanged();
        live.publishChanged();

        verify(publisher, times(1)).publishLive(LIVE);
        assertThat(LIVE.key()).isEqualTo("2020-09|WEB|LIVE").isEqualTo(RankingRevision.liveKey("2020-09", Channel.WEB));
    }

    @Test
    void givenAClosedPeriodWhenItsInputsChangeThenNothingIsPut() {
        when(views.fresh("2020-09", Channel.WEB)).thenReturn(Mono.just(PUBLISHED));
        LivePublisher live = live(true);

        live.metricsChanged(Set.of(WEB));
        live.publishChanged();

        verify(publisher, never()).publishLive(any());
    }

    @Test
    void givenARefusedPublicationThenTheRankingIsPutAtTheNextInterval() {
        when(views.fresh("2020-09", Channel.WEB)).thenReturn(Mono.just(LIVE));
        doThrow(new IllegalStateException("broker down"))
                .doNothing()
                .when(publisher)
                .publishLive(LIVE);
        LivePublisher live = live(true);

        live.metricsChanged(Set.of(WEB));
        live.publishChanged();
        live.publishChanged();

        verify(publisher, times(2)).publishLive(LIVE);
    }

    @Test
    void givenLiveRankingsOffThenNothingIsPut() {
        LivePublisher live = live(false);

        live.metricsChanged(Set.of(WEB));
        live.publishChanged();

        verify(views, never()).fresh(any(), any());
    }

    private LivePublisher live(boolean enabled) {
        return new LivePublisher(new LivePublisher.Settings(enabled, Duration.ofSeconds(10)), views, publisher);
    }
}
