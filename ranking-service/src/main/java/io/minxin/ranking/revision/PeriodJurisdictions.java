package io.minxin.ranking.revision;

import io.minxin.events.state.AssessmentPeriod;
import io.minxin.ranking.web.Requests;
import io.minxin.servicekit.registry.UnitRegistry;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Which units a jurisdiction's ranking of a period covers: those the unit registry places in the jurisdiction at the
 * last instant of the period (its end in Asia/Shanghai, cut-off day included, less a nanosecond). One instant for the
 * whole period, so that a unit moved between districts in the middle of a month is ranked in one of them, the one
 * it ended the month in, and every view of the period (live, each revision, what-if) divides the units alike.
 */
@Component
class PeriodJurisdictions {
    private final UnitRegistry registry;
    private final AssessmentPeriod calendar;

    PeriodJurisdictions(UnitRegistry registry, AssessmentPeriod calendar) {
        this.registry = registry;
        this.calendar = calendar;
    }

    /**
     * The jurisdiction {@code id} in {@code period} (a checked {@code YYYY-MM}); null when none is asked for (absent
     * or blank, as notice-service reads it), so a view without it is the ranking of all units as before. Not-found
     * when no registration ever names it ({@link UnitRegistry#require}); a jurisdiction known but without units at
     * the end of the period has an empty ranking.
     */
    Jurisdiction of(String period, String id) {
        String jurisdiction = Requests.jurisdiction(id);
        if (jurisdiction == null) {
            return null;
        }
        registry.require(jurisdiction);
        return new Jurisdiction(jurisdiction, registry.members(jurisdiction, lastInstant(period)));
    }

    /** The last instant of the period: a registration from the next instant on holds for the next period. */
    Instant lastInstant(String period) {
        return calendar.end(AssessmentPeriod.parse(period)).minusNanos(1);
    }
}
