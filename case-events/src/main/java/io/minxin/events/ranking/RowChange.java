package io.minxin.events.ranking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.minxin.events.state.ExcludedCase;
import java.util.List;

/**
 * One unit whose place, inputs or exclusions changed between two revisions.
 *
 * @param previousRank null when the unit was not ranked before (absent or not eligible)
 * @param rank null when the unit is not ranked now
 * @param previousInputs null when the unit was absent before
 * @param inputs null when the unit is absent now
 * @param previousExclusions the cases excluded (剔除) from the unit's inputs before; omitted in JSON when none
 * @param exclusions the cases excluded from them now; omitted in JSON when none
 */
public record RowChange(
        String unitId,
        String unitName,
        Integer previousRank,
        Integer rank,
        RankingInputs previousInputs,
        RankingInputs inputs,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ExcludedCase> previousExclusions,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ExcludedCase> exclusions) {

    public RowChange {
        previousExclusions = previousExclusions == null ? List.of() : List.copyOf(previousExclusions);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    public RowChange(
            String unitId,
            String unitName,
            Integer previousRank,
            Integer rank,
            RankingInputs previousInputs,
            RankingInputs inputs) {
        this(unitId, unitName, previousRank, rank, previousInputs, inputs, List.of(), List.of());
    }
}
