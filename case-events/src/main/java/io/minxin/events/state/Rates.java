package io.minxin.events.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The four rates of the bulletin, the three of the optional lifecycle (回退率 {@code returnRate}, 重办率
 * {@code reopenRate}, 及时签收率 {@code signInRate}), 有效回访率 {@code validVisitRate}, 按时分转率 {@code dispatchRate}, 督办率 {@code supervisionRate} and 反馈率 {@code feedbackRate}, as fractions in [0, 1], each of its assessed parts (the cases excluded from it, 剔除,
 * left out of its numerator and denominator: {@link Counts#numerator}, {@link Counts#denominator}). A rate whose
 * denominator is zero is null ("—"), never 0 or 1; it is written as an explicit JSON null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Rates(
        Double completionRate,
        Double onTimeRate,
        Double satisfactionRate,
        Double excellentRate,
        Double returnRate,
        Double reopenRate,
        Double signInRate,
        Double validVisitRate,
        Double dispatchRate,
        Double supervisionRate,
        Double feedbackRate) {
    /** The names of the four rates of the bulletin, as in the JSON: those policies rank by and targets are set on. */
    public static final List<String> NAMES =
            List.of("completionRate", "onTimeRate", "satisfactionRate", "excellentRate");

    /**
     * The names of the rates beyond the bulletin's four, as in the JSON: 回退率, 重办率 and 及时签收率 of the optional
     * lifecycle, 有效回访率, 按时分转率, 督办率 and 反馈率.
     */
    public static final List<String> HANDLING = List.of(
            "returnRate",
            "reopenRate",
            "signInRate",
            "validVisitRate",
            "dispatchRate",
            "supervisionRate",
            "feedbackRate");

    /**
     * The names of the rates where more is better, as in the JSON: those a policy's {@code weights} and lexicographic
     * order can rank on, the four of the bulletin, 及时签收率, 有效回访率, 按时分转率 and 反馈率. 回退率, 重办率 and 督办率 are not: less of them is better, and a
     * policy ranks on them only through an indicator that scores less as better. ranking-service's {@code Rate} and
     * the console's policy form both read this list.
     */
    public static final List<String> RANKABLE = List.of(
            "completionRate",
            "onTimeRate",
            "satisfactionRate",
            "excellentRate",
            "signInRate",
            "validVisitRate",
            "dispatchRate",
            "feedbackRate");

    /** The four rates of the bulletin, the handling rates null, as before them. */
    public Rates(Double completionRate, Double onTimeRate, Double satisfactionRate, Double excellentRate) {
        this(completionRate, onTimeRate, satisfactionRate, excellentRate, null, null);
    }

    /** The four rates of the bulletin and the handling rates, 及时签收率 null, as before it. */
    public Rates(
            Double completionRate,
            Double onTimeRate,
            Double satisfactionRate,
            Double excellentRate,
            Double returnRate,
            Double reopenRate) {
        this(completionRate, onTimeRate, satisfactionRate, excellentRate, returnRate, reopenRate, null);
    }

    /** The rates without 有效回访率, as before it. */
    public Rates(
            Double completionRate,
            Double onTimeRate,
            Double satisfactionRate,
            Double excellentRate,
            Double returnRate,
            Double reopenRate,
            Double signInRate) {
        this(completionRate, onTimeRate, satisfactionRate, excellentRate, returnRate, reopenRate, signInRate, null);
    }

    /** The rates without 按时分转率, 督办率 and 反馈率, as before them. */
    public Rates(
            Double completionRate,
            Double onTimeRate,
            Double satisfactionRate,
            Double excellentRate,
            Double returnRate,
            Double reopenRate,
            Double signInRate,
            Double validVisitRate) {
        this(
                completionRate,
                onTimeRate,
                satisfactionRate,
                excellentRate,
                returnRate,
                reopenRate,
                signInRate,
                validVisitRate,
                null,
                null,
                null);
    }

    public static Rates of(Counts counts) {
        return new Rates(
                ratio(counts, "completionRate"),
                ratio(counts, "onTimeRate"),
                ratio(counts, "satisfactionRate"),
                ratio(counts, "excellentRate"),
                ratio(counts, "returnRate"),
                ratio(counts, "reopenRate"),
                ratio(counts, "signInRate"),
                ratio(counts, "validVisitRate"),
                ratio(counts, "dispatchRate"),
                ratio(counts, "supervisionRate"),
                ratio(counts, "feedbackRate"));
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
            case "returnRate":
                return returnRate;
            case "reopenRate":
                return reopenRate;
            case "signInRate":
                return signInRate;
            case "validVisitRate":
                return validVisitRate;
            case "dispatchRate":
                return dispatchRate;
            case "supervisionRate":
                return supervisionRate;
            case "feedbackRate":
                return feedbackRate;
            default:
                throw new IllegalArgumentException("unknown rate " + name);
        }
    }

    private static Double ratio(Counts counts, String rate) {
        long denominator = counts.denominator(rate);
        return denominator == 0 ? null : (double) counts.numerator(rate) / denominator;
    }
}
