package io.minxin.events.ranking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.minxin.events.state.ExcludedCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

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
    /**
     * The rows of the units {@code members} keeps, ranked among themselves: in the same order, each tier ranked from 1
     * again, a rank shared where it was shared (1, 1, 3). Exact because the engine's order is local: a row's place
     * depends on its own sort key alone, rows of equal rank (in a tier) are exactly the rows of equal keys, and so the
     * rank of a row among any subset is 1 + the rows of the subset above it with other keys, what ranking the subset
     * gives (ranking-service's RankingLocalityTest holds it for every shipped policy). Here, not in ranking-service's
     * engine, because notice-service restricts the published rankings it receives to a jurisdiction's units the same
     * way for its bulletins.
     */
    public static List<RankingRow> within(List<RankingRow> rows, Predicate<String> members) {
        List<RankingRow> kept = new ArrayList<>();
        RankingRow previous = null;
        int inTier = 0;
        int rank = 0;
        for (RankingRow row : rows) {
            if (!members.test(row.unitId())) {
                continue;
            }
            boolean sameTier = previous != null && Objects.equals(previous.tier(), row.tier());
            inTier = sameTier ? inTier + 1 : 1;
            if (!sameTier || previous.rank() != row.rank()) {
                rank = inTier;
            }
            kept.add(rank == row.rank() ? row : row.ranked(rank));
            previous = row;
        }
        return kept;
    }

    private RankingRow ranked(int newRank) {
        return new RankingRow(
                newRank,
                unitId,
                unitName,
                inputs,
                score,
                terms,
                bonus,
                penalty,
                total,
                bonuses,
                penalties,
                exclusions,
                tier);
    }
}
