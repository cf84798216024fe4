package io.minxin.events;

import java.time.Instant;

/**
 * 受理: the platform accepted a valid appeal and assigned it to a unit (again after a return). {@code jurisdiction},
 * optional, is the district or county of a city platform the appeal belongs to (e.g. 211104 大洼区).
 */
public record Accepted(
        String caseId,
        String unitId,
        String unitName,
        Channel channel,
        String title,
        String category,
        Instant occurredAt,
        Instant dueAt,
        Instant assignedAt,
        String jurisdiction)
        implements EventData, CaseData {
    /** An acceptance that names no jurisdiction, as every platform of one district sends it. */
    public Accepted(
            String caseId,
            String unitId,
            String unitName,
            Channel channel,
            String title,
            String category,
            Instant occurredAt,
            Instant dueAt,
            Instant assignedAt) {
        this(caseId, unitId, unitName, channel, title, category, occurredAt, dueAt, assignedAt, null);
    }

    @Override
    public String key() {
        return caseId;
    }
}
