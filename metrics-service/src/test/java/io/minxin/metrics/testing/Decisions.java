package io.minxin.metrics.testing;

import io.minxin.events.decision.Decision;
import io.minxin.events.decision.DecisionBody;
import io.minxin.events.decision.Exclusion;
import io.minxin.events.decision.Indicator;
import io.minxin.events.decision.PushbackRuling;
import java.util.List;

/** Short-hand for the operators' decisions about one case in tests; times are local Asia/Shanghai date-times. */
public final class Decisions {
    private final String caseId;

    public Decisions(String caseId) {
        this.caseId = caseId;
    }

    /** Excludes the case from {@code indicators}, decided at {@code at}. */
    public Decision exclude(String id, String at, Indicator... indicators) {
        return decision(id, at, "经核实为不合理诉求", new Exclusion(caseId, List.of(indicators), true, null));
    }

    /** Takes the exclusion from {@code indicators} back, decided at {@code at}. */
    public Decision restore(String id, String at, Indicator... indicators) {
        return decision(id, at, "撤销剔除", new Exclusion(caseId, List.of(indicators), false, null));
    }

    public Decision ruling(String id, String at, PushbackRuling.Verdict verdict, String candidate, String responsible) {
        return decision(
                id,
                at,
                "运营审核",
                new PushbackRuling(caseId, verdict, candidate, responsible, "name of " + responsible, "应由其处理"));
    }

    private Decision decision(String id, String at, String reason, DecisionBody body) {
        return new Decision(id, "2020-09", "key-operator", "operator", CaseEvents.at(at), reason, body);
    }
}
