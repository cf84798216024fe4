package io.minxin.notice.exclusions;

import io.minxin.events.decision.Indicator;
import io.minxin.events.problem.FieldViolation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An operator excludes a case from indicators (剔除), or restores it.
 *
 * @param indicators completionRate, onTimeRate, satisfactionRate, excellentRate, returns (at least one)
 * @param excluded true (default) to exclude, false to take an exclusion back
 * @param reason why, required
 */
record ExclusionRequest(String caseId, List<String> indicators, Boolean excluded, String reason) {

    List<FieldViolation> violations() {
        List<FieldViolation> violations = new ArrayList<>();
        if (caseId == null || caseId.isBlank()) {
            violations.add(FieldViolation.of("caseId", "is required"));
        }
        if (indicators == null || indicators.isEmpty()) {
            violations.add(FieldViolation.of("indicators", "at least one of " + names()));
        } else {
            for (int i = 0; i < indicators.size(); i++) {
                String name = indicators.get(i);
                if (indicator(name) == null) {
                    violations.add(FieldViolation.of(
                            "indicators[" + i + "]", "unknown indicator " + name + "; one of " + names()));
                }
            }
        }
        if (reason == null || reason.isBlank()) {
            violations.add(FieldViolation.of("reason", "is required: why the case does not count"));
        }
        return violations;
    }

    /** The indicators, each once, in the order given. */
    List<Indicator> parsed() {
        return indicators.stream().map(ExclusionRequest::indicator).distinct().toList();
    }

    boolean excludes() {
        return excluded == null || excluded;
    }

    private static Indicator indicator(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Indicator.of(name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> names() {
        return Arrays.stream(Indicator.values()).map(Indicator::wireName).toList();
    }
}
