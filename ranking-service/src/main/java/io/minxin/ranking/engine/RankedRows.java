package io.minxin.ranking.engine;

import io.minxin.events.ranking.RankingRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The best and the worst rows of a ranking. Rows of a policy with tiers are grouped by tier, each ranked from 1, so
 * both are taken within each tier.
 */
public final class RankedRows {
    /** Rows whose rank is at most {@code n}: a tie on the last place keeps every tied unit. */
    public static List<RankingRow> top(List<RankingRow> rows, int n) {
        return rows.stream().filter(row -> row.rank() <= n).toList();
    }

    /** Per tier, the last {@code n} rows and those tied with the first of them, in rank order. */
    public static List<RankingRow> bottom(List<RankingRow> rows, int n) {
        List<RankingRow> bottom = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size()
                    || !Objects.equals(rows.get(i).tier(), rows.get(start).tier())) {
                List<RankingRow> tier = rows.subList(start, i);
                int threshold = tier.get(Math.max(0, tier.size() - n)).rank();
                tier.stream().filter(row -> row.rank() >= threshold).forEach(bottom::add);
                start = i;
            }
        }
        return bottom;
    }

    /**
     * The rows of the units {@code members} keeps, ranked among themselves: in the same order, each tier ranked from 1
     * again, a rank shared where it was shared (1, 1, 3). Exact because the engine's order is local: a row's place
     * depends on its own sort key alone, rows of equal rank (in a tier) are exactly the rows of equal keys, and so the
     * rank of a row among any subset is 1 + the rows of the subset above it with other keys, what ranking the subset
     * gives (RankingLocalityTest holds it for every shipped policy).
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
            kept.add(rank == row.rank() ? row : ranked(row, rank));
            previous = row;
        }
        return kept;
    }

    private static RankingRow ranked(RankingRow row, int rank) {
        return new RankingRow(
                rank,
                row.unitId(),
                row.unitName(),
                row.inputs(),
                row.score(),
                row.terms(),
                row.bonus(),
                row.penalty(),
                row.total(),
                row.bonuses(),
                row.penalties(),
                row.exclusions(),
                row.tier());
    }

    private RankedRows() {}
}
