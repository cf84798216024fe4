package io.minxin.metrics.unitrates;

import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.Counts;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one case counts, per bucket key: for the period of the case and for the local day of its first
 * acceptance. Replacing a case's old contribution by its new one ({@link #changeTo}) moves counts when a
 * case is re-assigned or corrected, instead of counting it twice.
 *
 * @param shares bucket key ({@link Bucket#key()}) to share
 */
public record Contribution(Map<String, Share> shares) {
    public static final Contribution NONE = new Contribution(Map.of());

    private static final Counts RECEIVED = new Counts(1, 0, 0, 0, 0, 0, 0, 0);
    private static final Counts CONCLUDED = new Counts(0, 1, 0, 0, 0, 0, 0, 0);
    private static final Counts ON_TIME = new Counts(0, 0, 1, 0, 0, 0, 0, 0);
    private static final Counts VISITED = new Counts(0, 0, 0, 1, 0, 0, 0, 0);
    private static final Counts SATISFIED = new Counts(0, 0, 0, 0, 1, 0, 0, 0);
    private static final Counts EXCELLENT = new Counts(0, 0, 0, 0, 0, 1, 0, 0);
    private static final Counts RETURN = new Counts(0, 0, 0, 0, 0, 0, 1, 0);
    private static final Counts PUSHBACK = new Counts(0, 0, 0, 0, 0, 0, 0, 1);

    public Contribution {
        shares = Map.copyOf(shares);
    }

    /** The counts of a case, by the metric semantics; a pending case counts nowhere. */
    public static Contribution of(CaseState state) {
        if (state.pending()) {
            return NONE;
        }
        Map<String, Counts> byUnit = new LinkedHashMap<>();
        if (state.owner() != null) {
            Counts owned = RECEIVED;
            if (state.conclusion() != null) {
                owned = owned.plus(CONCLUDED);
                if (state.conclusion().onTime()) {
                    owned = owned.plus(ON_TIME);
                }
            }
            CaseState.Visit visit = state.visit();
            if (visit != null && visit.answered()) {
                owned = owned.plus(VISITED);
                if (visit.satisfaction().satisfied()) {
                    owned = owned.plus(SATISFIED);
                }
                if (visit.excellent()) {
                    owned = owned.plus(EXCELLENT);
                }
            }
            byUnit.merge(state.owner(), owned, Counts::plus);
        }
        for (CaseState.Return r : state.returns()) {
            byUnit.merge(r.unitId(), RETURN, Counts::plus);
        }
        if (state.pushback()) {
            byUnit.merge(state.conclusion().unitId(), PUSHBACK, Counts::plus);
        }
        Map<String, Share> shares = new LinkedHashMap<>();
        String day = AssessmentPeriod.localDate(state.acceptedAt()).toString();
        byUnit.forEach((unitId, counts) -> {
            Share share = new Share(nameOf(state, unitId), counts);
            shares.put(new Bucket(unitId, state.channel(), state.period()).key(), share);
            shares.put(new Bucket(unitId, state.channel(), day).key(), share);
        });
        return new Contribution(shares);
    }

    /** Per bucket, the counts that move when this contribution is replaced by {@code next}; no zero changes. */
    public Map<String, Share> changeTo(Contribution next) {
        Set<String> keys = new LinkedHashSet<>(shares.keySet());
        keys.addAll(next.shares.keySet());
        Map<String, Share> changes = new LinkedHashMap<>();
        for (String key : keys) {
            Share before = shares.get(key);
            Share after = next.shares.get(key);
            Counts change = (after == null ? Counts.NONE : after.counts())
                    .minus(before == null ? Counts.NONE : before.counts());
            if (!change.none()) {
                changes.put(key, new Share(after != null ? after.unitName() : before.unitName(), change));
            }
        }
        return changes;
    }

    private static String nameOf(CaseState state, String unitId) {
        String name = null;
        for (CaseState.Acceptance a : state.acceptances()) {
            if (a.unitId().equals(unitId) && a.unitName() != null) {
                name = a.unitName();
            }
        }
        return name;
    }
}
