package io.minxin.events.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.minxin.events.decision.Indicator;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * 剔除 in force: one exclusion decision ({@code io.minxin.events.decision.Exclusion}) that still stands for a case, with
 * the indicators it still decides (per case and indicator the latest exclusion decision stands, so a later one can take
 * some of its indicators away).
 *
 * @param caseId the case
 * @param indicators the indicators excluded by this decision and not decided since, in {@link Indicator} order; in a
 *     unit's metrics only those that apply to that unit (the rates for the unit the case counts for, {@code returns}
 *     for a unit that returned it)
 * @param reason the decision's reason
 * @param decisionId the decision
 * @param decidedAt when it was decided
 * @param disputeId the dispute whose acceptance brought it, omitted for an operator's own exclusion
 */
public record ExcludedCase(
        String caseId,
        List<Indicator> indicators,
        String reason,
        String decisionId,
        Instant decidedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String disputeId) {
    /** Case, then the order decisions supersede each other in (decidedAt, then id). */
    public static final Comparator<ExcludedCase> ORDER = Comparator.comparing(ExcludedCase::caseId)
            .thenComparing(ExcludedCase::decidedAt)
            .thenComparing(ExcludedCase::decisionId);

    public ExcludedCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(decidedAt, "decidedAt");
        indicators = indicators == null
                ? List.of()
                : indicators.stream().distinct().sorted().toList();
        reason = reason == null ? "" : reason;
    }

    /** This exclusion restricted to {@code applicable}, or null when none of its indicators is. */
    public ExcludedCase only(Collection<Indicator> applicable) {
        List<Indicator> kept = indicators.stream().filter(applicable::contains).toList();
        if (kept.isEmpty()) {
            return null;
        }
        return kept.size() == indicators.size()
                ? this
                : new ExcludedCase(caseId, kept, reason, decisionId, decidedAt, disputeId);
    }
}
