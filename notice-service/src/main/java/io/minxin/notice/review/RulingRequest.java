package io.minxin.notice.review;

import io.minxin.events.decision.PushbackRuling.Verdict;
import io.minxin.events.problem.FieldViolation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An operator's ruling on a candidate, as posted.
 *
 * @param verdict CONFIRMED, DISMISSED or REASSIGNED
 * @param responsibleUnitId for REASSIGNED: the unit that should have handled the case (not the candidate)
 * @param responsibleUnitName its name as table 3 prints it; the name this service knows when omitted
 * @param ruling in the bulletin's voice, e.g. 该诉求实际问题为流动商贩问题，应由综合执法局处理; required unless DISMISSED
 * @param reason why; required for DISMISSED
 */
record RulingRequest(
        String verdict, String responsibleUnitId, String responsibleUnitName, String ruling, String reason) {

    /** Every field that is wrong on its own (the candidate is not known here). */
    List<FieldViolation> violations() {
        List<FieldViolation> violations = new ArrayList<>();
        Verdict parsed = verdictOrNull();
        if (blank(verdict)) {
            violations.add(FieldViolation.of("verdict", "is required: one of " + Arrays.toString(Verdict.values())));
        } else if (parsed == null) {
            violations.add(FieldViolation.of(
                    "verdict", "unknown verdict " + verdict + "; one of " + Arrays.toString(Verdict.values())));
        }
        if (parsed != null && parsed != Verdict.DISMISSED && blank(ruling)) {
            violations.add(FieldViolation.of(
                    "ruling", "is required for " + parsed + ": which unit should have handled the case and why"));
        }
        if (parsed == Verdict.DISMISSED && blank(reason)) {
            violations.add(FieldViolation.of("reason", "is required for DISMISSED: why the case is no 较差件"));
        }
        if (parsed == Verdict.REASSIGNED && blank(responsibleUnitId)) {
            violations.add(FieldViolation.of("responsibleUnitId", "is required for REASSIGNED"));
        }
        return violations;
    }

    /** The violation of a reassignment to the candidate itself, if it is one. */
    List<FieldViolation> violations(String candidateUnitId) {
        if (verdictOrNull() == Verdict.REASSIGNED && candidateUnitId.equals(strip(responsibleUnitId))) {
            return List.of(FieldViolation.of(
                    "responsibleUnitId",
                    "must differ from the candidate " + candidateUnitId + "; to charge the candidate, CONFIRMED"));
        }
        return List.of();
    }

    Verdict verdictOrNull() {
        if (blank(verdict)) {
            return null;
        }
        return Arrays.stream(Verdict.values())
                .filter(each -> each.name().equalsIgnoreCase(verdict.strip()))
                .findFirst()
                .orElse(null);
    }

    static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
