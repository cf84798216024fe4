package io.minxin.notice.targets;

import io.minxin.events.state.Counts;

/**
 * The rates with a monthly target (工作要求 1 of the bulletin), each a ratio of two counts. Notices name the rate
 * as the read APIs do ({@link #rateName()}); the enum name stays in the notice ids, which must not change.
 */
public enum Target {
    SATISFACTION("满意率", "satisfactionRate"),
    COMPLETION("办结率", "completionRate"),
    ON_TIME("按时办结率", "onTimeRate");

    private final String label;
    private final String rateName;

    Target(String label, String rateName) {
        this.label = label;
        this.rateName = rateName;
    }

    public String label() {
        return label;
    }

    /** The rate's name in the read APIs and the policies, e.g. {@code completionRate}. */
    public String rateName() {
        return rateName;
    }

    /** Without the cases excluded from the rate (剔除): a target is judged on what is assessed. */
    long numerator(Counts counts) {
        return counts.numerator(rateName);
    }

    long denominator(Counts counts) {
        return counts.denominator(rateName);
    }
}
