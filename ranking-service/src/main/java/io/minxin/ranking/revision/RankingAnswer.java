package io.minxin.ranking.revision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.minxin.events.ranking.RankingRevision;

/**
 * A ranking as the API answers it: the fields of the revision (or view), and {@code jurisdiction} when one was asked
 * for. Without one the JSON is the revision's, field for field, as before; the contract record on {@code rankings}
 * stays as it is, since only the API divides a ranking by jurisdiction.
 *
 * @param jurisdiction the jurisdiction id the rows are of, ranked among themselves; omitted when all units are
 */
record RankingAnswer(
        @JsonUnwrapped RankingRevision ranking,
        @JsonInclude(JsonInclude.Include.NON_NULL) String jurisdiction) {

    static RankingAnswer of(RankingRevision ranking, Jurisdiction jurisdiction) {
        return new RankingAnswer(ranking, jurisdiction == null ? null : jurisdiction.id());
    }
}
