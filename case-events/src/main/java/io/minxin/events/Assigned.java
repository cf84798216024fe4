package io.minxin.events;

import java.time.Instant;

/**
 * 派单 (分转): a dispatcher (the platform's seat, or a unit passing the case on) sent the case to a unit as its lead
 * (主办) or co-handling (协办) unit, with the unit's handling deadline when the dispatch sets one.
 */
public record Assigned(
        String caseId,
        String unitId,
        String unitName,
        HandlingRole role,
        String dispatcher,
        Instant dueAt,
        Instant occurredAt)
        implements EventData, CaseData {
    @Override
    public String key() {
        return caseId;
    }
}
