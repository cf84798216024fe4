package io.minxin.events;

import java.time.Instant;

/** 签收: the unit took the dispatched case in (the start of 及时签收率). */
public record Signed(String caseId, String unitId, Instant occurredAt) implements EventData, CaseData {
    @Override
    public String key() {
        return caseId;
    }
}
