package io.minxin.notice.exclusions;

import io.minxin.events.audit.AuditAction;
import io.minxin.events.audit.AuditTargets;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.Exclusion;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Scope;
import io.minxin.events.notice.ExcludedIndicator;
import io.minxin.events.problem.FieldViolation;
import io.minxin.notice.cases.CaseFacts;
import io.minxin.notice.cases.CaseFactsStore;
import io.minxin.notice.decisions.DecisionLog;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.problem.ProblemException;
import io.minxin.servicekit.scope.UnitAccess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Exclusions (剔除) by operators, as {@link Exclusion} decisions; and the ones that stand, per case and indicator. */
@Service
class Exclusions {
    private final ExclusionStore store;
    private final CaseFactsStore cases;
    private final DecisionLog decisions;
    private final AuditTrail audit;
    private final UnitAccess access;

    Exclusions(ExclusionStore store, CaseFactsStore cases, DecisionLog decisions, AuditTrail audit, UnitAccess access) {
        this.store = store;
        this.cases = cases;
        this.decisions = decisions;
        this.audit = audit;
        this.access = access;
    }

    /**
     * The decision as the API answers it.
     *
     * @param decisionId the {@link Exclusion} decision
     */
    record Excluded(
            String decisionId,
            String caseId,
            String period,
            List<String> indicators,
            boolean excluded,
            String reason,
            String decidedBy,
            java.time.Instant decidedAt) {
        static Excluded of(Decision decision) {
            Exclusion body = (Exclusion) decision.body();
            return new Excluded(
                    decision.id(),
                    body.caseId(),
                    decision.period(),
                    body.indicators().stream().map(each -> each.wireName()).toList(),
                    body.excluded(),
                    decision.reason(),
                    decision.decidedBy(),
                    decision.decidedAt());
        }
    }

    /** @throws ProblemException 400 naming every bad field, 404 for a case this service does not know */
    Mono<Excluded> exclude(ExclusionRequest request, Caller operator) {
        List<FieldViolation> violations = request.violations();
        if (!violations.isEmpty()) {
            return Mono.error(ProblemException.invalid("exclusion", violations));
        }
        String caseId = request.caseId().strip();
        return cases.byId(caseId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no case " + caseId)))
                .flatMap(facts -> {
                    Exclusion body = new Exclusion(caseId, request.parsed(), request.excludes(), null);
                    Decision decision = decisions.decide(
                            operator, facts.period(), request.reason().strip(), body);
                    Excluded excluded = Excluded.of(decision);
                    return decisions
                            .record(decision)
                            .then(audit.recordLater(
                                    operator,
                                    AuditAction.EXCLUSION,
                                    AuditTargets.caseOf(caseId),
                                    excluded,
                                    (body.excluded() ? "excluded case " : "restored case ") + caseId + " "
                                            + (body.excluded() ? "from " : "to ") + excluded.indicators()))
                            .thenReturn(excluded);
                });
    }

    /**
     * The exclusions that stand (latest per case and indicator, taken back ones with {@code excluded} false) of
     * cases the caller's scope covers a unit of; {@code unitId} narrows to the cases that unit had.
     */
    Flux<ExcludedIndicator> find(String period, String unitId, Scope scope) {
        if (unitId != null) {
            access.require(scope, unitId);
        }
        return store.find(period).collectList().flatMapMany(entries -> {
            List<String> caseIds =
                    entries.stream().map(ExcludedIndicator::caseId).distinct().toList();
            return cases.byIds(caseIds)
                    .collectMap(CaseFacts::caseId, Function.identity())
                    .flatMapMany(known -> Flux.fromIterable(entries)
                            .map(entry -> withUnits(entry, unitsOf(known, entry.caseId())))
                            .filter(entry -> unitId == null || entry.unitIds().contains(unitId))
                            .filter(entry -> access.coversAny(scope, entry.unitIds())));
        });
    }

    private static ExcludedIndicator withUnits(ExcludedIndicator entry, List<String> units) {
        return new ExcludedIndicator(
                entry.caseId(),
                entry.indicator(),
                entry.period(),
                entry.excluded(),
                entry.reason(),
                entry.decisionId(),
                entry.decidedBy(),
                entry.role(),
                entry.decidedAt(),
                entry.disputeId(),
                units);
    }

    private static List<String> unitsOf(Map<String, CaseFacts> known, String caseId) {
        CaseFacts facts = known.get(caseId);
        return facts == null ? List.of() : facts.units();
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        // start-up, on the main thread: the index exists before the service reports ready
        store.ensureIndexes().block(Duration.ofSeconds(30));
    }
}
