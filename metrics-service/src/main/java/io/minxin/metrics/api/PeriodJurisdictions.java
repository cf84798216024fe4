package io.minxin.metrics.api;

import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.Jurisdiction;
import io.minxin.events.state.UnitMetrics;
import io.minxin.servicekit.problem.ProblemException;
import io.minxin.servicekit.registry.UnitRegistry;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How the read views divide the units by jurisdiction ({@link UnitRegistry}, fed from {@code unit-activity}): a unit
 * counts in the jurisdiction it belongs to at the end of the period asked for, so a unit moved in June counts in its
 * old jurisdiction for May and in its new one for June. A registration holds from its time, before a unit's first
 * registration the first one holds, and a unit never registered belongs to none: it counts city-wide only. With no
 * jurisdiction asked for every unit counts, registered or not (a deployment of one district registers none).
 */
final class PeriodJurisdictions {
    private final UnitRegistry registry;
    private final AssessmentPeriod periods;

    PeriodJurisdictions(UnitRegistry registry, AssessmentPeriod periods) {
        this.registry = registry;
        this.periods = periods;
    }

    /**
     * The jurisdiction asked for, or null for none (absent or blank).
     *
     * @throws ProblemException 404 for a jurisdiction no registration names
     */
    String check(String jurisdiction) {
        if (jurisdiction == null || jurisdiction.isBlank()) {
            return null;
        }
        registry.require(jurisdiction);
        return jurisdiction;
    }

    /** The last instant of a period: a unit's jurisdiction then is the one the period counts it in. */
    Instant endOf(YearMonth period) {
        return periods.end(period).minusNanos(1);
    }

    /** Each unit's jurisdiction at the end of the period (null: registered in none). */
    Function<String, String> at(YearMonth period) {
        Instant end = endOf(period);
        return unitId -> registry.of(unitId, end);
    }

    /** The metrics of the units that belong to the jurisdiction at the end of the period; all of them for none. */
    List<UnitMetrics> members(String jurisdiction, YearMonth period, List<UnitMetrics> metrics) {
        if (jurisdiction == null) {
            return metrics;
        }
        Predicate<String> member = registry.members(jurisdiction, endOf(period));
        return metrics.stream().filter(m -> member.test(m.unitId())).toList();
    }

    /** The jurisdictions at {@code now} with how many of the {@code covered} units belong to each, by id. */
    List<Jurisdiction> listed(Instant now, Predicate<String> covered) {
        Map<String, Long> units = new TreeMap<>();
        for (String unitId : registry.unitIds()) {
            String jurisdiction = registry.of(unitId, now);
            if (jurisdiction != null && covered.test(unitId)) {
                units.merge(jurisdiction, 1L, Long::sum);
            }
        }
        Map<String, String> names = registry.jurisdictions(now);
        List<Jurisdiction> listed = new ArrayList<>();
        // a jurisdiction without a covered unit is left out
        units.forEach((id, count) -> listed.add(new Jurisdiction(id, names.getOrDefault(id, id), count)));
        return List.copyOf(listed);
    }
}
