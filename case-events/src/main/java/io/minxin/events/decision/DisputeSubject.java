package io.minxin.events.decision;

/** What a unit disputes (申诉) about one of its cases. */
public enum DisputeSubject {
    /** the case is a 较差件 (推诿) */
    PUSHBACK,
    /** a 退件 was judged against the unit */
    RETURN,
    /** the visit was unsatisfied */
    UNSATISFIED_VISIT,
    /** the visit was not rated excellent */
    NOT_EXCELLENT_VISIT,
    /** the conclusion was late */
    LATE_CONCLUSION
}
