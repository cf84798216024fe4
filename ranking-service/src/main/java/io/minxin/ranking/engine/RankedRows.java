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
     * The rows of the units {@code members} keeps, ranked among themselves ({@link RankingRow#within}, in the contract
     * because notice-service restricts its bulletins' rankings to a jurisdiction the same way).
     */
    public static List<RankingRow> within(List<RankingRow> rows, Predicate<String> members) {
        return RankingRow.within(rows, members);
    }

    private RankedRows() {}
}
