package io.minxin.events;

import java.time.Instant;

/** 退件: the unit sent the case back, with its reason. */
public record Returned(String caseId, String unitId, String reason, Instant occurredAt) implements EventData, CaseData {
    @Override
    public String key() {
        return caseId;
    }
}
