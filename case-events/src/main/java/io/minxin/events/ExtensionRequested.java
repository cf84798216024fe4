package io.minxin.events;

import java.time.Instant;

/**
 * 延期申请: the unit asked for its handling deadline to move to {@code requestedDueAt}, with its reason;
 * {@code extensionId} names the request when a case has more than one.
 */
public record ExtensionRequested(
        String caseId, String unitId, String extensionId, Instant requestedDueAt, String reason, Instant occurredAt)
        implements EventData, CaseData {
    @Override
    public String key() {
        return caseId;
    }
}
