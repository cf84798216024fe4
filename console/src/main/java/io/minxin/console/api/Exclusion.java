package io.minxin.console.api;

import io.minxin.events.decision.Indicator;
import java.time.Instant;
import java.util.List;

/**
 * The exclusion (剔除) that stands for one case and indicator, as notice-service lists it
 * ({@code GET /api/v1/exclusions?period=}).
 *
 * @param excluded true: the case counts nowhere in the indicator; false: an exclusion taken back
 * @param reason the operator's reason ("申诉成立：…" when an accepted dispute brought it)
 * @param decisionId the decision that excluded it: one decision may exclude a case from several indicators
 * @param disputeId the dispute whose acceptance brought it, or null
 * @param unitIds the units the case had
 */
public record Exclusion(
        String caseId,
        Indicator indicator,
        String period,
        boolean excluded,
        String reason,
        String decisionId,
        String decidedBy,
        Instant decidedAt,
        String disputeId,
        List<String> unitIds) {

    public Exclusion {
        unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
    }
}
