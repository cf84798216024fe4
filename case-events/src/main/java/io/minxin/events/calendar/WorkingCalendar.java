package io.minxin.events.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working days in mainland China: Monday to Friday, minus public holidays, plus the weekend days that
 * are worked instead (调休). Holidays and make-up days are data (one row per day, per the State
 * Council's yearly notice), so a new year is a new data file, not new code.
 *
 * <p>Only the years the data covers are answered; any other date throws {@link IllegalArgumentException}
 * naming the year, because a silent Monday-to-Friday guess would shift deadlines and duty checks.
 */
public final class WorkingCalendar {
    /** All calendar logic of Minxin is in this zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Deadlines end at this local time of their last working day. */
    public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    static final String RESOURCE = "cn-workdays.csv";

    /** What a date is, for working purposes. */
    public enum DayKind {
        /** Monday to Friday, no holiday. */
        WORKDAY,
        /** Saturday or Sunday, no make-up work. */
        WEEKEND,
        /** A public holiday (放假), whatever the weekday. */
        HOLIDAY,
        /** A Saturday or Sunday worked in exchange for a holiday bridge (调休上班). */
        MAKEUP_WORKDAY
    }

    /** Whether a covered year comes from the published notice or is a projection awaiting it. */
    public enum YearStatus {
        OFFICIAL,
        PROVISIONAL
    }

    /** A covered year and the source its days were taken from. */
    public record Year(int year, YearStatus status, String source) {}

    private record Special(DayKind kind, String name) {}

    private static final class Holder {
        static final WorkingCalendar CHINA = load();

        private static WorkingCalendar load() {
            try (InputStream in = WorkingCalendar.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("calendar data " + RESOURCE + " is missing from the classpath");
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Map<Integer, Year> years;
    private final Map<LocalDate, Special> specials;

    private WorkingCalendar(Map<Integer, Year> years, Map<LocalDate, Special> specials) {
        this.years = Collections.unmodifiableMap(new TreeMap<>(years));
        this.specials = Map.copyOf(specials);
    }

    /** The calendar of the bundled data (2020–2027, see {@link #years()}). */
    public static WorkingCalendar china() {
        return Holder.CHINA;
    }

    /**
     * Reads calendar data in the format of the bundled {@code cn-workdays.csv}: {@code #} comments,
     * {@code year,<yyyy>,<official|provisional>,<source>} rows and {@code <date>,HOLIDAY|WORKDAY,<name>}
     * rows. Fails on the first malformed row, naming its line.
     */
    public static WorkingCalendar parse(Reader data) {
        Map<Integer, Year> years = new HashMap<>();
        Map<LocalDate, Special> specials = new HashMap<>();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(data)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", 4);
            try {
                if ("year".equals(cells[0])) {
                    int year = Integer.parseInt(cells[1]);
                    YearStatus status = YearStatus.valueOf(cells[2].toUpperCase(Locale.ROOT));
                    years.put(year, new Year(year, status, cells.length > 3 ? cells[3] : ""));
                } else {
                    LocalDate date = LocalDate.parse(cells[0]);
                    Special special = special(date, cells);
                    if (specials.put(date, special) != null) {
                        throw new IllegalArgumentException(date + " is listed twice");
                    }
                }
            } catch (ArrayIndexOutOfBoundsException | DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("calendar data line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        for (LocalDate date : specials.keySet()) {
            if (!years.containsKey(date.getYear())) {
                throw new IllegalArgumentException(date + " is listed but its year has no year row");
            }
        }
        return new WorkingCalendar(years, specials);
    }

    private static Special special(LocalDate date, String[] cells) {
        String name = cells.length > 2 ? cells[2].strip() : "";
        if (name.isEmpty()) {
            throw new IllegalArgumentException(date + " has no name");
        }
        switch (cells[1]) {
            case "HOLIDAY":
                return new Special(DayKind.HOLIDAY, name);
            case "WORKDAY":
                if (!isWeekend(date)) {
                    throw new IllegalArgumentException(date + " is a make-up workday but not a Saturday or Sunday");
                }
                return new Special(DayKind.MAKEUP_WORKDAY, name);
            default:
                throw new IllegalArgumentException("kind must be HOLIDAY or WORKDAY, not " + cells[1]);
        }
    }

    /** The covered years, ascending, with their status and source. */
    public List<Year> years() {
        return List.copyOf(years.values());
    }

    public boolean covers(int year) {
        return years.containsKey(year);
    }

    /** Years whose data is a projection rather than the published notice. */
    public Set<Integer> provisionalYears() {
        Set<Integer> provisional = new TreeSet<>();
        years.values().stream()
                .filter(y -> y.status() == YearStatus.PROVISIONAL)
                .forEach(y -> provisional.add(y.year()));
        return Collections.unmodifiableSet(provisional);
    }

    /** @throws IllegalArgumentException when the date's year is not covered */
    public DayKind dayKind(LocalDate date) {
        Objects.requireNonNull(date, "date");
        requireCovered(date.getYear());
        Special special = specials.get(date);
        if (special != null) {
            return special.kind();
        }
        return isWeekend(date) ? DayKind.WEEKEND : DayKind.WORKDAY;
    }

    /** @throws IllegalArgumentException when the date's year is not covered */
    public boolean isWorkingDay(LocalDate date) {
        DayKind kind = dayKind(date);
        return kind == DayKind.WORKDAY || kind == DayKind.MAKEUP_WORKDAY;
    }

    /** The name of the public holiday on this date (e.g. 国庆节、中秋节), empty on any other day. */
    public Optional<String> holidayName(LocalDate date) {
        return dayKind(date) == DayKind.HOLIDAY ? Optional.of(specials.get(date).name()) : Optional.empty();
    }

    /** For a make-up workday (调休上班), the holiday it makes up for; empty on any other day. */
    public Optional<String> makeUpWorkdayFor(LocalDate date) {
        return dayKind(date) == DayKind.MAKEUP_WORKDAY
                ? Optional.of(specials.get(date).name())
                : Optional.empty();
    }

    /** The working days of a month, ascending. */
    public List<LocalDate> workingDays(YearMonth month) {
        requireCovered(month.getYear());
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                days.add(day);
            }
        }
        return days;
    }

    public int workingDaysIn(YearMonth month) {
        return workingDays(month).size();
    }

    /**
     * The date {@code n} working days after {@code date} (before it when n is negative); the date itself
     * is not counted, so a case accepted on a Saturday and given 1 working day is due on Monday.
     *
     * @throws IllegalArgumentException when the walk leaves the covered years
     */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        requireCovered(date.getYear());
        int step = n < 0 ? -1 : 1;
        LocalDate day = date;
        for (int left = Math.abs(n); left > 0; ) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * The deadline {@code workingDays} working days after an instant: 23:59:59 Asia/Shanghai of the last
     * of them (the default deadline of an acceptance without {@code dueAt}).
     */
    public Instant dueAt(Instant from, int workingDays) {
        LocalDate start = from.atZone(ZONE).toLocalDate();
        return plusWorkingDays(start, workingDays)
                .atTime(END_OF_DAY)
                .atZone(ZONE)
                .toInstant();
    }

    private void requireCovered(int year) {
        if (!years.containsKey(year)) {
            throw new IllegalArgumentException("the working-day calendar has no data for year " + year + " (it covers "
                    + years.keySet() + "); add the State Council notice of " + year);
        }
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
