package io.minxin.metrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.minxin.events.Channel;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.MetricsProperties;
import io.minxin.metrics.projection.MetricsStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class PeriodMetricsViewsTest {
    private static final UnitMetrics UNIT =
            new UnitMetrics("u1", "兴隆台街道", Channel.PHONE, "2020-09", new Counts(3, 2, 2, 1, 1, 0, 0, 0), 7);

    private final MetricsStore store = mock(MetricsStore.class);

    @Test
    void pollsWithinTheTtlReadThePeriodOnce() {
        stamps(Map.of("2020-09", "s1"));
        when(store.unitMetrics("2020-09")).thenReturn(Flux.just(UNIT));
        PeriodMetricsViews views = new PeriodMetricsViews(
                store, new MetricsProperties.Views(Duration.ofMinutes(1), Duration.ofMinutes(5)));

        for (int i = 0; i < 5; i++) {
            assertThat(views.of("2020-09").block()).containsExactly(UNIT);
        }

        verify(store, times(1)).unitMetrics("2020-09");
    }

    @Test
    void givenAZeroTtlWhenAPeriodIsReadTwiceWithTheSameStampThenItsMetricsAreReadOnce() {
        stamps(Map.of("2020-09", "s1"));
        when(store.unitMetrics("2020-09")).thenReturn(Flux.just(UNIT));
        PeriodMetricsViews views = uncached();

        List<UnitMetrics> first = views.of("2020-09").block();
        List<UnitMetrics> second = views.of("2020-09").block();

        assertThat(second).isSameAs(first).containsExactly(UNIT);
        verify(store, times(2)).unitMetricsStamps();
        verify(store, times(1)).unitMetrics("2020-09");
    }

    @Test
    void givenABatchWrittenSinceThePeriodWasReadWhenItIsReadThenItsNewMetricsAreAnswered() {
        stamps(Map.of("2020-09", "s1"));
        when(store.unitMetrics("2020-09")).thenReturn(Flux.just(UNIT));
        PeriodMetricsViews views = uncached();
        views.of("2020-09").block();

        UnitMetrics changed =
                new UnitMetrics("u1", "兴隆台街道", Channel.PHONE, "2020-09", new Counts(4, 3, 3, 1, 1, 0, 0, 0), 8);
        stamps(Map.of("2020-09", "s2"));
        when(store.unitMetrics("2020-09")).thenReturn(Flux.just(changed));

        assertThat(views.of("2020-09").block()).containsExactly(changed);
        verify(store, times(2)).unitMetrics("2020-09");
    }

    @Test
    void givenAnotherPeriodChangedWhenAClosedPeriodIsReadThenItIsNotReadAgain() {
        stamps(Map.of("2020-08", "a1", "2020-09", "s1"));
        when(store.unitMetrics("2020-08")).thenReturn(Flux.just(UNIT));
        PeriodMetricsViews views = uncached();
        views.of("2020-08").block();

        stamps(Map.of("2020-08", "a1", "2020-09", "s2"));
        views.of("2020-08").block();

        verify(store, times(1)).unitMetrics("2020-08");
    }

    @Test
    void givenAFailedReadWhenThePeriodIsReadAgainThenItIsReadAgain() {
        stamps(Map.of());
        when(store.unitMetrics("2020-09"))
                .thenReturn(Flux.error(new IllegalStateException("MongoDB down")))
                .thenReturn(Flux.just(UNIT));
        PeriodMetricsViews views = uncached();

        assertThatThrownBy(() -> views.of("2020-09").block()).hasMessageContaining("MongoDB down");
        assertThat(views.of("2020-09").block()).containsExactly(UNIT);
    }

    @Test
    void aPeriodWithoutDocumentsIsAnEmptyList() {
        stamps(Map.of());
        when(store.unitMetrics("2031-01")).thenReturn(Flux.empty());
        PeriodMetricsViews views = new PeriodMetricsViews(
                store, new MetricsProperties.Views(Duration.ofSeconds(1), Duration.ofSeconds(30)));

        assertThat(views.of("2031-01").block()).isEqualTo(List.of());
    }

    private PeriodMetricsViews uncached() {
        return new PeriodMetricsViews(store, new MetricsProperties.Views(Duration.ZERO, Duration.ZERO));
    }

    private void stamps(Map<String, String> stamps) {
        when(store.unitMetricsStamps()).thenReturn(Mono.just(stamps));
    }
}
