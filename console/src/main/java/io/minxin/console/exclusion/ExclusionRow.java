package io.minxin.console.exclusion;

import io.minxin.events.decision.Indicator;
import io.minxin.events.notice.ExcludedIndicator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One decision of the exclusions list: a case excluded from (or restored to) the indicators one operator chose at
 * once, with the reason, who and when. The API lists the exclusions per case and indicator; the page groups them by
 * decision, newest first.
 */
record ExclusionRow(
        String caseId,
        List<String> unitIds,
        List<Indicator> indicators,
        boolean excluded,
        String reason,
        String decidedBy,
        Instant decidedAt,
        String disputeId) {

    static List<ExclusionRow> of(List<ExcludedIndicator> exclusions) {
        Map<String, List<ExcludedIndicator>> byDecision = new LinkedHashMap<>();
        for (ExcludedIndicator exclusion : exclusions) {
            String decision = exclusion.decisionId() != null
                    ? exclusion.decisionId()
                    : exclusion.caseId() + "|" + exclusion.decidedAt() + "|" + exclusion.excluded();
            byDecision.computeIfAbsent(decision, any -> new ArrayList<>()).add(exclusion);
        }
        return byDecision.values().stream()
                .map(ExclusionRow::ofDecision)
                .sorted(Comparator.comparing(
                                ExclusionRow::decidedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                        .reversed()
                        .thenComparing(ExclusionRow::caseId))
                .toList();
    }

    private static ExclusionRow ofDecision(List<ExcludedIndicator> decision) {
        ExcludedIndicator first = decision.get(0);
        List<Indicator> indicators = decision.stream()
                .map(ExcludedIndicator::indicator)
                .distinct()
                .sorted()
                .toList();
        return new ExclusionRow(
                first.caseId(),
                first.unitIds(),
                indicators,
                first.excluded(),
                first.reason(),
                first.decidedBy(),
                first.decidedAt(),
                first.disputeId());
    }
}
