package io.minxin.console.web;

import io.minxin.console.ConsoleSettings;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The months pages are about: the one asked for, else the default, and the months of a trend. */
@Component
public class Periods {
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");

    private final ConsoleSettings settings;
    private final Clock clock;

    @Autowired
    Periods(ConsoleSettings settings) {
        this(settings, Clock.system(Formats.ZONE));
    }

    Periods(ConsoleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The month a page opens on: {@code minxin.console.default-period}, else last month (China's calendar). */
    public YearMonth defaultPeriod() {
        return settings.defaultPeriod() != null
                ? settings.defaultPeriod()
                : YearMonth.now(clock.withZone(Formats.ZONE)).minusMonths(1);
    }

    /**
     * The month a page is about: the one asked for, else the default; {@code unreadable} is what was asked for when
     * it was no month (the page says so), else null.
     */
    public record Asked(YearMonth month, String unreadable) {}

    public Asked asked(String period) {
        Optional<YearMonth> asked = parse(period);
        boolean unreadable = period != null && !period.isBlank() && asked.isEmpty();
        return new Asked(asked.orElseGet(this::defaultPeriod), unreadable ? period : null);
    }

    /** {@code YYYY-MM} read, or empty when absent; a value that is no month is empty too (the page says so). */
    public static Optional<YearMonth> parse(String period) {
        if (period == null || !PERIOD.matcher(period).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(period));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The {@code count} months ending with {@code last}, oldest first. */
    public static List<YearMonth> ending(YearMonth last, int count) {
        List<YearMonth> months = new ArrayList<>(count);
        for (int back = count - 1; back >= 0; back--) {
            months.add(last.minusMonths(back));
        }
        return months;
    }
}
