package io.minxin.ranking.engine;

/** The rates a policy can rank on, each with the count it is a fraction of. */
public enum Rate {
    COMPLETION("completionRate", "no case received"),
    ON_TIME("onTimeRate", "no case concluded"),
    SATISFACTION("satisfactionRate", "no answered visit"),
    EXCELLENT("excellentRate", "no answered visit");

    private final String fieldName;
    private final String whenUndefined;

    Rate(String fieldName, String whenUndefined) {
        this.fieldName = fieldName;
        this.whenUndefined = whenUndefined;
    }

    /** The name of the rate in the metrics and in ranking rows, e.g. {@code completionRate}. */
    public String fieldName() {
        return fieldName;
    }

    /** Why the rate can be undefined, for a person. */
    public String whenUndefined() {
        return whenUndefined;
    }

    public Double valueOf(UnitPerformance unit) {
        return switch (this) {
            case COMPLETION -> unit.rates().completionRate();
            case ON_TIME -> unit.rates().onTimeRate();
            case SATISFACTION -> unit.rates().satisfactionRate();
            case EXCELLENT -> unit.rates().excellentRate();
        };
    }

    /** How many cases the rate was measured on: the sample size for the Wilson bound. */
    public long denominatorOf(UnitPerformance unit) {
        return switch (this) {
            case COMPLETION -> unit.counts().received();
            case ON_TIME -> unit.counts().concluded();
            case SATISFACTION, EXCELLENT -> unit.counts().visited();
        };
    }
}
