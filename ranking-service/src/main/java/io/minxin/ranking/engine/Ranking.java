package io.minxin.ranking.engine;

import io.minxin.events.ranking.NotEligibleUnit;
import io.minxin.events.ranking.PolicyRef;
import io.minxin.events.ranking.RankedList;
import io.minxin.events.ranking.RankingRow;
import java.util.List;

/**
 * The outcome of ranking the units of one channel under one policy.
 *
 * @param rows eligible units, best first, ranks shared on exact ties (1, 1, 3); grouped by tier, highest volume
 *     first, when the policy has tiers, each tier ranked from 1
 * @param notEligible the others, by unitId, each with its reason
 * @param lists the policy's named lists (红榜, 黑榜, ...), per tier, in the policy's order
 */
public record Ranking(
        PolicyRef policy, int top, List<RankingRow> rows, List<NotEligibleUnit> notEligible, List<RankedList> lists) {
    public Ranking {
        rows = List.copyOf(rows);
        notEligible = List.copyOf(notEligible);
        lists = lists == null ? List.of() : List.copyOf(lists);
    }
}
