package io.minxin.ranking.revision;

import io.minxin.events.Channel;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.ranking.engine.Ranking;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.engine.Rate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Revisions built from rankings, for tests. */
final class Revisions {
    static final Instant CLOSED_AT = Instant.parse("2020-10-06T01:00:00Z");

    /** Web units by completion rate alone, top 2. */
    static final RankingPolicy BY_COMPLETION = byCompletion(1, List.of());

    /** {@link #BY_COMPLETION} with 红榜 the best 1 and 黑榜 the worst 1. */
    static final RankingPolicy WITH_LISTS = byCompletion(
            2,
            List.of(
                    new RankingPolicy.NamedList("红榜", RankingPolicy.ListEnd.TOP, 1),
                    new RankingPolicy.NamedList("黑榜", RankingPolicy.ListEnd.BOTTOM, 1)));

    private static RankingPolicy byCompletion(int version, List<RankingPolicy.NamedList> lists) {
        return byCompletion(version, 2, lists);
    }

    /** Web units by completion rate alone, no tie-breaks, minReceived 1, the given top and named lists. */
    static RankingPolicy byCompletion(int version, int top, List<RankingPolicy.NamedList> lists) {
        return new RankingPolicy(
                "web-ranking",
                version,
                Channel.WEB,
                "2000-01",
                null,
                1,
                RankingPolicy.OrderMethod.LEXICOGRAPHIC,
                Map.of(),
                List.of(Rate.COMPLETION),
                List.of(),
                top,
                RankingPolicy.RateEstimator.RAW,
                RankingPolicy.NullRates.RANK_LAST,
                null,
                null,
                List.of(),
                null,
                List.of(),
                lists);
    }

    static RankingRevision of(int number, RevisionStatus status, Ranking ranking) {
        return of("2020-09", number, status, ranking);
    }

    /** A web revision of {@code period}, closed (and, when published, published) at {@link #CLOSED_AT}. */
    static RankingRevision of(String period, int number, RevisionStatus status, Ranking ranking) {
        return new RankingRevision(
                RankingRevision.idOf(period, Channel.WEB, number),
                period,
                Channel.WEB,
                number,
                status,
                ranking.policy(),
                ranking.top(),
                CLOSED_AT,
                CLOSED_AT,
                status == RevisionStatus.PUBLISHED ? CLOSED_AT : null,
                ranking.rows(),
                ranking.notEligible(),
                null,
                ranking.lists());
    }

    private Revisions() {}
}
