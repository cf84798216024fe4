package io.minxin.ranking.engine;

import io.minxin.events.ranking.NotEligibleUnit;
import io.minxin.events.ranking.PolicyRef;
import io.minxin.events.ranking.RankingRow;
import java.util.List;

/**
 * The outcome of ranking the units of one channel under one policy.
 *
 * @param rows eligible units, best first, ranks shared on exact ties (1, 1, 3)
 * @param notEligible the others, by unitId, each with its reason
 */
public record Ranking(PolicyRef policy, int top, List<RankingRow> rows, List<NotEligibleUnit> notEligible) {
    public Ranking {
        rows = List.copyOf(rows);
        notEligible = List.copyOf(notEligible);
    }
}
