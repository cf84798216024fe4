package io.minxin.metrics.api;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class PeriodMetricsViewsTest {
    private static final UnitMetrics UNIT =
            new UnitMetrics("u1", "兴隆台街道", Channel.PHONE, "2020-09", new Counts(3, 2, 2, 1, 1, 0, 0, 0), 7);

    private final MetricsStore store = mock(MetricsStore.class);

    @Test
    void pollsWithinTheTtlReadThePeriodOnce() {
        when(store.unitMetrics("2020-09")).thenReturn(Flux.just(UNIT));
        PeriodMetricsViews views = new PeriodMetricsViews(
                store, new MetricsProperties.Views(Duration.ofMinutes(1), Duration.ofMinutes(5)));

        for (int i = 0; i < 5; i++) {
            assertThat(views.of("2020-09").block()).containsExactly(UNIT);
        }

        verify(store, times(1)).unitMetrics("2020-09");
    }

    @Test
    void aZeroTtlReadsEveryTime() {
        when(store.unitMetrics("2020-09")).thenReturn(Flux.just(UNIT));
        PeriodMetricsViews views =
                new PeriodMetricsViews(store, new MetricsProperties.Views(Duration.ZERO, Duration.ZERO));

        views.of("2020-09").block();
        views.of("2020-09").block();

        verify(store, times(2)).unitMetrics("2020-09");
    }

    @Test
    void aPeriodWithoutDocumentsIsAnEmptyList() {
        when(store.unitMetrics("2031-01")).thenReturn(Flux.empty());
        PeriodMetricsViews views = new PeriodMetricsViews(
                store, new MetricsProperties.Views(Duration.ofSeconds(1), Duration.ofSeconds(30)));

        assertThat(views.of("2031-01").block()).isEqualTo(List.of());
    }
}
