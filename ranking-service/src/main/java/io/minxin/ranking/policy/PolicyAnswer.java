package io.minxin.ranking.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.minxin.ranking.engine.RankingPolicy;

/**
 * A policy version as the API answers it: its fields, and {@code jurisdiction} when it is a jurisdiction's own.
 * The platform's versions read field for field as before. Sent back in a PUT, {@code jurisdiction} must name the
 * jurisdiction of the request ({@link PolicyReader}).
 *
 * @param jurisdiction the jurisdiction that owns the version; omitted for the platform's
 */
record PolicyAnswer(
        @JsonUnwrapped RankingPolicy policy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String jurisdiction) {

    /** {@code policy}, owned by {@code jurisdiction} when its id is that jurisdiction's (not a fallback's). */
    static PolicyAnswer of(RankingPolicy policy, String jurisdiction) {
        boolean own = jurisdiction != null
                && RankingPolicy.idFor(policy.channel(), jurisdiction).equals(policy.id());
        return new PolicyAnswer(policy, own ? jurisdiction : null);
    }
}
