package io.minxin.notice.exclusions;

import io.minxin.events.decision.Decision;
import io.minxin.events.decision.Exclusion;
import io.minxin.events.decision.Indicator;
import java.time.Instant;
import java.util.List;

/**
 * The exclusion decision that stands for one case and indicator.
 *
 * @param excluded true: the case counts nowhere in the indicator; false: an exclusion taken back
 * @param reason the operator's reason ("申诉成立：…" when an accepted dispute brought it)
 * @param disputeId the dispute whose acceptance brought it, or null
 * @param unitIds the units the case had (from {@code case-state}; empty while the case is unknown here)
 */
public record ExcludedIndicator(
        String caseId,
        Indicator indicator,
        String period,
        boolean excluded,
        String reason,
        String decisionId,
        String decidedBy,
        String role,
        Instant decidedAt,
        String disputeId,
        List<String> unitIds) {
    public ExcludedIndicator {
        unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
    }

    /** One entry per indicator of an {@link Exclusion} decision. */
    static List<ExcludedIndicator> of(Decision decision) {
        Exclusion body = (Exclusion) decision.body();
        return body.indicators().stream()
                .map(indicator -> new ExcludedIndicator(
                        body.caseId(),
                        indicator,
                        decision.period(),
                        body.excluded(),
                        decision.reason(),
                        decision.id(),
                        decision.decidedBy(),
                        decision.role(),
                        decision.decidedAt(),
                        body.disputeId(),
                        List.of()))
                .toList();
    }

    ExcludedIndicator withUnits(List<String> units) {
        return new ExcludedIndicator(
                caseId, indicator, period, excluded, reason, decisionId, decidedBy, role, decidedAt, disputeId, units);
    }
}
