package io.minxin.events.notice;

import io.minxin.events.decision.Exclusion;
import io.minxin.events.decision.Indicator;
import java.time.Instant;
import java.util.List;

/**
 * The exclusion (剔除) that stands for one case and indicator, as notice-service lists it
 * ({@code GET /api/v1/exclusions?period=}), which the console reads: one entry per indicator of an {@link Exclusion}
 * decision, so one decision may stand for several indicators.
 *
 * @param excluded true: the case counts nowhere in the indicator; false: an exclusion taken back
 * @param reason the operator's reason ("申诉成立：…" when an accepted dispute brought it)
 * @param decisionId the decision that excluded it
 * @param role the role of who decided it
 * @param disputeId the dispute whose acceptance brought it, or null
 * @param unitIds the units the case had (from {@code case-state}; empty while the case is unknown to notice-service)
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
}
