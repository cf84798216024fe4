package io.minxin.notice.targets;

import io.minxin.events.state.Counts;

/** The rates with a monthly target (工作要求 1 of the bulletin), each a ratio of two counts. */
public enum Target {
    SATISFACTION("满意率"),
    COMPLETION("办结率"),
    ON_TIME("按时办结率");

    private final String label;

    Target(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    long numerator(Counts counts) {
        switch (this) {
            case SATISFACTION:
                return counts.satisfied();
            case COMPLETION:
                return counts.concluded();
            default:
                return counts.concludedOnTime();
        }
    }

    long denominator(Counts counts) {
        switch (this) {
            case SATISFACTION:
                return counts.visited();
            case COMPLETION:
                return counts.received();
            default:
                return counts.concluded();
        }
    }
}
