package io.minxin.notice.review;

import io.minxin.events.audit.AuditAction;
import io.minxin.events.audit.AuditTargets;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.PushbackRuling;
import io.minxin.events.decision.PushbackRuling.Verdict;
import io.minxin.events.identity.Caller;
import io.minxin.events.notice.ReviewItem;
import io.minxin.events.notice.ReviewStatus;
import io.minxin.events.problem.FieldViolation;
import io.minxin.notice.decisions.DecisionLog;
import io.minxin.notice.units.UnitDirectory;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.problem.ProblemException;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * An operator rules on a candidate: validated, recorded as a {@link PushbackRuling} decision (the review is then
 * stored by the projection), audited, answered with the review as it now stands.
 */
@Service
class ReviewRulings {
    private final Reviews reviews;
    private final DecisionLog decisions;
    private final AuditTrail audit;
    private final IssuedBulletins issued;
    private final UnitDirectory directory;

    ReviewRulings(
            Reviews reviews, DecisionLog decisions, AuditTrail audit, IssuedBulletins issued, UnitDirectory directory) {
        this.reviews = reviews;
        this.decisions = decisions;
        this.audit = audit;
        this.issued = issued;
        this.directory = directory;
    }

    /** What the audit trail keeps of a ruling. */
    record Ruled(
            String decisionId,
            String caseId,
            String period,
            Verdict verdict,
            String candidateUnitId,
            String responsibleUnitId,
            String ruling,
            String reason,
            ReviewStatus previousStatus) {}

    /**
     * @throws ProblemException 400 naming every bad field, 404 for a case without a candidate, 409 once the
     *     period's bulletin is issued
     */
    Mono<ReviewItem> rule(String caseId, RulingRequest request, Caller operator) {
        List<FieldViolation> violations = request.violations();
        if (!violations.isEmpty()) {
            return Mono.error(ProblemException.invalid("ruling", violations));
        }
        return reviews.review(caseId)
                .filter(review -> review.candidate() != null)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("case " + caseId + " is no 较差件 candidate")))
                .flatMap(review -> {
                    List<FieldViolation> against =
                            request.violations(review.candidate().unitId());
                    if (!against.isEmpty()) {
                        return Mono.error(ProblemException.invalid("ruling", against));
                    }
                    return issued.issued(review.period())
                            .flatMap(done -> done
                                    ? Mono.error(ProblemException.conflict("the bulletin of " + review.period()
                                            + " is issued: its 较差件 are frozen; correct the bulletin instead"))
                                    : record(review, request, operator));
                });
    }

    private Mono<ReviewItem> record(Review review, RulingRequest request, Caller operator) {
        Verdict verdict = request.verdictOrNull();
        String candidateUnitId = review.candidate().unitId();
        String responsibleId = switch (verdict) {
            case CONFIRMED -> candidateUnitId;
            case REASSIGNED -> RulingRequest.strip(request.responsibleUnitId());
            case DISMISSED -> null;
        };
        String responsibleName = switch (verdict) {
            case CONFIRMED -> review.candidate().unitName();
            case REASSIGNED ->
                RulingRequest.strip(request.responsibleUnitName()) != null
                        ? RulingRequest.strip(request.responsibleUnitName())
                        : directory.name(responsibleId).orElse(null);
            case DISMISSED -> null;
        };
        String ruling = request.ruling() == null ? "" : request.ruling().strip();
        String reason = request.reason() == null ? "" : request.reason().strip();
        PushbackRuling body =
                new PushbackRuling(review.caseId(), verdict, candidateUnitId, responsibleId, responsibleName, ruling);
        Decision decision = decisions.decide(operator, review.period(), reason, body);
        ReviewStatus previous = review.status(reviews.modeOf(review));
        return decisions
                .record(decision)
                .then(audit.recordLater(
                        operator,
                        AuditAction.PUSHBACK_RULING,
                        AuditTargets.caseOf(review.caseId()),
                        new Ruled(
                                decision.id(),
                                review.caseId(),
                                review.period(),
                                verdict,
                                candidateUnitId,
                                responsibleId,
                                ruling,
                                reason,
                                previous),
                        "ruled 较差件 candidate " + review.caseId() + " of " + review.period() + ": " + verdict
                                + (responsibleId == null || verdict == Verdict.CONFIRMED
                                        ? ""
                                        : " to " + responsibleId)))
                .then(reviews.review(review.caseId()))
                .map(reviews::item);
    }
}
