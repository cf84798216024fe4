package io.minxin.events;

import java.time.Instant;

/**
 * 单位名录: the platform states a unit's entry in its directory, the jurisdiction (a district or county of a city
 * platform, e.g. 211103 兴隆台区) it belongs to from {@code occurredAt} on; a later registration of the unit supersedes
 * an earlier one.
 */
public record UnitRegistered(
        String unitId, String unitName, String jurisdiction, String jurisdictionName, Instant occurredAt)
        implements EventData {
    @Override
    public String key() {
        return unitId;
    }
}
