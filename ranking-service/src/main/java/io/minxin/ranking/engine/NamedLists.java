package io.minxin.ranking.engine;

import io.minxin.events.ranking.RankedList;
import io.minxin.events.ranking.RankingRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The named lists of a ranking (五佳, 红榜, 黑榜, 较差), computed from its rows within each tier. The TOP lists are
 * taken first, so that a BOTTOM list of a small tier never names a unit a TOP list honours.
 */
final class NamedLists {
    static List<RankedList> of(RankingPolicy policy, List<RankingPolicy.Tier> tiers, List<RankingRow> rows) {
        if (policy.lists().isEmpty()) {
            return List.of();
        }
        List<String> tierNames = new ArrayList<>();
        if (tiers.isEmpty()) {
            tierNames.add(null);
        } else {
            tiers.forEach(tier -> tierNames.add(tier.name()));
        }
        List<RankedList> lists = new ArrayList<>();
        for (String tier : tierNames) {
            List<RankingRow> ofTier = rows.stream()
                    .filter(row -> Objects.equals(row.tier(), tier))
                    .toList();
            Set<String> honoured = new HashSet<>();
            for (RankingPolicy.NamedList list : policy.lists()) {
                if (list.from() == RankingPolicy.ListEnd.TOP) {
                    honoured.addAll(top(ofTier, list.size()));
                }
            }
            for (RankingPolicy.NamedList list : policy.lists()) {
                List<String> ids = list.from() == RankingPolicy.ListEnd.TOP
                        ? top(ofTier, list.size())
                        : bottom(ofTier, list.size()).stream()
                                .filter(id -> !honoured.contains(id))
                                .toList();
                lists.add(new RankedList(list.name(), list.from().name(), tier, ids));
            }
        }
        return lists;
    }

    private static List<String> top(List<RankingRow> rows, int size) {
        return RankedRows.top(rows, size).stream().map(RankingRow::unitId).toList();
    }

    private static List<String> bottom(List<RankingRow> rows, int size) {
        return RankedRows.bottom(rows, size).stream().map(RankingRow::unitId).toList();
    }

    private NamedLists() {}
}
