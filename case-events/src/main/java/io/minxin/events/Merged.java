package io.minxin.events;

import java.time.Instant;

/** 并单: the case, a duplicate appeal, was merged into the case {@code intoCaseId}, which carries on. */
public record Merged(String caseId, String intoCaseId, String unitId, String reason, Instant occurredAt)
        implements EventData, CaseData {
    @Override
    public String key() {
        return caseId;
    }
}
