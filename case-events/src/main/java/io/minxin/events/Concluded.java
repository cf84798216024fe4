package io.minxin.events;

import java.time.Instant;

/** 办结: the unit concluded the case and replied. */
public record Concluded(String caseId, String unitId, String reply, Instant occurredAt) implements EventData, CaseData {
    @Override
    public String key() {
        return caseId;
    }
}
