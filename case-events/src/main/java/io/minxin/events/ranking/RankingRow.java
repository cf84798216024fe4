package io.minxin.events.ranking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.minxin.events.state.ExcludedCase;
import java.util.List;

/**
 * One ranked unit, with everything that explains its place.
 *
 * @param rank 1-based; equal units share it (1, 1, 3)
 * @param unitName may be null when the inputs did not carry it
 * @param score the weighted score that ordered the row (null under a lexicographic order, or when a rate the
 *     score needs is undefined)
 * @param terms one per rate of the order: the rate, the value ranked on and, for a weighted order, weight × value
 * @param bonus 加分, the sum of {@code bonuses} (null when the policy has neither score view nor adjustments)
 * @param penalty 减分, the sum of {@code penalties} (null when the policy has neither score view nor adjustments)
 * @param total 总分 = base + 加分 − 减分 (null when the policy has no score view)
 * @param exclusions the cases excluded (剔除) from the unit's inputs and why, as {@code unit-metrics} lists them;
 *     omitted in JSON when none
 * @param tier the volume tier (分档) the unit is ranked in, its rank being within the tier; omitted in JSON when the
 *     policy has no tiers
 */
public record RankingRow(
        int rank,
        String unitId,
        String unitName,
        RankingInputs inputs,
        Double score,
        List<ScoreTerm> terms,
        Double bonus,
        Double penalty,
        Double total,
        List<ScoreItem> bonuses,
        List<ScoreItem> penalties,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ExcludedCase> exclusions,
        @JsonInclude(JsonInclude.Include.NON_NULL) String tier) {

    public RankingRow {
        terms = terms == null ? List.of() : List.copyOf(terms);
        bonuses = bonuses == null ? List.of() : List.copyOf(bonuses);
        penalties = penalties == null ? List.of() : List.copyOf(penalties);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    /** A row of a policy without tiers. */
    public RankingRow(
            int rank,
            String unitId,
            String unitName,
            RankingInputs inputs,
            Double score,
            List<ScoreTerm> terms,
            Double bonus,
            Double penalty,
            Double total,
            List<ScoreItem> bonuses,
            List<ScoreItem> penalties,
            List<ExcludedCase> exclusions) {
        this(rank, unitId, unitName, inputs, score, terms, bonus, penalty, total, bonuses, penalties, exclusions, null);
    }

    /** A row of a unit without exclusions. */
    public RankingRow(
            int rank,
            String unitId,
            String unitName,
            RankingInputs inputs,
            Double score,
            List<ScoreTerm> terms,
            Double bonus,
            Double penalty,
            Double total,
            List<ScoreItem> bonuses,
            List<ScoreItem> penalties) {
        this(rank, unitId, unitName, inputs, score, terms, bonus, penalty, total, bonuses, penalties, List.of());
    }
}
