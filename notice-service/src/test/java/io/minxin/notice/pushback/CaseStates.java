package io.minxin.notice.pushback;

import io.minxin.events.Channel;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.CaseState.Acceptance;
import io.minxin.events.state.CaseState.Conclusion;
import io.minxin.events.state.CaseState.Pushback;
import io.minxin.events.state.CaseState.Return;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds folded case states step by step, as metrics-service would publish them. Whether a case is a confirmed
 * 推诿 is metrics-service's decision, so a test states it ({@link #concludedAfterPushback}) instead of this class
 * deriving it.
 */
public final class CaseStates {
    private final String caseId;
    private final String title;
    private final List<Acceptance> acceptances = new ArrayList<>();
    private final List<Return> returns = new ArrayList<>();
    private Conclusion conclusion;
    private Pushback pushback;
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

    /** Concluded, and no confirmed 推诿. */
    public CaseStates concluded(String unitId) {
        conclusion = new Conclusion(unitId, "已处理", tick(), true);
        pushback = null;
        return this;
    }

    /** Concluded by a unit that metrics-service found to have pushed the case back with all its returns so far. */
    public CaseStates concludedAfterPushback(String unitId) {
        return concludedAfterPushback(
                unitId, returns.stream().filter(r -> r.unitId().equals(unitId)).toList());
    }

    /** Concluded, with the confirmed 推诿 as metrics-service decided it: the unit and the returns that made it. */
    public CaseStates concludedAfterPushback(String unitId, List<Return> madeIt) {
        concluded(unitId);
        pushback = new Pushback(unitId, madeIt);
        return this;
    }

    /** The returns so far, oldest first. */
    public List<Return> returns() {
        return List.copyOf(returns);
    }

    public CaseState state() {
        Acceptance latest = acceptances.get(acceptances.size() - 1);
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
                pushback != null,
                List.of(),
                acceptances.size() + returns.size() + (conclusion == null ? 0 : 1),
                pushback);
    }

    private Instant tick() {
        clock = clock.plusSeconds(3600);
        return clock;
    }
}
