package io.minxin.console.unit;

import io.minxin.console.api.ChannelRanking;
import io.minxin.console.api.UnitRow;
import io.minxin.console.web.TrendChart;
import io.minxin.events.Channel;
import io.minxin.events.notice.Notice;
import io.minxin.events.ranking.NotEligibleUnit;
import io.minxin.events.ranking.RankingRow;
import io.minxin.events.state.Rates;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What the unit's page shows: its rows of the month per channel with their rank and the change since the previous
 * month, the trend of each channel's rates over the 12 months ending with the month, and its notices of the month.
 *
 * @param months the 12 months, oldest first; the last is the page's month
 * @param rankings both channels' rankings of the month
 * @param notices newest first
 */
public record UnitPage(String unitId, List<UnitMonth> months, List<ChannelRanking> rankings, List<Notice> notices) {

    public UnitMonth current() {
        return months.get(months.size() - 1);
    }

    public UnitMonth previous() {
        return months.get(months.size() - 2);
    }

    /** The unit's name as the APIs give it (this month's rows first), else its id. */
    public String name() {
        Stream<String> fromRows = IntStream.range(0, months.size())
                .mapToObj(back -> months.get(months.size() - 1 - back))
                .flatMap(month -> month.rows().stream())
                .map(UnitRow::unitName);
        Stream<String> fromRankings = rankings.stream()
                .map(ranking -> ranking.rowOf(unitId).map(RankingRow::unitName).orElse(null));
        Stream<String> fromNotices = notices.stream().map(Notice::unitName);
        return Stream.of(fromRows, fromRankings, fromNotices)
                .flatMap(names -> names)
                .filter(name -> name != null && !name.isBlank())
                .findFirst()
                .orElse(unitId);
    }

    /** Whether the unit has figures in the month. */
    public boolean hasRows() {
        return !current().rows().isEmpty();
    }

    /** Each channel the unit has figures in this month. */
    public List<ChannelMonth> channels() {
        return rankings.stream()
                .map(ranking -> new ChannelMonth(
                        ranking,
                        current().row(ranking.channel()),
                        previous().row(ranking.channel()),
                        ranking.rowOf(unitId).orElse(null),
                        ranking.notEligibleOf(unitId).orElse(null)))
                .filter(channel -> channel.row() != null)
                .toList();
    }

    /** Whether a channel has figures in any of the 12 months: without any there is no chart to draw. */
    public boolean trendHasData(Channel channel) {
        return months.stream().map(month -> month.rates(channel)).anyMatch(Objects::nonNull);
    }

    /** The channel's trend chart ({@link TrendChart}); a month without the unit's row is a gap. */
    public String trendJson(Channel channel) {
        return TrendChart.json(
                months.stream().map(UnitMonth::month).toList(),
                months.stream().map(month -> month.rates(channel)).toList());
    }

    /** The channels with figures in any of the 12 months, each drawn as a chart of its own. */
    public List<ChannelRanking> trendChannels() {
        return rankings.stream()
                .filter(ranking -> trendHasData(ranking.channel()))
                .toList();
    }

    /**
     * One channel of the month: the unit's row, last month's, its place in the ranking (null when it is not ranked;
     * then {@code notEligible} may say why).
     */
    public record ChannelMonth(
            ChannelRanking ranking, UnitRow row, UnitRow previous, RankingRow ranked, NotEligibleUnit notEligible) {

        public String label() {
            return ranking.label();
        }

        /** The change of a rate ({@code completionRate}, …) since last month. */
        public RateChange change(String rate) {
            return new RateChange(byName(row, rate), byName(previous, rate));
        }

        public Double rate(String rate) {
            return byName(row, rate);
        }

        private static Double byName(UnitRow row, String rate) {
            Rates rates = row == null ? null : row.rates();
            return rates == null ? null : rates.byName(rate);
        }
    }
}
