package io.minxin.notice.web;

import io.minxin.servicekit.problem.ProblemException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** The query parameters the month-end lists share, each refused by name (400 problem JSON) when malformed. */
public final class QueryParams {
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    /** A period {@code YYYY-MM}, or null when not given. */
    public static String period(String value) {
        String period = blankToNull(value);
        if (period != null && !PERIOD.matcher(period).matches()) {
            throw ProblemException.invalid("period", "must be a period YYYY-MM, e.g. 2020-09, was " + period);
        }
        return period;
    }

    /** One of an enum's constants by name, or null when not given. */
    public static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        String name = blankToNull(value);
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(
                    field, "unknown " + field + " " + name + "; one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** The value stripped, or null when blank. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private QueryParams() {}
}
