package io.minxin.notice.disputes;

import io.minxin.events.Satisfaction;
import io.minxin.events.decision.DisputeSubject;
import io.minxin.notice.cases.CaseFacts;
import java.util.Optional;

/**
 * What a unit may dispute about a case: only a judgment that was made against that unit.
 *
 * <ul>
 *   <li>PUSHBACK: the case is a 较差件 candidate or 较差件 charged to the unit (not dismissed)
 *   <li>RETURN: the unit returned the case
 *   <li>UNSATISFIED_VISIT, NOT_EXCELLENT_VISIT: the unit handled (concluded) the case and its visit was answered
 *       unsatisfied, or answered and not rated excellent
 *   <li>LATE_CONCLUSION: the unit concluded the case after its deadline
 * </ul>
 */
final class DisputeRules {

    /**
     * Why the subject does not apply, or empty when it does.
     *
     * @param pushbackUnitId the unit the case's 较差件 is (or, pending, would be) charged to; null for none
     */
    static Optional<String> whyNot(DisputeSubject subject, CaseFacts facts, String unitId, String pushbackUnitId) {
        boolean handled = unitId.equals(facts.handlingUnit());
        return switch (subject) {
            case PUSHBACK ->
                unitId.equals(pushbackUnitId)
                        ? Optional.empty()
                        : Optional.of("case " + facts.caseId() + " is no 较差件 (推诿) charged to " + unitId);
            case RETURN ->
                facts.returnsBy(unitId) > 0
                        ? Optional.empty()
                        : Optional.of(unitId + " never returned case " + facts.caseId());
            case UNSATISFIED_VISIT ->
                handled && facts.satisfaction() == Satisfaction.UNSATISFIED
                        ? Optional.empty()
                        : Optional.of("case " + facts.caseId() + " has no unsatisfied visit of a case " + unitId
                                + " handled");
            case NOT_EXCELLENT_VISIT ->
                handled
                                && facts.satisfaction() != null
                                && facts.satisfaction().answered()
                                && !Boolean.TRUE.equals(facts.excellent())
                        ? Optional.empty()
                        : Optional.of("case " + facts.caseId() + " has no answered, not excellent visit of a case "
                                + unitId + " handled");
            case LATE_CONCLUSION ->
                unitId.equals(facts.concludedBy()) && Boolean.FALSE.equals(facts.onTime())
                        ? Optional.empty()
                        : Optional.of("case " + facts.caseId() + " was not concluded late by " + unitId);
        };
    }

    private DisputeRules() {}
}
