package io.minxin.events.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The four rates of the bulletin, as fractions in [0, 1]. A rate whose denominator is zero is null ("—"),
 * never 0 or 1; it is written as an explicit JSON null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Rates(Double completionRate, Double onTimeRate, Double satisfactionRate, Double excellentRate) {
    /** The names of the rates, as in the JSON. */
    public static final List<String> NAMES =
            List.of("completionRate", "onTimeRate", "satisfactionRate", "excellentRate");

    public static Rates of(Counts counts) {
        return new Rates(
                ratio(counts.concluded(), counts.received()),
                ratio(counts.concludedOnTime(), counts.concluded()),
                ratio(counts.satisfied(), counts.visited()),
                ratio(counts.excellent(), counts.visited()));
    }

    /** The rate named as in the JSON ({@code completionRate}, ...), null when it has no denominator. */
    public Double byName(String name) {
        switch (name) {
            case "completionRate":
                return completionRate;
            case "onTimeRate":
                return onTimeRate;
            case "satisfactionRate":
                return satisfactionRate;
            case "excellentRate":
                return excellentRate;
            default:
                throw new IllegalArgumentException("unknown rate " + name);
        }
    }

    private static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
