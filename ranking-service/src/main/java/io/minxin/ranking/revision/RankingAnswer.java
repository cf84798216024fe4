package io.minxin.ranking.revision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.ranking.engine.RankingPolicy;

/**
 * A ranking as the API answers it: the fields of the revision (or view), and {@code jurisdiction} and
 * {@code policyOwner} when a jurisdiction was asked for. Without one the JSON is the revision's, field for field, as
 * before; the contract record on {@code rankings} stays as it is, since only the API divides a ranking by
 * jurisdiction.
 *
 * @param jurisdiction the jurisdiction id the rows are of, ranked among themselves; omitted when all units are
 * @param policyOwner whose policy ranked the rows ({@code policy} names its id and version): the jurisdiction's own,
 *     or the platform's, which ranks a jurisdiction without one in force; omitted when no jurisdiction was asked for
 */
record RankingAnswer(
        @JsonUnwrapped RankingRevision ranking,
        @JsonInclude(JsonInclude.Include.NON_NULL) String jurisdiction,
        @JsonInclude(JsonInclude.Include.NON_NULL) PolicyOwner policyOwner) {

    /** Whose policy ranked a jurisdiction's rows. */
    enum PolicyOwner {
        /** The jurisdiction's own ({@code policy.id} {@code <channel>-ranking@<jurisdiction>}). */
        JURISDICTION,
        /** The platform's, the jurisdiction having none in force (or none when the revision was frozen). */
        PLATFORM
    }

    static RankingAnswer of(RankingRevision ranking, Jurisdiction jurisdiction) {
        if (jurisdiction == null) {
            return new RankingAnswer(ranking, null, null);
        }
        boolean own = ranking.policy() != null
                && RankingPolicy.idFor(ranking.channel(), jurisdiction.id())
                        .equals(ranking.policy().id());
        return new RankingAnswer(ranking, jurisdiction.id(), own ? PolicyOwner.JURISDICTION : PolicyOwner.PLATFORM);
    }
}
