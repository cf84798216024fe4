package io.minxin.servicekit.registry;

import io.minxin.events.UnitRegistered;
import io.minxin.servicekit.problem.ProblemException;
import io.minxin.servicekit.scope.Jurisdictions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * 单位名录 as a service knows it: every {@code minxin.unit.registered} read from {@code unit-activity}, and from them
 * the jurisdiction (a district of a city platform) each unit belongs to at a given time. A registration holds from
 * its {@code occurredAt} until the unit's next one; before a unit's first registration, the first one holds (a
 * directory entry stated today describes the unit's past months too, until an earlier one says otherwise). A unit
 * never registered belongs to no jurisdiction ({@code null}): a deployment of one district sends no registrations,
 * and every reader that is not asked for a jurisdiction covers all units, as before.
 *
 * <p>The same registrations give the same answers whatever order they arrive in and however often (ordered by
 * {@code occurredAt}, then jurisdiction id). Thread-safe: one feed writes, request threads read.
 */
public final class UnitRegistry implements Jurisdictions {
    private static final Comparator<UnitRegistered> ORDER = Comparator.comparing(UnitRegistered::occurredAt)
            .thenComparing(UnitRegistered::jurisdiction)
            .thenComparing(r -> Objects.toString(r.unitName(), ""))
            .thenComparing(r -> Objects.toString(r.jurisdictionName(), ""));

    private final Map<String, List<UnitRegistered>> registrations = new ConcurrentHashMap<>();
    /** Every jurisdiction a registration has named: asked on every read with {@code ?jurisdiction=}. */
    private final Set<String> named = ConcurrentHashMap.newKeySet();

    private final Clock clock;

    public UnitRegistry(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Takes a registration in; a repeat changes nothing. */
    public void register(UnitRegistered registration) {
        Objects.requireNonNull(registration.unitId(), "unitId");
        Objects.requireNonNull(registration.jurisdiction(), "jurisdiction");
        Objects.requireNonNull(registration.occurredAt(), "occurredAt");
        registrations.compute(registration.unitId(), (unitId, known) -> {
            List<UnitRegistered> next = known == null ? new ArrayList<>() : new ArrayList<>(known);
            if (!next.contains(registration)) {
                next.add(registration);
                next.sort(ORDER);
            }
            return List.copyOf(next);
        });
        named.add(registration.jurisdiction());
    }

    /** The unit's jurisdiction now, or null when it was never registered. */
    @Override
    public String of(String unitId) {
        return of(unitId, clock.instant());
    }

    /** The unit's jurisdiction at {@code asOf}, or null when it was never registered. */
    public String of(String unitId, Instant asOf) {
        UnitRegistered holding = holding(unitId, asOf);
        return holding == null ? null : holding.jurisdiction();
    }

    /**
     * Whether the unit belongs to the jurisdiction at {@code asOf}; with no jurisdiction asked for ({@code null}),
     * every unit does.
     */
    public boolean belongs(String unitId, String jurisdiction, Instant asOf) {
        return jurisdiction == null || jurisdiction.equals(of(unitId, asOf));
    }

    /** {@link #belongs} as a filter of unit ids at {@code asOf}. */
    public Predicate<String> members(String jurisdiction, Instant asOf) {
        return unitId -> belongs(unitId, jurisdiction, asOf);
    }

    /** Every jurisdiction some unit belongs to at {@code asOf}, by id, with its latest name (the id when none). */
    public Map<String, String> jurisdictions(Instant asOf) {
        Map<String, String> names = new TreeMap<>();
        for (String unitId : registrations.keySet()) {
            UnitRegistered holding = holding(unitId, asOf);
            if (holding != null) {
                String name = holding.jurisdictionName() == null ? holding.jurisdiction() : holding.jurisdictionName();
                names.merge(holding.jurisdiction(), name, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        return names;
    }

    /** Whether any registration, at any time, names the jurisdiction. */
    public boolean knows(String jurisdiction) {
        return named.contains(jurisdiction);
    }

    /**
     * Refuses a jurisdiction no registration names: asked for one, a reader answers 404 rather than empty figures that
     * would read as a district without cases.
     *
     * @throws ProblemException 404
     */
    public void require(String jurisdiction) {
        if (jurisdiction != null && !knows(jurisdiction)) {
            throw ProblemException.notFound("no unit is registered in jurisdiction " + jurisdiction);
        }
    }

    /** How many units have a registration. */
    public int units() {
        return registrations.size();
    }

    /** The units registered, in no particular order. */
    public Collection<String> unitIds() {
        return List.copyOf(registrations.keySet());
    }

    private UnitRegistered holding(String unitId, Instant asOf) {
        if (unitId == null) {
            return null;
        }
        List<UnitRegistered> known = registrations.get(unitId);
        if (known == null || known.isEmpty()) {
            return null;
        }
        UnitRegistered holding = known.get(0);
        for (UnitRegistered registration : known) {
            if (registration.occurredAt().isAfter(asOf)) {
                break;
            }
            holding = registration;
        }
        return holding;
    }
}
