package io.minxin.events;

import java.time.Instant;

/** 回访: the platform's follow-up visit. */
public record Visited(String caseId, String unitId, Satisfaction satisfaction, boolean excellent, Instant occurredAt)
        implements EventData, CaseData {
    @Override
    public String key() {
        return caseId;
    }
}
