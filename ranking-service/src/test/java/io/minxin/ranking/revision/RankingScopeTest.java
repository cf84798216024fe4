package io.minxin.ranking.revision;

import static io.minxin.ranking.engine.Units.counted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.minxin.events.identity.Scope;
import io.minxin.events.ranking.NotEligibleUnit;
import io.minxin.events.ranking.RankedList;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RankingRow;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.events.ranking.RowChange;
import io.minxin.ranking.engine.RankingEngine;
import io.minxin.ranking.engine.UnitPerformance;
import io.minxin.servicekit.scope.Jurisdictions;
import io.minxin.servicekit.scope.UnitAccess;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingScopeTest {
    private static final UnitPerformance A = counted("a", 10, 10, 10, 0, 0, 0, 0, 0);
    private static final UnitPerformance B = counted("b", 10, 9, 9, 0, 0, 0, 0, 0);
    private static final UnitPerformance C = counted("c", 10, 8, 8, 0, 0, 0, 0, 0);
    private static final UnitPerformance IDLE = counted("d", 0, 0, 0, 0, 0, 0, 0, 0);

    private final RankingScope scope = new RankingScope(new UnitAccess(Jurisdictions.UNKNOWN));

    private static RankingRevision ranked(UnitPerformance... units) {
        return Revisions.of(1, RevisionStatus.PUBLISHED, RankingEngine.rank(Revisions.BY_COMPLETION, List.of(units)));
    }

    @Test
    void aUnitSeesItsOwnRowWithTheRankItHasAmongAll() {
        RankingRevision seen = scope.visible(Scope.unit("c"), ranked(A, B, C, IDLE));

        assertThat(seen.rows()).extracting(RankingRow::unitId, RankingRow::rank).containsExactly(tuple("c", 3));
        assertThat(seen.notEligible()).isEmpty();
        assertThat(seen.top()).isEqualTo(2);
    }

    @Test
    void aUnitLeftOutOfTheOrderSeesOnlyItsOwnReason() {
        RankingRevision seen = scope.visible(Scope.unit("d"), ranked(A, B, C, IDLE));

        assertThat(seen.rows()).isEmpty();
        assertThat(seen.notEligible()).extracting(NotEligibleUnit::unitId).containsExactly("d");
    }

    @Test
    void aPendingRevisionsDiffShowsOnlyTheUnitsOwnChange() {
        RankingRevision first = ranked(A, B, C);
        RankingRevision second = ranked(C, B, A)
                .withDiff(RevisionDiffer.diff(
                        first,
                        RankingEngine.rank(
                                Revisions.BY_COMPLETION, List.of(counted("a", 10, 7, 7, 0, 0, 0, 0, 0), B, C))));

        RankingRevision seen = scope.visible(Scope.unit("a"), second);

        assertThat(seen.diff().changes()).extracting(RowChange::unitId).containsExactly("a");
        assertThat(seen.diff().previousRevision()).isEqualTo(first.revision());
    }

    @Test
    void givenNamedLists_whenAUnitLooks_thenEachListNamesAtMostTheUnitItself() {
        RankingRevision ranking =
                Revisions.of(1, RevisionStatus.PUBLISHED, RankingEngine.rank(Revisions.WITH_LISTS, List.of(A, B, C)));

        RankingRevision seen = scope.visible(Scope.unit("c"), ranking);

        assertThat(ranking.lists()).extracting(RankedList::unitIds).containsExactly(List.of("a"), List.of("c"));
        assertThat(seen.lists())
                .extracting(RankedList::name, RankedList::unitIds)
                .containsExactly(tuple("红榜", List.of()), tuple("黑榜", List.of("c")));
    }

    @Test
    void theCityWideScopeSeesTheRankingAsItIs() {
        RankingRevision ranking = ranked(A, B, C, IDLE);

        assertThat(scope.visible(Scope.ALL, ranking)).isSameAs(ranking);
        assertThat(RankingScope.defaultTop(Scope.ALL, ranking)).isEqualTo(2);
    }

    @Test
    void withoutTopAScopedCallerGetsItsRowAtWhateverPlace() {
        RankingRevision ranking = ranked(A, B, C);
        RankingRevision top = RankingViews.top(ranking, RankingScope.defaultTop(Scope.unit("c"), ranking));

        assertThat(scope.visible(Scope.unit("c"), top).rows())
                .extracting(RankingRow::unitId)
                .containsExactly("c");
    }

    @Test
    void aJurisdictionScopeSeesNoRowWhileJurisdictionsAreUnknown() {
        assertThat(scope.visible(Scope.jurisdiction("xinglongtai"), ranked(A, B, C))
                        .rows())
                .isEmpty();
    }
}
