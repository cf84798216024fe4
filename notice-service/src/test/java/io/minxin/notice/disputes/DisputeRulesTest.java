package io.minxin.notice.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.Channel;
import io.minxin.events.Satisfaction;
import io.minxin.events.decision.DisputeSubject;
import io.minxin.notice.cases.CaseFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A unit disputes only a judgment made against it on the case. */
class DisputeRulesTest {
    static CaseFacts concluded(String unitId, boolean onTime, Satisfaction satisfaction, Boolean excellent) {
        return new CaseFacts(
                "c1",
                "2020-09",
                Channel.PHONE,
                "诉求",
                unitId,
                List.of("returner", unitId),
                Map.of("returner", 1),
                unitId,
                Instant.parse("2020-09-20T02:00:00Z"),
                onTime,
                satisfaction,
                excellent,
                7);
    }

    @Test
    void givenALateConclusionThenOnlyTheConcludingUnitDisputesIt() {
        CaseFacts late = concluded("a", false, Satisfaction.SATISFIED, true);

        assertThat(DisputeRules.whyNot(DisputeSubject.LATE_CONCLUSION, late, "a", null))
                .isEmpty();
        assertThat(DisputeRules.whyNot(DisputeSubject.LATE_CONCLUSION, late, "returner", null))
                .isPresent();
        assertThat(DisputeRules.whyNot(DisputeSubject.LATE_CONCLUSION, concluded("a", true, null, null), "a", null))
                .isPresent();
    }

    @Test
    void givenAReturnThenOnlyTheReturningUnitDisputesIt() {
        CaseFacts facts = concluded("a", true, null, null);

        assertThat(DisputeRules.whyNot(DisputeSubject.RETURN, facts, "returner", null))
                .isEmpty();
        assertThat(DisputeRules.whyNot(DisputeSubject.RETURN, facts, "a", null)).isPresent();
    }

    @Test
    void givenVisitsThenUnsatisfiedAndNotExcellentApplyToTheirAnswers() {
        CaseFacts unsatisfied = concluded("a", true, Satisfaction.UNSATISFIED, false);
        CaseFacts satisfiedNotExcellent = concluded("a", true, Satisfaction.SATISFIED, false);
        CaseFacts unreachable = concluded("a", true, Satisfaction.UNREACHABLE, false);
        CaseFacts excellent = concluded("a", true, Satisfaction.SATISFIED, true);

        assertThat(DisputeRules.whyNot(DisputeSubject.UNSATISFIED_VISIT, unsatisfied, "a", null))
                .isEmpty();
        assertThat(DisputeRules.whyNot(DisputeSubject.UNSATISFIED_VISIT, satisfiedNotExcellent, "a", null))
                .isPresent();
        assertThat(DisputeRules.whyNot(DisputeSubject.UNSATISFIED_VISIT, unsatisfied, "returner", null))
                .isPresent();
        assertThat(DisputeRules.whyNot(DisputeSubject.NOT_EXCELLENT_VISIT, satisfiedNotExcellent, "a", null))
                .isEmpty();
        assertThat(DisputeRules.whyNot(DisputeSubject.NOT_EXCELLENT_VISIT, unreachable, "a", null))
                .as("a visit without an answer counts in no rate")
                .isPresent();
        assertThat(DisputeRules.whyNot(DisputeSubject.NOT_EXCELLENT_VISIT, excellent, "a", null))
                .isPresent();
    }

    @Test
    void givenA较差件ThenOnlyTheUnitItIsChargedToDisputesIt() {
        CaseFacts facts = concluded("a", true, null, null);

        assertThat(DisputeRules.whyNot(DisputeSubject.PUSHBACK, facts, "a", "a"))
                .isEmpty();
        assertThat(DisputeRules.whyNot(DisputeSubject.PUSHBACK, facts, "a", "b"))
                .isPresent();
        assertThat(DisputeRules.whyNot(DisputeSubject.PUSHBACK, facts, "a", null))
                .as("no candidate, or dismissed")
                .isPresent();
    }
}
