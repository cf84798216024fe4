package io.minxin.events;

import java.time.Instant;

/** 重办 (发回重办): the platform sent a concluded case back to a unit to be handled again, e.g. after an unsatisfied visit. */
public record Reopened(String caseId, String unitId, String reason, Instant dueAt, Instant occurredAt)
        implements EventData, CaseData {
    @Override
    public String key() {
        return caseId;
    }
}
