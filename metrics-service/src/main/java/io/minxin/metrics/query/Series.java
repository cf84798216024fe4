package io.minxin.metrics.query;

import io.minxin.events.Channel;
import io.minxin.events.state.Counts;
import io.minxin.events.state.Rates;
import io.minxin.metrics.unitrates.UnitDay;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit's rates per day and over the trailing window (30 days, the day itself included), by the local
 * date of the cases' first acceptance.
 *
 * @param channel one channel, or null for both
 */
public record Series(String unitId, Channel channel, LocalDate from, LocalDate to, int windowDays, List<Point> days) {
    public static final int WINDOW_DAYS = 30;
    /** Longest series served in one answer. */
    public static final int MAX_DAYS = 366;

    public record Window(Counts counts, Rates rates) {
        static Window of(Counts counts) {
            return new Window(counts, counts.rates());
        }
    }

    /** @param rolling the window of {@code windowDays} days ending on {@code date} */
    public record Point(LocalDate date, Window day, Window rolling) {}

    /** @throws IllegalArgumentException when {@code from} is after {@code to} or the range is too long */
    public static void check(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidQuery("from", "is after to: " + from + " > " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidQuery("to", "at most " + MAX_DAYS + " days per series");
        }
    }

    /** The first day whose counts a series from {@code from} needs. */
    public static LocalDate firstDayNeeded(LocalDate from) {
        return from.minusDays(WINDOW_DAYS - 1);
    }

    /**
     * @param days day counts of the unit from {@link #firstDayNeeded} to {@code to}
     * @throws IllegalArgumentException when {@code from} is after {@code to} or the range is too long
     */
    public static Series of(String unitId, Channel channel, LocalDate from, LocalDate to, Collection<UnitDay> days) {
        check(from, to);
        Map<LocalDate, Counts> byDate = new HashMap<>();
        for (UnitDay day : days) {
            if (channel == null || day.channel() == channel) {
                byDate.merge(day.date(), day.counts(), Counts::plus);
            }
        }
        Counts rolling = Counts.NONE;
        for (LocalDate d = firstDayNeeded(from); d.isBefore(from); d = d.plusDays(1)) {
            rolling = rolling.plus(byDate.getOrDefault(d, Counts.NONE));
        }
        List<Point> points = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Counts today = byDate.getOrDefault(d, Counts.NONE);
            rolling = rolling.plus(today);
            points.add(new Point(d, Window.of(today), Window.of(rolling)));
            rolling = rolling.minus(byDate.getOrDefault(d.minusDays(WINDOW_DAYS - 1), Counts.NONE));
        }
        return new Series(unitId, channel, from, to, WINDOW_DAYS, points);
    }
}
