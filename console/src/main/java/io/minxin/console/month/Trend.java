package io.minxin.console.month;

import io.minxin.console.api.Overview;
import io.minxin.console.web.TrendChart;
import io.minxin.events.state.Rates;
import java.time.YearMonth;
import java.util.ArrayList;
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

    /** The points of {@code months} from their overviews, in the same order; a month without cases is a gap. */
    static Trend of(List<YearMonth> months, List<Overview> overviews) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            Overview overview = i < overviews.size() ? overviews.get(i) : null;
            boolean quiet = overview == null
                    || overview.total() == null
                    || overview.total().cases() == 0;
            points.add(quiet ? Point.gap(months.get(i)) : new Point(months.get(i), overview));
        }
        return new Trend(points);
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
