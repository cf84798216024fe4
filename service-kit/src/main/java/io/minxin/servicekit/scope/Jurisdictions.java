package io.minxin.servicekit.scope;

/**
 * The jurisdiction (a district of a city platform) each handling unit belongs to, as a service knows it. No event
 * carries a jurisdiction yet (issue "any city's rules"), so every service uses {@link #UNKNOWN} today: a
 * jurisdiction-scoped caller then covers no unit. A service that learns jurisdictions replaces this bean; nothing
 * else changes, because every scope check asks {@link UnitAccess}, which asks this.
 */
@FunctionalInterface
public interface Jurisdictions {
    /** Knows no unit's jurisdiction. */
    Jurisdictions UNKNOWN = unitId -> null;

    /** The unit's jurisdiction id, or null when unknown. */
    String of(String unitId);
}
