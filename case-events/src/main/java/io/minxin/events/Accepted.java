package io.minxin.events;

import java.time.Instant;

/** 受理: the platform accepted a valid appeal and assigned it to a unit (again after a return). */
public record Accepted(
        String caseId,
        String unitId,
        String unitName,
        Channel channel,
        String title,
        String category,
        Instant occurredAt,
        Instant dueAt,
        Instant assignedAt)
        implements EventData, CaseData {
    @Override
    public String key() {
        return caseId;
    }
}
