package io.minxin.events.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The four rates of the bulletin, as fractions in [0, 1], each of its assessed parts (the cases excluded from it, 剔除,
 * left out of its numerator and denominator: {@link Counts#numerator}, {@link Counts#denominator}). A rate whose
 * denominator is zero is null ("—"), never 0 or 1; it is written as an explicit JSON null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Rates(Double completionRate, Double onTimeRate, Double satisfactionRate, Double excellentRate) {
    /** The names of the rates, as in the JSON. */
    public static final List<String> NAMES =
            List.of("completionRate", "onTimeRate", "satisfactionRate", "excellentRate");

    public static Rates of(Counts counts) {
        return new Rates(
                ratio(counts, "completionRate"),
                ratio(counts, "onTimeRate"),
                ratio(counts, "satisfactionRate"),
                ratio(counts, "excellentRate"));
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

    private static Double ratio(Counts counts, String rate) {
        long denominator = counts.denominator(rate);
        return denominator == 0 ? null : (double) counts.numerator(rate) / denominator;
    }
}
