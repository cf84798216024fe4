package io.minxin.ranking.engine;

/**
 * A counted fact a 加分 or 减分 rule can give points for. A fact that is part of a rate is counted as the rate is, the
 * cases excluded from that rate (剔除) left out; returns without those of cases excluded from {@code returns}.
 */
public enum Fact {
    /** Cases received, excluded ones included (社会关注度). */
    RECEIVED,
    /** Cases concluded, excluded ones included. */
    CONCLUDED,
    /** The numerator of the on-time rate. */
    CONCLUDED_ON_TIME,
    /** The on-time rate's denominator − its numerator: late conclusions not excluded from it. */
    LATE_CONCLUSION,
    /** The completion rate's denominator − its numerator: open cases not excluded from it. */
    UNCONCLUDED,
    /** Answered visits, excluded ones included. */
    VISITED,
    /** The numerator of the satisfaction rate. */
    SATISFIED,
    /** A visit rated excellent: the numerator of the excellent rate. */
    EXCELLENT,
    /** A return made by the unit, unless its case is excluded from {@code returns}. */
    RETURN,
    /** A 推诿 charged to the unit (as the operator's ruling leaves it). */
    PUSHBACK,
    /** A case dispatched to the unit and not signed for in time (及时签收率's denominator − its numerator). */
    LATE_SIGN_IN,
    /** A concluded case sent back to be handled again (重办率's numerator). */
    REOPENED;

    public long countOf(UnitPerformance unit) {
        var counts = unit.counts();
        return switch (this) {
            case RECEIVED -> counts.received();
            case CONCLUDED -> counts.concluded();
            case CONCLUDED_ON_TIME -> counts.numerator("onTimeRate");
            case LATE_CONCLUSION -> Math.max(0, counts.denominator("onTimeRate") - counts.numerator("onTimeRate"));
            case UNCONCLUDED -> Math.max(0, counts.denominator("completionRate") - counts.numerator("completionRate"));
            case VISITED -> counts.visited();
            case SATISFIED -> counts.numerator("satisfactionRate");
            case EXCELLENT -> counts.numerator("excellentRate");
            case RETURN -> counts.assessedReturns();
            case PUSHBACK -> counts.pushbacks();
            case LATE_SIGN_IN -> Math.max(0, counts.dispatched() - counts.signedOnTime());
            case REOPENED -> counts.reopened();
        };
    }
}
