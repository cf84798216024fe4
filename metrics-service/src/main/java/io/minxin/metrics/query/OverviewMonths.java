package io.minxin.metrics.query;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * 基本情况 month by month: one {@link Overview} per month of a range, oldest first, a month without data included
 * with zero cases and null rates.
 */
public record OverviewMonths(String from, String to, List<Overview> months) {
    /** Two years: a trend and its comparison with the year before. */
    public static final int MAX_MONTHS = 24;

    public static OverviewMonths of(List<YearMonth> range, List<Overview> overviews) {
        return new OverviewMonths(
                range.get(0).toString(), range.get(range.size() - 1).toString(), List.copyOf(overviews));
    }

    /** The months from {@code from} to {@code to}, both included; refused when reversed or longer than two years. */
    public static List<YearMonth> range(YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            throw new InvalidQuery("from", "is after to: " + from + " > " + to);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            if (months.size() == MAX_MONTHS) {
                throw new InvalidQuery("to", "at most " + MAX_MONTHS + " months from " + from);
            }
            months.add(month);
        }
        return months;
    }
}
