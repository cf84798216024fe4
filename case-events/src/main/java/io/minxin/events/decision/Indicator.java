package io.minxin.events.decision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * What a case can be excluded from (剔除): a rate, with the names the read APIs show, or the count of returns
 * (a 退件 judged justified).
 */
public enum Indicator {
    COMPLETION_RATE("completionRate"),
    ON_TIME_RATE("onTimeRate"),
    SATISFACTION_RATE("satisfactionRate"),
    EXCELLENT_RATE("excellentRate"),
    RETURNS("returns");

    private final String wireName;

    Indicator(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** By wire name ({@code satisfactionRate}) or constant name ({@code SATISFACTION_RATE}). */
    @JsonCreator
    public static Indicator of(String name) {
        return Arrays.stream(values())
                .filter(indicator ->
                        indicator.wireName.equals(name) || indicator.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown indicator " + name + "; one of "
                        + Arrays.stream(values()).map(Indicator::wireName).toList()));
    }
}
