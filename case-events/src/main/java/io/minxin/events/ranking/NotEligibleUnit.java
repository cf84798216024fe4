package io.minxin.events.ranking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.minxin.events.state.ExcludedCase;
import java.util.List;

/**
 * A unit left out of the order, e.g. {@code received 2 is below minReceived 5}.
 *
 * @param reason for a person
 * @param exclusions the cases excluded (剔除) from the unit's inputs and why; omitted in JSON when none
 */
public record NotEligibleUnit(
        String unitId,
        String unitName,
        RankingInputs inputs,
        String reason,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ExcludedCase> exclusions) {

    public NotEligibleUnit {
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    public NotEligibleUnit(String unitId, String unitName, RankingInputs inputs, String reason) {
        this(unitId, unitName, inputs, reason, List.of());
    }
}
