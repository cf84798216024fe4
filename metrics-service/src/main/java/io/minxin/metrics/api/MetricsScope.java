package io.minxin.metrics.api;

import io.minxin.events.identity.Scope;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.UnitMetrics;
import io.minxin.servicekit.scope.UnitAccess;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a caller's scope lets it read of the metrics API, decided by the service's {@link UnitAccess}:
 *
 * <ul>
 *   <li>overview and unit table: computed from the covered units' metrics only, so a unit sees its own figures
 *       (its cases, rates, {@code units} 1 or 0) and nothing summed over others; a {@code jurisdiction} asked for
 *       narrows them further, never widens them;
 *   <li>the jurisdictions: those of the covered units, counting those units only;
 *   <li>a unit's series: the covered units only, else 403;
 *   <li>a case: when the scope covers any unit the case has had, i.e. a unit that accepted, returned or concluded
 *       it or is its owner now (a unit that returned a case keeps seeing it: its returns and 推诿 count), else 403.
 * </ul>
 */
final class MetricsScope {
    private final UnitAccess access;

    MetricsScope(UnitAccess access) {
        this.access = access;
    }

    List<UnitMetrics> visible(Scope scope, List<UnitMetrics> metrics) {
        return access.visible(scope, metrics, UnitMetrics::unitId);
    }

    boolean covers(Scope scope, String unitId) {
        return access.covers(scope, unitId);
    }

    /** @throws io.minxin.servicekit.problem.ProblemException 403 for a unit the scope does not cover */
    void requireUnit(Scope scope, String unitId) {
        access.require(scope, unitId);
    }

    /** @throws io.minxin.servicekit.problem.ProblemException 403 for a case of no covered unit */
    CaseState requireCase(Scope scope, CaseState state) {
        if (!access.coversAny(scope, unitsOf(state))) {
            throw UnitAccess.forbidden(scope, "case " + state.caseId());
        }
        return state;
    }

    /** Every unit the case has had: its owner and the unit of every event of its history. */
    static Set<String> unitsOf(CaseState state) {
        Set<String> units = new LinkedHashSet<>();
        if (state.owner() != null) {
            units.add(state.owner());
        }
        state.acceptances().forEach(acceptance -> units.add(acceptance.unitId()));
        state.returns().forEach(returned -> units.add(returned.unitId()));
        if (state.conclusion() != null) {
            units.add(state.conclusion().unitId());
        }
        state.history().stream()
                .map(CaseState.HistoryEntry::unitId)
                .filter(unitId -> unitId != null)
                .forEach(units::add);
        return units;
    }
}
