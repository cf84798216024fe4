package io.minxin.events;

import java.time.Instant;

/**
 * 延期审批: the platform approved a unit's request for more time, with the new handling deadline {@code dueAt}, or
 * refused it (then without {@code dueAt}). {@code extensionId} names the request decided, when the platform has one.
 */
public record ExtensionDecided(
        String caseId,
        String unitId,
        String extensionId,
        ExtensionOutcome outcome,
        Instant dueAt,
        String decidedBy,
        String reason,
        Instant occurredAt)
        implements EventData, CaseData {
    @Override
    public String key() {
        return caseId;
    }
}
