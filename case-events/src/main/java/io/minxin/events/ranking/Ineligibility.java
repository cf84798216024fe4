package io.minxin.events.ranking;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One ground on which a unit is left out of a ranking, as data, so a reader can say it in its own language (the
 * console in Chinese) without reading {@link NotEligibleUnit#reason()}'s English.
 *
 * @param kind which rule left it out
 * @param rate the rate concerned ({@code satisfactionRate}); null for {@link Kind#TOO_FEW_RECEIVED}
 * @param count the cases it has: received, or the rate's denominator; 0 for {@link Kind#UNDEFINED_RATE}
 * @param minimum the policy's least: {@code minReceived} or the indicator's {@code minCases}; 0 for
 *     {@link Kind#UNDEFINED_RATE}
 */
public record Ineligibility(
        Kind kind,
        @JsonInclude(JsonInclude.Include.NON_NULL) String rate,
        long count,
        long minimum) {

    public enum Kind {
        /** Fewer cases received than the policy's {@code minReceived}. */
        TOO_FEW_RECEIVED,
        /** A rate measured on fewer cases than its indicator's {@code minCases}. */
        TOO_FEW_CASES,
        /** A rate the order needs has a zero denominator, and the policy lists such units as not eligible. */
        UNDEFINED_RATE
    }

    public static Ineligibility tooFewReceived(long received, long minReceived) {
        return new Ineligibility(Kind.TOO_FEW_RECEIVED, null, received, minReceived);
    }

    public static Ineligibility tooFewCases(String rate, long cases, long minCases) {
        return new Ineligibility(Kind.TOO_FEW_CASES, rate, cases, minCases);
    }

    public static Ineligibility undefinedRate(String rate) {
        return new Ineligibility(Kind.UNDEFINED_RATE, rate, 0, 0);
    }
}
