package io.minxin.events;

/** The citizen's answer at the follow-up visit (回访). */
public enum Satisfaction {
    SATISFIED,
    BASICALLY_SATISFIED,
    UNSATISFIED,
    /** The citizen could not be reached: the visit has no answer and counts in no rate. */
    UNREACHABLE;

    public boolean answered() {
        return this != UNREACHABLE;
    }

    /** Satisfied or basically satisfied: the numerator of 满意率. */
    public boolean satisfied() {
        return this == SATISFIED || this == BASICALLY_SATISFIED;
    }
}
