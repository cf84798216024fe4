package io.minxin.e2e.support;

import io.minxin.demo.DemoUnit;
import io.minxin.events.Accepted;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.Satisfaction;
import io.minxin.events.Visited;
import java.time.Instant;

/** Events of made-up cases of the demo units, their ids the case id and the step ({@code caseId-1}, ...). */
public final class Cases {

    /** Step 1: the case is accepted for {@code unit}; {@code dueAt} may be null (the policy's default then). */
    public static CaseEvent accepted(
            String source, String caseId, DemoUnit unit, Channel channel, String title, Instant at, Instant dueAt) {
        return CaseEvent.of(
                caseId + "-1",
                source,
                new Accepted(caseId, unit.unitId(), unit.unitName(), channel, title, null, at, dueAt, null));
    }

    /** Step 2: the unit concludes it. */
    public static CaseEvent concluded(String source, String caseId, DemoUnit unit, Instant at) {
        return CaseEvent.of(caseId + "-2", source, new Concluded(caseId, unit.unitId(), "已办结", at));
    }

    /** Step 3: the platform's follow-up visit. */
    public static CaseEvent visited(
            String source, String caseId, DemoUnit unit, Satisfaction satisfaction, boolean excellent, Instant at) {
        return CaseEvent.of(caseId + "-3", source, new Visited(caseId, unit.unitId(), satisfaction, excellent, at));
    }

    private Cases() {}
}
