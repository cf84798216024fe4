package io.minxin.notice.issue;

import io.minxin.notice.review.IssuedBulletins;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The review's view of whether a period's bulletin is issued, from the issues this package keeps. */
@Component
class IssuedPeriods implements IssuedBulletins {
    private final BulletinIssues issues;

    IssuedPeriods(BulletinIssues issues) {
        this.issues = issues;
    }

    @Override
    public Mono<Boolean> issued(String period) {
        return issues.issued(period).hasElement();
    }
}
