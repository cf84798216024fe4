package io.minxin.ranking.revision;

import static io.minxin.ranking.engine.Units.counted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.minxin.events.Channel;
import io.minxin.events.decision.Indicator;
import io.minxin.events.ranking.NotEligibleUnit;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RevisionDiff;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.events.ranking.RowChange;
import io.minxin.events.state.Counts;
import io.minxin.events.state.ExcludedCase;
import io.minxin.events.state.Rates;
import io.minxin.ranking.engine.Ranking;
import io.minxin.ranking.engine.RankingEngine;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.engine.Rate;
import io.minxin.ranking.engine.UnitPerformance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevisionDifferTest {
    private static final RankingPolicy POLICY = new RankingPolicy(
            "web-ranking",
            1,
            Channel.WEB,
            "2000-01",
            null,
            2,
            RankingPolicy.OrderMethod.LEXICOGRAPHIC,
            Map.of(),
            List.of(Rate.COMPLETION),
            List.of(RankingPolicy.TieBreak.RECEIVED),
            5,
            RankingPolicy.RateEstimator.RAW,
            RankingPolicy.NullRates.RANK_LAST,
            null,
            null,
            List.of(),
            null,
            List.of(),
            List.of());

    private static final UnitPerformance A = counted("a", 10, 10, 10, 0, 0, 0, 0, 0);
    private static final UnitPerformance B = counted("b", 10, 9, 9, 0, 0, 0, 0, 0);
    private static final UnitPerformance C = counted("c", 10, 8, 8, 0, 0, 0, 0, 0);

    @Test
    void sameInputsMakeNoChange() {
        RankingRevision first = Revisions.of(1, RevisionStatus.PUBLISHED, rank(A, B, C));

        RevisionDiff diff = RevisionDiffer.diff(first, rank(C, B, A));

        assertThat(diff.previousRevision()).isEqualTo(1);
        assertThat(diff.changes()).isEmpty();
    }

    @Test
    void lateConclusionListsTheUnitsWhoseRankOrInputsChangedButNotTheOthers() {
        RankingRevision first = Revisions.of(1, RevisionStatus.PUBLISHED, rank(A, B, C));
        UnitPerformance cLate = counted("c", 10, 10, 10, 0, 0, 0, 0, 0);

        RevisionDiff diff = RevisionDiffer.diff(first, rank(A, B, cLate));

        assertThat(diff.changes())
                .extracting(RowChange::unitId, RowChange::previousRank, RowChange::rank)
                .containsExactly(tuple("c", 3, 1), tuple("b", 2, 3));
        assertThat(diff.changes().get(0).previousInputs().counts().concluded()).isEqualTo(8);
        assertThat(diff.changes().get(0).inputs().counts().concluded()).isEqualTo(10);
    }

    @Test
    void unitThatAppearsOrBecomesIneligibleIsAChange() {
        RankingRevision first = Revisions.of(1, RevisionStatus.PUBLISHED, rank(A, B));
        UnitPerformance bShrunk = counted("b", 1, 1, 1, 0, 0, 0, 0, 0);

        RevisionDiff diff = RevisionDiffer.diff(first, rank(A, bShrunk, C));

        assertThat(diff.changes())
                .extracting(RowChange::unitId, RowChange::previousRank, RowChange::rank)
                .containsExactly(tuple("c", null, 2), tuple("b", 2, null));
        assertThat(diff.changes().get(0).previousInputs()).isNull();
    }

    @Test
    void givenALateExclusionThenTheDiffListsTheUnitWithItsNewInputsAndExclusions() {
        RankingRevision first = Revisions.of(1, RevisionStatus.PUBLISHED, rank(A, B, C));
        ExcludedCase excluded = excluded("625810", Indicator.COMPLETION_RATE);
        Counts counts = C.counts().excluding(Counts.Excluded.from("completionRate", new Counts.Part(0, 2)));
        UnitPerformance cExcluded = new UnitPerformance("c", "c", counts, Rates.of(counts), List.of(excluded));

        RevisionDiff diff = RevisionDiffer.diff(first, rank(A, B, cExcluded));

        assertThat(diff.changes())
                .extracting(RowChange::unitId, RowChange::previousRank, RowChange::rank)
                .containsExactly(tuple("c", 3, 1), tuple("b", 2, 3));
        RowChange c = diff.changes().get(0);
        assertThat(c.previousExclusions()).isEmpty();
        assertThat(c.exclusions()).containsExactly(excluded);
        assertThat(c.inputs().rates().completionRate()).isEqualTo(1.0);
        assertThat(RevisionDiffer.sameRanking(first, rank(A, B, cExcluded))).isFalse();
    }

    @Test
    void givenAnExclusionThatChangesNoCountThenTheUnitIsStillAChange() {
        RankingRevision first = Revisions.of(1, RevisionStatus.PUBLISHED, rank(A, B, C));
        ExcludedCase notYetConcluded = excluded("625811", Indicator.ON_TIME_RATE);
        UnitPerformance bListed = new UnitPerformance("b", "b", B.counts(), B.rates(), List.of(notYetConcluded));

        Ranking revised = rank(A, bListed, C);

        assertThat(RevisionDiffer.sameRanking(first, revised)).isFalse();
        assertThat(RevisionDiffer.diff(first, revised).changes())
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.unitId()).isEqualTo("b");
                    assertThat(change.rank()).isEqualTo(change.previousRank());
                    assertThat(change.exclusions()).containsExactly(notYetConcluded);
                });
    }

    @Test
    void latestFrozenIsTheNewestPublishedOrRevisionOne() {
        RankingRevision first = Revisions.of(1, RevisionStatus.PENDING, rank(A));
        RankingRevision second = Revisions.of(2, RevisionStatus.PUBLISHED, rank(A));
        RankingRevision third = Revisions.of(3, RevisionStatus.PENDING, rank(A));

        assertThat(RevisionKeeper.latestFrozen(List.of(first))).isSameAs(first);
        assertThat(RevisionKeeper.latestFrozen(List.of(first, second, third))).isSameAs(second);
        assertThat(RevisionKeeper.latestFrozen(List.of())).isNull();
    }

    private static ExcludedCase excluded(String caseId, Indicator indicator) {
        return new ExcludedCase(
                caseId, List.of(indicator), "经核实为不合理诉求", "d-" + caseId, Instant.parse("2020-10-05T01:00:00Z"), null);
    }

    @Test
    void givenARevisionStoredBeforeGroundsWereRecordedThenTheSameRankingIsNoNewRevision() {
        UnitPerformance tiny = counted("tiny", 1, 1, 1, 0, 0, 0, 0, 0);
        Ranking now = rank(A, B, tiny);
        Ranking before = new Ranking(
                now.policy(),
                now.top(),
                now.rows(),
                now.notEligible().stream().map(NotEligibleUnit::withoutGrounds).toList(),
                now.lists());
        RankingRevision stored = Revisions.of(1, RevisionStatus.PUBLISHED, before);

        assertThat(now.notEligible().get(0).grounds()).isNotEmpty();
        assertThat(RevisionDiffer.sameRanking(stored, now)).isTrue();
    }

    private static Ranking rank(UnitPerformance... units) {
        return RankingEngine.rank(POLICY, List.of(units));
    }
}
