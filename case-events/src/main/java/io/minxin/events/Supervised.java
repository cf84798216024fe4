package io.minxin.events;

import java.time.Instant;

/** 督办: a supervisor (e.g. 市政府督查室) pressed the unit on the case, with a deadline when it set one. */
public record Supervised(
        String caseId, String unitId, String supervisor, String reason, Instant dueAt, Instant occurredAt)
        implements EventData, CaseData {
    @Override
    public String key() {
        return caseId;
    }
}
