package io.minxin.ranking.revision;

import io.minxin.events.ranking.NotEligibleUnit;
import io.minxin.events.ranking.RankingInputs;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RankingRow;
import io.minxin.events.ranking.RevisionDiff;
import io.minxin.events.ranking.RowChange;
import io.minxin.events.state.ExcludedCase;
import io.minxin.ranking.engine.Ranking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between a stored revision and a new ranking: per unit, its rank, eligibility, inputs and the cases
 * excluded from them (an exclusion that changes no count is a change too: the row says why it counts what it counts).
 */
final class RevisionDiffer {

    /** The units whose rank, inputs or exclusions differ, in the order of the new ranking, then those that left it. */
    static RevisionDiff diff(RankingRevision previous, Ranking current) {
        Map<String, Place> before = places(previous.rows(), previous.notEligible());
        Map<String, Place> after = places(current.rows(), current.notEligible());
        Set<String> units = new LinkedHashSet<>(after.keySet());
        units.addAll(before.keySet());
        List<RowChange> changes = new ArrayList<>();
        for (String unitId : units) {
            Place was = before.get(unitId);
            Place is = after.get(unitId);
            if (was == null
                    || is == null
                    || !Objects.equals(was.rank, is.rank)
                    || !was.inputs.equals(is.inputs)
                    || !was.exclusions.equals(is.exclusions)) {
                String unitName = is != null && is.unitName != null ? is.unitName : was == null ? null : was.unitName;
                changes.add(new RowChange(
                        unitId,
                        unitName,
                        was == null ? null : was.rank,
                        is == null ? null : is.rank,
                        was == null ? null : was.inputs,
                        is == null ? null : is.inputs,
                        was == null ? List.of() : was.exclusions,
                        is == null ? List.of() : is.exclusions));
            }
        }
        return new RevisionDiff(previous.revision(), changes);
    }

    /**
     * Whether a stored revision already holds exactly this ranking. A not-eligible unit's grounds are left out: they
     * restate its reason as data, and a revision stored before they were recorded has the reason alone.
     */
    static boolean sameRanking(RankingRevision revision, Ranking ranking) {
        return revision.rows().equals(ranking.rows())
                && withoutGrounds(revision.notEligible()).equals(withoutGrounds(ranking.notEligible()));
    }

    private static List<NotEligibleUnit> withoutGrounds(List<NotEligibleUnit> units) {
        return units.stream().map(NotEligibleUnit::withoutGrounds).toList();
    }

    /** Ranked units first in rank order, then the units that are not eligible (rank null). */
    private static Map<String, Place> places(List<RankingRow> rows, List<NotEligibleUnit> notEligible) {
        Map<String, Place> places = new LinkedHashMap<>();
        for (RankingRow row : rows) {
            places.put(row.unitId(), new Place(row.unitName(), row.rank(), row.inputs(), row.exclusions()));
        }
        for (NotEligibleUnit unit : notEligible) {
            places.put(unit.unitId(), new Place(unit.unitName(), null, unit.inputs(), unit.exclusions()));
        }
        return places;
    }

    private record Place(String unitName, Integer rank, RankingInputs inputs, List<ExcludedCase> exclusions) {}

    private RevisionDiffer() {}
}
