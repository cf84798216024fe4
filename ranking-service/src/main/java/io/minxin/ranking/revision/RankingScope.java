package io.minxin.ranking.revision;

import io.minxin.events.identity.Scope;
import io.minxin.events.ranking.NotEligibleUnit;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RankingRow;
import io.minxin.events.ranking.RevisionDiff;
import io.minxin.events.ranking.RowChange;
import io.minxin.servicekit.scope.UnitAccess;

/**
 * What a caller's scope lets it see of a ranking, decided by the service's {@link UnitAccess}: the rows,
 * not-eligible units and diff entries of the covered units, each as ranked among all units (a unit sees its own
 * row with its rank, and nobody else's). The rows are selected first ({@code top}, {@code bottom}) as for anyone,
 * then filtered; without {@code top} a scoped caller gets its rows at whatever place, not only the policy's best
 * places. Policies and the revision's policy, top and status are the same for everyone.
 */
final class RankingScope {
    private final UnitAccess access;

    RankingScope(UnitAccess access) {
        this.access = access;
    }

    /** The places a ranking shows when the caller gives no {@code top}: the policy's for the city, all for a scope. */
    static int defaultTop(Scope scope, RankingRevision ranking) {
        return scope.isAll() ? ranking.top() : Integer.MAX_VALUE;
    }

    RankingRevision visible(Scope scope, RankingRevision ranking) {
        if (scope.isAll()) {
            return ranking;
        }
        RevisionDiff diff = ranking.diff() == null
                ? null
                : new RevisionDiff(
                        ranking.diff().previousRevision(),
                        access.visible(scope, ranking.diff().changes(), RowChange::unitId));
        return new RankingRevision(
                ranking.id(),
                ranking.period(),
                ranking.channel(),
                ranking.revision(),
                ranking.status(),
                ranking.policy(),
                ranking.top(),
                ranking.closedAt(),
                ranking.createdAt(),
                ranking.publishedAt(),
                access.visible(scope, ranking.rows(), RankingRow::unitId),
                access.visible(scope, ranking.notEligible(), NotEligibleUnit::unitId),
                diff,
                ranking.lists().stream()
                        .map(list -> list.withUnits(access.visible(scope, list.unitIds(), unitId -> unitId)))
                        .toList());
    }
}
