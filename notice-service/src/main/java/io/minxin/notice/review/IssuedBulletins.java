package io.minxin.notice.review;

import reactor.core.publisher.Mono;

/**
 * Whether a period's bulletin has been issued: from then on its table 3 is frozen, and a ruling on one of its
 * candidates is refused (a change after issue is a 更正 of the bulletin). The bulletin's issue package answers it,
 * however it keeps its issues.
 */
@FunctionalInterface
public interface IssuedBulletins {
    /** Emits true once the bulletin of {@code period} ({@code YYYY-MM}) is issued. */
    Mono<Boolean> issued(String period);
}
