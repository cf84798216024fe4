package io.minxin.events.ranking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.minxin.events.state.ExcludedCase;
import java.util.List;

/**
 * A unit left out of the order, e.g. {@code received 2 is below minReceived 5}.
 *
 * @param reason for a person, in English (the API's language)
 * @param exclusions the cases excluded (剔除) from the unit's inputs and why; omitted in JSON when none
 * @param grounds the same reason as data, one per rule that left the unit out; omitted in JSON when none (a revision
 *     stored before they were recorded has only {@code reason})
 */
public record NotEligibleUnit(
        String unitId,
        String unitName,
        RankingInputs inputs,
        String reason,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ExcludedCase> exclusions,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Ineligibility> grounds) {

    public NotEligibleUnit {
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
        grounds = grounds == null ? List.of() : List.copyOf(grounds);
    }

    /** This unit as it reads without {@code grounds}: what a revision stored before they were recorded holds. */
    public NotEligibleUnit withoutGrounds() {
        return new NotEligibleUnit(unitId, unitName, inputs, reason, exclusions, List.of());
    }
}
