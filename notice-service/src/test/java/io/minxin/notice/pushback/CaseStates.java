package io.minxin.notice.pushback;

import io.minxin.events.Channel;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.CaseState.Acceptance;
import io.minxin.events.state.CaseState.Conclusion;
import io.minxin.events.state.CaseState.Return;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds folded case states step by step, as metrics-service would publish them. */
public final class CaseStates {
    private final String caseId;
    private final String title;
    private final List<Acceptance> acceptances = new ArrayList<>();
    private final List<Return> returns = new ArrayList<>();
    private Conclusion conclusion;
    private Instant clock = Instant.parse("2020-09-03T01:00:00Z");

    private CaseStates(String caseId, String title) {
        this.caseId = caseId;
        this.title = title;
    }

    public static CaseStates of(String caseId, String title) {
        return new CaseStates(caseId, title);
    }

    public CaseStates accepted(String unitId, String unitName) {
        acceptances.add(new Acceptance(unitId, unitName, tick(), null));
        return this;
    }

    public CaseStates returned(String unitId, String reason) {
        returns.add(new Return(unitId, reason, tick()));
        return this;
    }

    /** The same unit accepted it again and returned it again. */
    public CaseStates reassignedAndReturned(String unitId, String unitName, String reason) {
        return accepted(unitId, unitName).returned(unitId, reason);
    }

    public CaseStates concluded(String unitId) {
        conclusion = new Conclusion(unitId, "已处理", tick(), true);
        return this;
    }

    public CaseState state() {
        Acceptance latest = acceptances.get(acceptances.size() - 1);
        boolean pushback =
                conclusion != null && returns.stream().anyMatch(r -> r.unitId().equals(conclusion.unitId()));
        return new CaseState(
                caseId,
                "2020-09",
                Channel.WEB,
                title,
                null,
                acceptances.get(0).occurredAt(),
                latest.unitId(),
                latest.unitName(),
                null,
                acceptances,
                returns,
                conclusion,
                null,
                pushback,
                List.of(),
                acceptances.size() + returns.size() + (conclusion == null ? 0 : 1));
    }

    private Instant tick() {
        clock = clock.plusSeconds(3600);
        return clock;
    }
}
