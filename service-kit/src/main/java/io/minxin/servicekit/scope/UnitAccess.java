package io.minxin.servicekit.scope;

import io.minxin.events.identity.Scope;
import io.minxin.servicekit.problem.ProblemException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.http.HttpStatus;

/**
 * The one place of a service that decides what a caller's {@link Scope} lets it read: every check asks
 * {@link Scope#coversUnit} with the unit's jurisdiction from {@link Jurisdictions}, so a jurisdiction scope needs a
 * source of jurisdictions, not new checks. Lists are filtered to the covered units' items; a single resource of a
 * unit the scope does not cover is refused with 403 problem JSON.
 */
public final class UnitAccess {
    private final Jurisdictions jurisdictions;

    public UnitAccess(Jurisdictions jurisdictions) {
        this.jurisdictions = Objects.requireNonNull(jurisdictions, "jurisdictions");
    }

    /** Whether the scope covers the unit; an item of no unit (null) is covered by {@link Scope#ALL} only. */
    public boolean covers(Scope scope, String unitId) {
        if (scope.isAll()) {
            return true;
        }
        return unitId != null && scope.coversUnit(unitId, jurisdictions.of(unitId));
    }

    /** Whether the scope covers at least one of the units. */
    public boolean coversAny(Scope scope, Collection<String> unitIds) {
        return scope.isAll() || unitIds.stream().anyMatch(unitId -> covers(scope, unitId));
    }

    /** The items of covered units, in their order; all of them for {@link Scope#ALL}. */
    public <T> List<T> visible(Scope scope, Collection<T> items, Function<? super T, String> unitOf) {
        if (scope.isAll()) {
            return List.copyOf(items);
        }
        return items.stream().filter(item -> covers(scope, unitOf.apply(item))).toList();
    }

    /**
     * Refuses a resource of a unit the scope does not cover.
     *
     * @throws ProblemException 403
     */
    public void require(Scope scope, String unitId) {
        if (!covers(scope, unitId)) {
            throw forbidden(scope, "unit " + unitId);
        }
    }

    /** The 403 answer for something ({@code what}, e.g. "case 614418") the scope does not reach. */
    public static ProblemException forbidden(Scope scope, String what) {
        return new ProblemException(
                HttpStatus.FORBIDDEN,
                null,
                "the caller's scope " + scope.wire() + " does not cover " + what,
                List.of());
    }
}
