package io.minxin.notice.disputes;

import io.minxin.events.audit.AuditAction;
import io.minxin.events.audit.AuditTargets;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.DecisionBody;
import io.minxin.events.decision.DisputeDecided;
import io.minxin.events.decision.DisputeFiled;
import io.minxin.events.decision.DisputeSubject;
import io.minxin.events.decision.Exclusion;
import io.minxin.events.decision.Indicator;
import io.minxin.events.decision.PushbackRuling;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Scope;
import io.minxin.events.problem.FieldViolation;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.notice.cases.CaseFacts;
import io.minxin.notice.cases.CaseFactsStore;
import io.minxin.notice.decisions.DecisionLog;
import io.minxin.notice.review.Review;
import io.minxin.notice.review.Reviews;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.problem.ProblemException;
import io.minxin.servicekit.scope.UnitAccess;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Disputes (申诉): a unit files one about a judgment against it on one of its cases, within the window after the
 * period; an operator accepts or rejects it with a reason. An accepted dispute changes the numbers only through
 * the decisions it brings, recorded with its decision in one {@link DecisionLog#record(List)} call.
 */
@Service
class Disputes {
    static final String UPHELD = "申诉成立：";

    private final DisputeStore store;
    private final CaseFactsStore cases;
    private final Reviews reviews;
    private final DecisionLog decisions;
    private final AuditTrail audit;
    private final DisputeWindow window;
    private final UnitAccess access;
    private final Clock clock;

    Disputes(
            DisputeStore store,
            CaseFactsStore cases,
            Reviews reviews,
            DecisionLog decisions,
            AuditTrail audit,
            DisputeWindow window,
            UnitAccess access,
            Clock clock) {
        this.store = store;
        this.cases = cases;
        this.reviews = reviews;
        this.decisions = decisions;
        this.audit = audit;
        this.window = window;
        this.access = access;
        this.clock = clock;
    }

    /** What the audit trail keeps of a filing. */
    record Filed(
            String disputeId, String decisionId, String caseId, String unitId, DisputeSubject subject, String reason) {}

    /** What the audit trail keeps of an operator's decision, with the decisions an acceptance brought. */
    record Decided(
            String disputeId,
            String caseId,
            String unitId,
            DisputeSubject subject,
            boolean accepted,
            String reason,
            List<String> decisionIds) {}

    /**
     * @throws ProblemException 400 naming every bad field (and {@code subject} when it does not apply to the case),
     *     403 for a key not limited to one unit or a case the unit never had, 404 for an unknown case, 409 after
     *     the window or while the same dispute is open
     */
    Mono<Dispute> file(DisputeRequests.Filing request, Caller caller) {
        Scope scope = caller.scope();
        if (scope.kind() != Scope.Kind.UNIT) {
            return Mono.error(new ProblemException(
                    HttpStatus.FORBIDDEN,
                    null,
                    "a dispute is filed by its unit: with a key limited to one unit (scope unit:<id>), not "
                            + scope.wire(),
                    List.of()));
        }
        List<FieldViolation> violations = request.violations();
        if (!violations.isEmpty()) {
            return Mono.error(ProblemException.invalid("dispute", violations));
        }
        String unitId = scope.id();
        String caseId = request.caseId().strip();
        DisputeSubject subject = request.subjectOrNull();
        return cases.byId(caseId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no case " + caseId)))
                .flatMap(facts -> {
                    if (!facts.involves(unitId)) {
                        return Mono.error(UnitAccess.forbidden(scope, "case " + caseId));
                    }
                    return pushbackUnit(caseId, subject)
                            .flatMap(pushbackUnit -> admissible(facts, unitId, subject, pushbackUnit.orElse(null)))
                            .then(Mono.defer(() -> record(
                                    facts, unitId, subject, request.reason().strip(), caller)));
                });
    }

    private Mono<Optional<String>> pushbackUnit(String caseId, DisputeSubject subject) {
        if (subject != DisputeSubject.PUSHBACK) {
            return Mono.just(Optional.empty());
        }
        return reviews.review(caseId)
                .map(review -> Optional.ofNullable(review.chargedUnitId()))
                .defaultIfEmpty(Optional.empty());
    }

    private Mono<Void> admissible(CaseFacts facts, String unitId, DisputeSubject subject, String pushbackUnit) {
        Optional<String> whyNot = DisputeRules.whyNot(subject, facts, unitId, pushbackUnit);
        if (whyNot.isPresent()) {
            return Mono.error(ProblemException.invalid("subject", whyNot.get()));
        }
        if (!window.open(AssessmentPeriod.parse(facts.period()), clock.instant())) {
            return Mono.error(ProblemException.conflict("disputes about cases of " + facts.period()
                    + " could be filed until " + window.lastDay(AssessmentPeriod.parse(facts.period()))
                    + " (the window after the period is over)"));
        }
        return store.find(null, null, facts.caseId(), subject)
                .filter(dispute -> dispute.status() == DisputeStatus.OPEN)
                .next()
                .flatMap(open -> Mono.error(ProblemException.conflict("dispute " + open.disputeId() + " about "
                        + subject + " of case " + facts.caseId() + " is open; it is decided first")));
    }

    private Mono<Dispute> record(CaseFacts facts, String unitId, DisputeSubject subject, String reason, Caller caller) {
        String disputeId = UUID.randomUUID().toString();
        Decision decision = decisions.decide(
                caller, facts.period(), reason, new DisputeFiled(disputeId, facts.caseId(), unitId, subject));
        return decisions
                .record(decision)
                .then(audit.recordLater(
                        caller,
                        AuditAction.DISPUTE_FILE,
                        AuditTargets.dispute(disputeId),
                        new Filed(disputeId, decision.id(), facts.caseId(), unitId, subject, reason),
                        unitId + " disputed " + subject + " of case " + facts.caseId()))
                .then(store.byId(disputeId));
    }

    /**
     * @throws ProblemException 400 naming every bad field, 404 for an unknown dispute, 409 once it is decided
     */
    Mono<Dispute> decide(String disputeId, DisputeRequests.Decision request, Caller operator) {
        List<FieldViolation> violations = request.violations();
        if (!violations.isEmpty()) {
            return Mono.error(ProblemException.invalid("decision", violations));
        }
        return store.byId(disputeId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no dispute " + disputeId)))
                .flatMap(dispute -> dispute.status() != DisputeStatus.OPEN
                        ? Mono.error(ProblemException.conflict(
                                "dispute " + disputeId + " was decided already: " + dispute.status()))
                        : candidateUnit(dispute)
                                .flatMap(candidate -> decided(
                                        dispute,
                                        request.accepted(),
                                        request.reason().strip(),
                                        candidate,
                                        operator)));
    }

    private Mono<String> candidateUnit(Dispute dispute) {
        return reviews.review(dispute.caseId())
                .map(Review::candidate)
                .map(candidate -> candidate.unitId())
                .defaultIfEmpty(dispute.unitId());
    }

    private Mono<Dispute> decided(
            Dispute dispute, boolean accepted, String reason, String candidateUnitId, Caller operator) {
        List<Decision> all = new ArrayList<>();
        all.add(decisions.decide(
                operator,
                dispute.period(),
                reason,
                new DisputeDecided(dispute.disputeId(), dispute.caseId(), dispute.unitId(), accepted)));
        if (accepted) {
            all.add(decisions.decide(
                    operator, dispute.period(), UPHELD + reason, consequence(dispute, candidateUnitId)));
        }
        return decisions
                .record(all)
                .flatMap(recorded -> audit.recordLater(
                        operator,
                        AuditAction.DISPUTE_DECIDE,
                        AuditTargets.dispute(dispute.disputeId()),
                        new Decided(
                                dispute.disputeId(),
                                dispute.caseId(),
                                dispute.unitId(),
                                dispute.subject(),
                                accepted,
                                reason,
                                recorded.stream().map(Decision::id).toList()),
                        (accepted ? "accepted" : "rejected") + " dispute " + dispute.disputeId() + " of "
                                + dispute.unitId() + " about " + dispute.subject() + " of case " + dispute.caseId()))
                .then(store.byId(dispute.disputeId()));
    }

    /** What an accepted dispute changes: the 较差件 dismissed, or the case excluded from the disputed indicator. */
    static DecisionBody consequence(Dispute dispute, String candidateUnitId) {
        String caseId = dispute.caseId();
        String id = dispute.disputeId();
        return switch (dispute.subject()) {
            case PUSHBACK ->
                new PushbackRuling(caseId, PushbackRuling.Verdict.DISMISSED, candidateUnitId, null, null, "", id);
            case RETURN -> new Exclusion(caseId, List.of(Indicator.RETURNS), true, id);
            case UNSATISFIED_VISIT -> new Exclusion(caseId, List.of(Indicator.SATISFACTION_RATE), true, id);
            case NOT_EXCELLENT_VISIT -> new Exclusion(caseId, List.of(Indicator.EXCELLENT_RATE), true, id);
            case LATE_CONCLUSION -> new Exclusion(caseId, List.of(Indicator.ON_TIME_RATE), true, id);
        };
    }

    /** The disputes a caller of {@code scope} may see: a unit scope its own unit's only. */
    Flux<Dispute> find(String period, DisputeStatus status, String unitId, Scope scope) {
        if (unitId != null) {
            access.require(scope, unitId);
        }
        String unit = unitId != null ? unitId : scope.kind() == Scope.Kind.UNIT ? scope.id() : null;
        return store.find(period, unit, null, null)
                .filter(dispute -> status == null || dispute.status() == status)
                .filter(dispute -> access.covers(scope, dispute.unitId()));
    }

    /** @throws ProblemException 404 for an unknown dispute, 403 for another unit's */
    Mono<Dispute> get(String disputeId, Scope scope) {
        return store.byId(disputeId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no dispute " + disputeId)))
                .doOnNext(dispute -> access.require(scope, dispute.unitId()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        // start-up, on the main thread: the indexes exist before the service reports ready
        store.ensureIndexes().block(Duration.ofSeconds(30));
    }
}
