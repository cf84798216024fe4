package io.minxin.ranking.web;

import io.minxin.events.Channel;
import io.minxin.servicekit.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads path and query parameters, refusing bad ones with a problem that names the parameter. */
public final class Requests {
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    /** Whether {@code text} names a period: {@code YYYY-MM}. */
    public static boolean isPeriod(String text) {
        return text != null && PERIOD.matcher(text).matches();
    }

    public static String period(String text) {
        if (!isPeriod(text)) {
            throw ProblemException.invalid("period", "must be a period YYYY-MM, e.g. 2020-09");
        }
        return text;
    }

    public static Channel channel(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("channel", "required, one of " + channelNames());
        }
        try {
            return Channel.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("channel", "one of " + channelNames());
        }
    }

    /** Both channels when {@code text} is absent. */
    public static List<Channel> channels(String text) {
        return text == null || text.isBlank() ? List.of(Channel.values()) : List.of(channel(text));
    }

    /**
     * A {@code ?jurisdiction=} as every endpoint reads it: trimmed, null when absent or blank (none asked for, as
     * notice-service reads it). Whether a registration names it is the unit registry's to say.
     */
    public static String jurisdiction(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public static int positive(String name, Integer value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value < 1) {
            throw ProblemException.invalid(name, "must be 1 or more");
        }
        return value;
    }

    private static String channelNames() {
        return String.join(", ", Arrays.stream(Channel.values()).map(Enum::name).toList());
    }

    private Requests() {}
}
