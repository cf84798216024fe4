package io.minxin.ranking.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.minxin.events.state.Rates;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The rates a policy can rank on, each with the count it is a fraction of. A rate is named as the read APIs show
 * it ({@code completionRate}, ...) everywhere, in policies too; the enum names ({@code COMPLETION}, ...) of
 * earlier policies are still read, so stored versions load.
 */
public enum Rate {
    COMPLETION("completionRate", "no case received"),
    ON_TIME("onTimeRate", "no case concluded"),
    SATISFACTION("satisfactionRate", "no answered visit"),
    EXCELLENT("excellentRate", "no answered visit"),
    /** 回退率: cases the unit returned / cases handed to it; less is better. */
    RETURN("returnRate", "no case handed to the unit"),
    /** 重办率: concluded cases sent back to be handled again / concluded; less is better. */
    REOPEN("reopenRate", "no case concluded"),
    /** 及时签收率: cases the unit signed for by the sign-in deadline / cases dispatched to it. */
    SIGN_IN("signInRate", "no case dispatched"),
    /** 有效回访率: cases whose follow-up visit reached the citizen / cases visited. */
    VALID_VISIT("validVisitRate", "no case visited"),
    /** 按时分转率: cases the unit passed on (二级分转) within the dispatch working days / cases it passed on. */
    DISPATCH("dispatchRate", "no case passed on"),
    /** 督办率: cases handed to the unit that were supervised (督办) at it / cases handed to it; less is better. */
    SUPERVISION("supervisionRate", "no case handed to the unit"),
    /** 反馈率: cases whose conclusion carries a reply (答复/反馈) to the citizen / cases received. */
    FEEDBACK("feedbackRate", "no case received");

    private final String fieldName;
    private final String whenUndefined;

    Rate(String fieldName, String whenUndefined) {
        this.fieldName = fieldName;
        this.whenUndefined = whenUndefined;
    }

    /** The name of the rate in the metrics, the ranking rows and the policies, e.g. {@code completionRate}. */
    @JsonValue
    public String fieldName() {
        return fieldName;
    }

    /**
     * Every rate's name, in order: {@code completionRate, onTimeRate, satisfactionRate, excellentRate, returnRate,
     * reopenRate, signInRate, validVisitRate, dispatchRate, supervisionRate, feedbackRate}.
     */
    public static List<String> names() {
        return Arrays.stream(values()).map(Rate::fieldName).toList();
    }

    /**
     * The rates where more is better: those {@code weights} and a lexicographic order can rank on; the contract's
     * {@link Rates#RANKABLE}, which the console's policy form offers too.
     */
    public static List<String> higherIsBetterNames() {
        return Rates.RANKABLE;
    }

    /** False for 回退率, 重办率 and 督办率: ranked on only through an indicator that scores less as better. */
    public boolean higherIsBetter() {
        return Rates.RANKABLE.contains(fieldName);
    }

    /** The rate of {@code name}: its name ({@code completionRate}) or its former enum name ({@code COMPLETION}). */
    public static Optional<Rate> named(String name) {
        return Arrays.stream(values())
                .filter(rate -> rate.fieldName.equals(name)
                        || rate.hadFormerName() && rate.name().equals(name))
                .findFirst();
    }

    /** Whether {@code name} is a rate's former enum name ({@code COMPLETION}) rather than its name. */
    public static boolean isFormerName(String name) {
        return Arrays.stream(values())
                .anyMatch(rate -> rate.hadFormerName() && rate.name().equals(name));
    }

    /** The four rates of the bulletin were once named by their enum names; the handling rates never were. */
    private boolean hadFormerName() {
        return ordinal() <= EXCELLENT.ordinal();
    }

    /** Reads a rate from JSON or configuration; stored policies may have the former names. */
    @JsonCreator
    public static Rate fromJson(String name) {
        return named(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown rate " + name + "; one of " + String.join(", ", names())));
    }

    /** Why the rate can be undefined, for a person. */
    public String whenUndefined() {
        return whenUndefined;
    }

    public Double valueOf(UnitPerformance unit) {
        return unit.rates().byName(fieldName);
    }

    /**
     * How many cases the rate was measured on, those excluded from it (剔除) left out: the sample size for the Wilson
     * bound.
     */
    public long denominatorOf(UnitPerformance unit) {
        return unit.counts().denominator(fieldName);
    }
}
