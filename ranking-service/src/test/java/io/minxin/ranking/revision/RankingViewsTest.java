package io.minxin.ranking.revision;

import static io.minxin.ranking.engine.Units.counted;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RankingRow;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.ranking.engine.RankingEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingViewsTest {
    /** Ranks 1, 2, 2, 4, 4. */
    private static final RankingRevision FIVE = Revisions.of(
            1,
            RevisionStatus.PUBLISHED,
            RankingEngine.rank(
                    Revisions.BY_COMPLETION,
                    List.of(
                            counted("a", 10, 10, 10, 0, 0, 0, 0, 0),
                            counted("b", 10, 9, 9, 0, 0, 0, 0, 0),
                            counted("c", 10, 9, 9, 0, 0, 0, 0, 0),
                            counted("d", 10, 5, 5, 0, 0, 0, 0, 0),
                            counted("e", 10, 5, 5, 0, 0, 0, 0, 0))));

    @Test
    void topKeepsEveryUnitTiedOnTheLastPlace() {
        assertThat(RankingViews.top(FIVE, 2).rows())
                .extracting(RankingRow::unitId)
                .containsExactly("a", "b", "c");
        assertThat(FIVE.topRows()).extracting(RankingRow::unitId).containsExactly("a", "b", "c");
    }

    @Test
    void bottomIsTheLastRowsInRankOrderWithTies() {
        assertThat(RankingViews.bottom(FIVE, 1).rows())
                .extracting(RankingRow::unitId)
                .containsExactly("d", "e");
        assertThat(RankingViews.bottom(FIVE, 3).rows())
                .extracting(RankingRow::unitId)
                .containsExactly("b", "c", "d", "e");
        assertThat(RankingViews.bottom(FIVE, 9).rows()).hasSize(5);
    }
}
