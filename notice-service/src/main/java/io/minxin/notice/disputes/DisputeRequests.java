package io.minxin.notice.disputes;

import io.minxin.events.decision.DisputeSubject;
import io.minxin.events.problem.FieldViolation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The bodies of the dispute API, each with its own checks. */
final class DisputeRequests {

    /**
     * A unit files a dispute.
     *
     * @param subject PUSHBACK, RETURN, UNSATISFIED_VISIT, NOT_EXCELLENT_VISIT or LATE_CONCLUSION
     * @param reason the unit's reason
     */
    record Filing(String caseId, String subject, String reason) {
        List<FieldViolation> violations() {
            List<FieldViolation> violations = new ArrayList<>();
            if (blank(caseId)) {
                violations.add(FieldViolation.of("caseId", "is required"));
            }
            if (blank(subject)) {
                violations.add(FieldViolation.of("subject", "is required: one of " + subjects()));
            } else if (subjectOrNull() == null) {
                violations.add(FieldViolation.of("subject", "unknown subject " + subject + "; one of " + subjects()));
            }
            if (blank(reason)) {
                violations.add(FieldViolation.of("reason", "is required: why the unit disputes the judgment"));
            }
            return violations;
        }

        DisputeSubject subjectOrNull() {
            return Arrays.stream(DisputeSubject.values())
                    .filter(each -> each.name().equalsIgnoreCase(subject.strip()))
                    .findFirst()
                    .orElse(null);
        }
    }

    /**
     * An operator's decision on a dispute.
     *
     * @param accepted true: upheld (申诉成立)
     * @param reason why, required
     */
    record Decision(Boolean accepted, String reason) {
        List<FieldViolation> violations() {
            List<FieldViolation> violations = new ArrayList<>();
            if (accepted == null) {
                violations.add(
                        FieldViolation.of("accepted", "is required: true to uphold the dispute, false to reject"));
            }
            if (blank(reason)) {
                violations.add(FieldViolation.of("reason", "is required"));
            }
            return violations;
        }
    }

    private static String subjects() {
        return Arrays.toString(DisputeSubject.values());
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private DisputeRequests() {}
}
