package io.minxin.notice.review;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How 较差件 candidates become 较差件.
 *
 * @param mode {@code automatic}: a candidate counts as confirmed (table 3, its notice at once) unless an operator
 *     rules otherwise before the bulletin is issued; {@code review}: a candidate waits (PENDING) until an operator
 *     confirms it or names another responsible unit
 * @param jurisdictions the mode of a jurisdiction (id → mode) where it differs from {@code mode}; a unit's
 *     jurisdiction is the one the 单位名录 gives it now (service-kit's {@code UnitRegistry}, from the
 *     {@code minxin.unit.registered} facts on {@code unit-activity}), and a unit never registered has none, so
 *     {@code mode} applies to it (as to every unit of a deployment that sends no registrations)
 */
@ConfigurationProperties("minxin.notice.review")
public record ReviewSettings(@DefaultValue("automatic") Mode mode, Map<String, Mode> jurisdictions) {
    /** Whether a candidate is confirmed without an operator. */
    public enum Mode {
        AUTOMATIC,
        REVIEW
    }

    public ReviewSettings {
        jurisdictions = jurisdictions == null ? Map.of() : Map.copyOf(jurisdictions);
    }

    /** The mode of a unit in {@code jurisdictionId} (null: unknown, the default mode). */
    public Mode modeOf(String jurisdictionId) {
        return jurisdictionId == null ? mode : jurisdictions.getOrDefault(jurisdictionId, mode);
    }
}
