package io.minxin.console.web;

import io.minxin.events.EventJson;
import io.minxin.events.state.Rates;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON a trend chart ({@code assets/month-trend.js}) draws: month labels and one series per rate, in percent with
 * two decimals; a month without data is null, a gap, never 0.
 */
public final class TrendChart {
    private static final Formats FORMATS = new Formats();

    /**
     * {@code {"months": ["2019年10月", …], "series": [{"name": "办结率", "data": [96.67, null, …]}, …]}}
     *
     * @param rates one entry per month, null for a month without data
     */
    public static String json(List<YearMonth> months, List<Rates> rates) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("months", months.stream().map(FORMATS::month).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (String rate : Rates.NAMES) {
            List<Double> data = new ArrayList<>();
            for (Rates month : rates) {
                data.add(month == null ? null : Formats.percentOrNull(month.byName(rate)));
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", FORMATS.rateName(rate));
            one.put("data", data);
            series.add(one);
        }
        chart.put("series", series);
        return EventJson.mapper().writeValueAsString(chart);
    }

    private TrendChart() {}
}
