package io.minxin.console.month;

import io.minxin.console.api.Overview;
import io.minxin.console.web.Formats;
import io.minxin.events.EventJson;
import io.minxin.events.state.Rates;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The overall rates month by month, as the trend chart reads them: month labels and one series per rate, in percent
 * with two decimals; a month without data is null, a gap, never 0.
 */
record Trend(List<Point> points) {
    private static final Formats FORMATS = new Formats();

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

    /** {@code {"months": ["2019年10月", …], "series": [{"name": "办结率", "data": [96.67, null, …]}, …]}} */
    String json() {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put(
                "months",
                points.stream().map(point -> FORMATS.month(point.month())).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (String rate : Rates.NAMES) {
            List<Double> data = new ArrayList<>();
            for (Point point : points) {
                data.add(
                        point.rates() == null
                                ? null
                                : Formats.percentOrNull(point.rates().byName(rate)));
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", FORMATS.rateName(rate));
            one.put("data", data);
            series.add(one);
        }
        chart.put("series", series);
        return EventJson.mapper().writeValueAsString(chart);
    }
}
