package io.minxin.ranking.revision;

import io.minxin.events.Channel;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.ranking.engine.Ranking;
import java.time.Instant;

/** Revisions built from rankings, for tests. */
final class Revisions {
    static final Instant CLOSED_AT = Instant.parse("2020-10-06T01:00:00Z");

    static RankingRevision of(int number, RevisionStatus status, Ranking ranking) {
        return new RankingRevision(
                RankingRevision.idOf("2020-09", Channel.WEB, number),
                "2020-09",
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
                null);
    }

    private Revisions() {}
}
