package io.minxin.console.month;

import io.minxin.console.api.Overview;
import io.minxin.console.web.TrendChart;
import io.minxin.events.state.Rates;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The overall rates month by month, as the trend chart reads them: month labels and one series per rate, in percent
 * with two decimals; a month without data is null, a gap, never 0.
 */
record Trend(List<Point> points) {
    /** One month: its overview, or null when it has no data. */
    record Point(YearMonth month, Overview overview) {
        static Point gap(YearMonth month) {
            return new Point(month, null);
        }

        Rates rates() {
            return overview == null || overview.total() == null
                    ? null
                    : overview.total().rates();
        }
    }

    /** Whether any month has data: without any there is no chart to draw. */
    boolean hasData() {
        return points.stream().anyMatch(point -> point.rates() != null);
    }

    /** The overview of the last month, the one the page is about. */
    Optional<Overview> last() {
        return points.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(points.get(points.size() - 1).overview());
    }

    /** The chart's JSON ({@link TrendChart}). */
    String json() {
        return TrendChart.json(
                points.stream().map(Point::month).toList(),
                points.stream().map(Point::rates).toList());
    }
}
