package io.minxin.events;

import java.time.Instant;

/** 值守登录: a unit's staff logged in to the platform (duty check). */
public record UnitLogin(String unitId, Instant occurredAt) implements EventData {
    @Override
    public String key() {
        return unitId;
    }
}
