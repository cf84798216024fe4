package io.minxin.ranking.revision;

import io.minxin.events.ranking.NotEligibleUnit;
import io.minxin.events.ranking.PolicyRef;
import io.minxin.events.ranking.RankingInputs;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RankingRow;
import io.minxin.events.ranking.RevisionDiff;
import io.minxin.events.state.ExcludedCase;
import io.minxin.ranking.engine.Ranking;
import io.minxin.ranking.engine.RankingEngine;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.engine.UnitPerformance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The ranking of one jurisdiction taken from a ranking of all units: the engine's order is local (a unit's place
 * depends on its own inputs alone, {@link RankingEngine#within}), so restricting a revision to the members and
 * ranking them again among themselves is exactly what ranking the members alone would give, and a closed revision's
 * jurisdiction view comes from the frozen revision itself. A jurisdiction with a policy of its own is ranked under
 * it from the inputs the revision holds ({@link #under}), again without reading the period's inputs. A diff is taken
 * again between the restricted revisions: a unit whose place in the city moved while its place in its district did
 * not has not changed there.
 */
final class JurisdictionRankings {

    /** {@code revision} of the members only, ranked among themselves, with the lists of its policy; without a diff. */
    static RankingRevision within(RankingRevision revision, RankingPolicy policy, Predicate<String> members) {
        return ranked(
                revision, revision.policy(), revision.top(), RankingEngine.within(policy, ranking(revision), members));
    }

    /**
     * {@code revision} of the members only, ranked among themselves under {@code policy} (the jurisdiction's own) from
     * the inputs the revision holds, which every row and not-eligible entry carries: a frozen revision's view under
     * it does not move when the period's inputs change later. Without a diff; the policy, its top and lists are the
     * jurisdiction's.
     */
    static RankingRevision under(RankingRevision revision, RankingPolicy policy, Predicate<String> members) {
        return ranked(revision, policy.ref(), policy.top(), RankingEngine.rank(policy, units(revision, members)));
    }

    /** {@code revision}'s period, number, status and dates with the rows of {@code ranking}; without a diff. */
    private static RankingRevision ranked(RankingRevision revision, PolicyRef policy, int top, Ranking ranking) {
        return new RankingRevision(
                revision.id(),
                revision.period(),
                revision.channel(),
                revision.revision(),
                revision.status(),
                policy,
                top,
                revision.closedAt(),
                revision.createdAt(),
                revision.publishedAt(),
                ranking.rows(),
                ranking.notEligible(),
                null,
                ranking.lists());
    }

    /** The members' inputs as the revision ranked them: counts, rates (as given) and exclusions. */
    static List<UnitPerformance> units(RankingRevision revision, Predicate<String> members) {
        List<UnitPerformance> units = new ArrayList<>();
        for (RankingRow row : revision.rows()) {
            if (members.test(row.unitId())) {
                units.add(unit(row.unitId(), row.unitName(), row.inputs(), row.exclusions()));
            }
        }
        for (NotEligibleUnit unit : revision.notEligible()) {
            if (members.test(unit.unitId())) {
                units.add(unit(unit.unitId(), unit.unitName(), unit.inputs(), unit.exclusions()));
            }
        }
        return units;
    }

    private static UnitPerformance unit(
            String unitId, String unitName, RankingInputs inputs, List<ExcludedCase> exclusions) {
        return new UnitPerformance(unitId, unitName, inputs.counts(), inputs.rates(), exclusions);
    }

    /**
     * The restricted revisions of one channel, each with its diff taken again against the restricted revision its own
     * diff was against ({@code originals} and {@code restricted} in the same order).
     */
    static List<RankingRevision> withDiffs(
            List<RankingRevision> originals, List<RankingRevision> restricted, Predicate<String> members) {
        Map<Integer, RankingRevision> byNumber = new HashMap<>();
        restricted.forEach(revision -> byNumber.put(revision.revision(), revision));
        return IntStream.range(0, restricted.size())
                .mapToObj(i -> withDiff(
                        restricted.get(i), originals.get(i).diff(), byNumber.get(diffBase(originals.get(i))), members))
                .toList();
    }

    /** The number of the revision {@code revision}'s diff is against; null without a diff. */
    static Integer diffBase(RankingRevision revision) {
        return revision.diff() == null ? null : revision.diff().previousRevision();
    }

    /**
     * {@code restricted} with the diff against {@code previous} (restricted alike); none when the original had none.
     * Were the previous revision missing, the original's changes of members are kept, their ranks those of all units.
     */
    static RankingRevision withDiff(
            RankingRevision restricted, RevisionDiff original, RankingRevision previous, Predicate<String> members) {
        if (original == null) {
            return restricted;
        }
        if (previous == null) {
            return restricted.withDiff(new RevisionDiff(
                    original.previousRevision(),
                    original.changes().stream()
                            .filter(change -> members.test(change.unitId()))
                            .toList()));
        }
        return restricted.withDiff(RevisionDiffer.diff(previous, ranking(restricted)));
    }

    /** A revision's rows, not-eligible units and lists as the engine's ranking. */
    static Ranking ranking(RankingRevision revision) {
        return new Ranking(
                revision.policy(), revision.top(), revision.rows(), revision.notEligible(), revision.lists());
    }

    private JurisdictionRankings() {}
}
