package io.minxin.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.Channel;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.unitrates.UnitDay;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryViewsTest {
    private static UnitMetrics unit(String id, Channel channel, Counts counts) {
        return new UnitMetrics(id, "name of " + id, channel, "2020-09", counts, 1);
    }

    private static Counts received(long received, long concluded, long returns) {
        return new Counts(received, concluded, concluded, 0, 0, 0, returns, 0);
    }

    @Test
    void overviewSumsPerChannelAndCountsUnitsThatReceivedOrReturned() {
        List<UnitMetrics> metrics = List.of(
                unit("a", Channel.PHONE, received(4, 3, 0)),
                unit("a", Channel.WEB, received(2, 2, 0)),
                unit("b", Channel.WEB, received(0, 0, 1)),
                unit("c", Channel.WEB, Counts.NONE));

        Overview overview = Overview.of("2020-09", metrics);

        assertThat(overview.total().cases()).isEqualTo(6);
        assertThat(overview.total().units()).isEqualTo(2);
        assertThat(overview.total().rates().completionRate()).isEqualTo(5.0 / 6);
        assertThat(overview.channels().get(Channel.WEB).units()).isEqualTo(2);
        assertThat(overview.channels().get(Channel.PHONE).cases()).isEqualTo(4);
        assertThat(overview.total().rates().satisfactionRate()).isNull();
    }

    @Test
    void unitTableSortsByARateWithUnratedUnitsLastInBothOrders() {
        List<UnitMetrics> metrics = List.of(
                unit("half", Channel.PHONE, received(2, 1, 0)),
                unit("none", Channel.PHONE, received(0, 0, 1)),
                unit("full", Channel.PHONE, received(1, 1, 0)),
                unit("web", Channel.WEB, received(1, 0, 0)));

        UnitTable descending = UnitTable.of("2020-09", Channel.PHONE, "completionRate", "desc", metrics);
        UnitTable ascending = UnitTable.of("2020-09", Channel.PHONE, "completionRate", "asc", metrics);

        assertThat(descending.units()).extracting(UnitTable.Row::unitId).containsExactly("full", "half", "none");
        assertThat(ascending.units()).extracting(UnitTable.Row::unitId).containsExactly("half", "full", "none");
    }

    @Test
    void unitTableRefusesUnknownSortKeys() {
        assertThatThrownBy(() -> UnitTable.check("score", "desc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnitTable.check("received", "down")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rollingWindowCoversThirtyDaysEndingOnTheDay() {
        LocalDate first = LocalDate.of(2020, 9, 1);
        List<UnitDay> days = List.of(
                new UnitDay("a", null, Channel.PHONE, first, received(1, 1, 0), 1),
                new UnitDay("a", null, Channel.WEB, first.plusDays(29), received(1, 0, 0), 1));

        Series series = Series.of("a", null, first.plusDays(29), first.plusDays(30), days);

        Series.Point lastOfWindow = series.days().get(0);
        Series.Point afterWindow = series.days().get(1);
        assertThat(lastOfWindow.rolling().counts().received()).isEqualTo(2);
        assertThat(lastOfWindow.rolling().rates().completionRate()).isEqualTo(0.5);
        assertThat(lastOfWindow.day().counts().received()).isEqualTo(1);
        assertThat(afterWindow.rolling().counts().received()).isEqualTo(1);
        assertThat(afterWindow.day().rates().completionRate()).isNull();
    }

    @Test
    void seriesOfOneChannelLeavesTheOtherOut() {
        LocalDate day = LocalDate.of(2020, 9, 1);
        List<UnitDay> days = List.of(
                new UnitDay("a", null, Channel.PHONE, day, received(1, 1, 0), 1),
                new UnitDay("a", null, Channel.WEB, day, received(3, 0, 0), 1));

        Series series = Series.of("a", Channel.WEB, day, day, days);

        assertThat(series.days().get(0).day().counts().received()).isEqualTo(3);
    }

    @Test
    void givenHandlingCountsThenTheOverviewUnitTableAndSeriesAnswerTheReturnAndReopenRatesOfTheirSums() {
        LocalDate first = LocalDate.of(2020, 9, 1);
        Counts twoOfFourReturned = new Counts(3, 2, 2, 0, 0, 0, 3, 0, null, 4, 2, 1);
        Counts noneReturned = new Counts(2, 2, 2, 0, 0, 0, 0, 0, null, 2, 0, 0);
        List<UnitMetrics> metrics = List.of(
                unit("often", Channel.PHONE, twoOfFourReturned),
                unit("never", Channel.PHONE, noneReturned),
                unit("charged", Channel.PHONE, new Counts(0, 0, 0, 0, 0, 0, 0, 1)));

        Overview overview = Overview.of("2020-09", metrics);
        UnitTable table = UnitTable.of("2020-09", Channel.PHONE, "returnRate", "desc", metrics);
        Series series = Series.of(
                "often",
                null,
                first.plusDays(1),
                first.plusDays(1),
                List.of(
                        new UnitDay("often", null, Channel.PHONE, first, twoOfFourReturned, 1),
                        new UnitDay("often", null, Channel.WEB, first.plusDays(1), noneReturned, 1)));

        assertThat(overview.total().rates().returnRate()).isEqualTo(2.0 / 6);
        assertThat(overview.total().rates().reopenRate()).isEqualTo(1.0 / 4);
        assertThat(table.units()).extracting(UnitTable.Row::unitId).containsExactly("often", "never", "charged");
        assertThat(table.units().get(0).rates().returnRate()).isEqualTo(0.5);
        assertThat(table.units().get(2).rates().returnRate()).isNull();
        assertThat(UnitTable.of("2020-09", Channel.PHONE, "reopened", "desc", metrics)
                        .units()
                        .get(0)
                        .unitId())
                .isEqualTo("often");
        Series.Point day = series.days().get(0);
        assertThat(day.day().rates().returnRate()).isEqualTo(0.0);
        assertThat(day.rolling().rates().returnRate()).isEqualTo(2.0 / 6);
        assertThat(day.rolling().rates().reopenRate()).isEqualTo(1.0 / 4);
    }

    @Test
    void overviewMonthsRangeIsEveryMonthOldestFirstAndRefusesReversedOrLongerThanTwoYears() {
        assertThat(OverviewMonths.range(YearMonth.of(2019, 11), YearMonth.of(2020, 2)))
                .containsExactly(
                        YearMonth.of(2019, 11), YearMonth.of(2019, 12), YearMonth.of(2020, 1), YearMonth.of(2020, 2));
        assertThat(OverviewMonths.range(YearMonth.of(2018, 10), YearMonth.of(2020, 9)))
                .hasSize(OverviewMonths.MAX_MONTHS);

        assertThatThrownBy(() -> OverviewMonths.range(YearMonth.of(2020, 9), YearMonth.of(2020, 8)))
                .isInstanceOf(InvalidQuery.class)
                .hasMessageContaining("from");
        assertThatThrownBy(() -> OverviewMonths.range(YearMonth.of(2018, 9), YearMonth.of(2020, 9)))
                .isInstanceOf(InvalidQuery.class)
                .hasMessageContaining("at most 24 months");
    }
}
