package io.minxin.metrics.unitrates;

import io.minxin.events.EventType;
import io.minxin.events.decision.Indicator;
import io.minxin.events.decision.PushbackRuling;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.Counts;
import io.minxin.events.state.ExcludedCase;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one case counts, per bucket key: for the period of the case and for the local day of its first
 * acceptance. Replacing a case's old contribution by its new one ({@link #changeTo}) moves counts when a
 * case is re-assigned or corrected, instead of counting it twice.
 *
 * <p>The operators' decisions are applied here: the 推诿 goes to the unit the ruling leaves it with
 * ({@link CaseState#pushbackUnit()}); a case excluded from a rate adds its share of that rate's numerator and
 * denominator to the excluded parts ({@link Counts.Excluded}) of its owner, and a case excluded from {@code returns}
 * its returns to those of each returning unit; the period bucket of each of those units lists the exclusion.
 *
 * <p>The handling counts: its owner and every unit that returned it have handled it once ({@code handled}), every unit that returned it returned it once ({@code returnedCases}), and the owner's concluded
 * case counts once as {@code reopened} when it was sent back (重办) after its latest acceptance.
 *
 * <p>The sign-in counts: every unit the case was dispatched to counts it once as {@code dispatched}, and once as
 * {@code signedOnTime} when it signed its latest dispatch in time ({@link CaseState#signIns()}), owner or not.
 *
 * <p>有效回访率's denominator: the owner counts the case once as {@code followedUp} when it has a visit, answered or not
 * (its numerator is {@code visited}, the answered ones).
 *
 * <p>The forwarding counts (按时分转率): every unit that passed the case on ({@link CaseState#forwards()}) counts it once
 * as {@code forwarded}, and once as {@code forwardedOnTime} when it passed it on in time, owner or not.
 *
 * <p>督办率's numerator: every unit that handled the case ({@code handled}) counts it once as {@code supervised} when the
 * case was supervised (督办) at that unit, however often and whenever.
 *
 * <p>反馈率's numerator: the owner counts the case once as {@code fedBack} when its conclusion that counts carries a
 * reply that is not blank.
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
    private static final Counts EXCLUDED_RETURN = RETURN.excluding(Counts.Excluded.ofReturns(1));
    private static final Counts HANDLED = Counts.handling(1, 0, 0);
    private static final Counts RETURNED_CASE = Counts.handling(0, 1, 0);
    private static final Counts REOPENED = Counts.handling(0, 0, 1);
    private static final Counts DISPATCHED = Counts.signIn(1, 0);
    private static final Counts SIGNED_ON_TIME = Counts.signIn(1, 1);
    private static final Counts FOLLOWED_UP = Counts.followUp(1);
    private static final Counts FORWARDED = Counts.forwarding(1, 0);
    private static final Counts FORWARDED_ON_TIME = Counts.forwarding(1, 1);
    private static final Counts SUPERVISED = Counts.supervision(1);
    private static final Counts FED_BACK = Counts.feedback(1);
    /** What a case's exclusions can take from the unit it counts for. */
    private static final Set<Indicator> RATES = EnumSet.complementOf(EnumSet.of(Indicator.RETURNS));

    private static final Set<Indicator> RETURNS = EnumSet.of(Indicator.RETURNS);

    public Contribution {
        shares = Map.copyOf(shares);
    }

    /**
     * The counts of a case, by the metric semantics; a pending case counts nowhere, and neither does a duplicate merged
     * into another case (并单, {@link CaseState#merged()}): the case it was merged into counts by its own events.
     */
    public static Contribution of(CaseState state) {
        if (state.pending() || state.merged()) {
            return NONE;
        }
        Set<Indicator> excluded = EnumSet.noneOf(Indicator.class);
        state.exclusions().forEach(exclusion -> excluded.addAll(exclusion.indicators()));
        Map<String, Counts> byUnit = new LinkedHashMap<>();
        Map<String, Set<Indicator>> applicable = new LinkedHashMap<>();
        if (state.owner() != null) {
            byUnit.merge(state.owner(), owned(state, excluded), Counts::plus);
            applicable
                    .computeIfAbsent(state.owner(), u -> EnumSet.noneOf(Indicator.class))
                    .addAll(RATES);
        }
        for (CaseState.Return r : state.returns()) {
            byUnit.merge(r.unitId(), excluded.contains(Indicator.RETURNS) ? EXCLUDED_RETURN : RETURN, Counts::plus);
            applicable
                    .computeIfAbsent(r.unitId(), u -> EnumSet.noneOf(Indicator.class))
                    .addAll(RETURNS);
        }
        Set<String> returnedBy = new LinkedHashSet<>();
        state.returns().forEach(r -> returnedBy.add(r.unitId()));
        Set<String> handledBy = new LinkedHashSet<>(returnedBy);
        if (state.owner() != null) {
            handledBy.add(state.owner());
        }
        handledBy.forEach(unitId -> byUnit.merge(unitId, HANDLED, Counts::plus));
        Set<String> supervised = new LinkedHashSet<>();
        state.history().stream()
                .filter(entry -> entry.type() == EventType.CASE_SUPERVISED)
                .forEach(entry -> supervised.add(entry.unitId()));
        supervised.retainAll(handledBy);
        supervised.forEach(unitId -> byUnit.merge(unitId, SUPERVISED, Counts::plus));
        returnedBy.forEach(unitId -> byUnit.merge(unitId, RETURNED_CASE, Counts::plus));
        for (CaseState.SignIn signIn : state.signIns()) {
            byUnit.merge(signIn.unitId(), signIn.onTime() ? SIGNED_ON_TIME : DISPATCHED, Counts::plus);
        }
        for (CaseState.Forward forward : state.forwards()) {
            byUnit.merge(forward.unitId(), forward.onTime() ? FORWARDED_ON_TIME : FORWARDED, Counts::plus);
        }
        String pushbackUnit = state.pushbackUnit();
        if (pushbackUnit != null) {
            byUnit.merge(pushbackUnit, PUSHBACK, Counts::plus);
        }
        Map<String, Share> shares = new LinkedHashMap<>();
        String day = AssessmentPeriod.localDate(state.acceptedAt()).toString();
        byUnit.forEach((unitId, counts) -> {
            String unitName = nameOf(state, unitId);
            List<ExcludedCase> listed = state.exclusions().stream()
                    .map(exclusion -> exclusion.only(applicable.getOrDefault(unitId, Set.of())))
                    .filter(Objects::nonNull)
                    .toList();
            Share.CaseExclusions exclusions =
                    listed.isEmpty() ? null : new Share.CaseExclusions(state.caseId(), listed);
            shares.put(
                    new Bucket(unitId, state.channel(), state.period()).key(), new Share(unitName, counts, exclusions));
            // day buckets feed rolling rates: the counts with their excluded parts, no list
            shares.put(new Bucket(unitId, state.channel(), day).key(), new Share(unitName, counts));
        });
        return new Contribution(shares);
    }

    /** What the case counts for its owner, with the share of each rate it is excluded from as excluded parts. */
    private static Counts owned(CaseState state, Set<Indicator> excluded) {
        Counts owned = RECEIVED;
        if (state.conclusion() != null) {
            owned = owned.plus(CONCLUDED);
            if (state.conclusion().onTime()) {
                owned = owned.plus(ON_TIME);
            }
            if (state.conclusion().reply() != null
                    && !state.conclusion().reply().isBlank()) {
                owned = owned.plus(FED_BACK);
            }
        }
        CaseState.Visit visit = state.visit();
        if (visit != null) {
            owned = owned.plus(FOLLOWED_UP);
        }
        if (visit != null && visit.answered()) {
            owned = owned.plus(VISITED);
            if (visit.satisfaction().satisfied()) {
                owned = owned.plus(SATISFIED);
            }
            if (visit.excellent()) {
                owned = owned.plus(EXCELLENT);
            }
        }
        if (state.conclusion() != null && reopenedSinceAccepted(state)) {
            owned = owned.plus(REOPENED);
        }
        Counts.Excluded parts = Counts.Excluded.NONE;
        for (Indicator indicator : excluded) {
            if (RATES.contains(indicator)) {
                String rate = indicator.wireName();
                parts = parts.plus(Counts.Excluded.from(rate, owned.counted(rate)));
            }
        }
        return owned.excluding(parts);
    }

    /** Whether the case was sent back to be handled again (重办) after its latest acceptance, as its conclusion is. */
    private static boolean reopenedSinceAccepted(CaseState state) {
        boolean reopened = false;
        for (CaseState.HistoryEntry entry : state.history()) {
            if (entry.type() == EventType.CASE_ACCEPTED) {
                reopened = false;
            } else if (entry.type() == EventType.CASE_REOPENED) {
                reopened = true;
            }
        }
        return reopened;
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
            Share.CaseExclusions listed = listedChange(before, after);
            if (!change.none() || listed != null) {
                changes.put(key, new Share(after != null ? after.unitName() : before.unitName(), change, listed));
            }
        }
        return changes;
    }

    /** The case's exclusions listed in a bucket from now on, or null when they stay as they were. */
    private static Share.CaseExclusions listedChange(Share before, Share after) {
        List<ExcludedCase> was = before == null ? List.of() : before.entries();
        List<ExcludedCase> is = after == null ? List.of() : after.entries();
        if (was.equals(is)) {
            return null;
        }
        String caseId = after != null && after.exclusions() != null
                ? after.exclusions().caseId()
                : before.exclusions().caseId();
        return new Share.CaseExclusions(caseId, is);
    }

    /**
     * The unit's name as its latest acceptance of the case gives it, else as its dispatch does, else as the ruling that
     * charged it names it.
     */
    private static String nameOf(CaseState state, String unitId) {
        String name = null;
        for (CaseState.Acceptance a : state.acceptances()) {
            if (a.unitId().equals(unitId) && a.unitName() != null) {
                name = a.unitName();
            }
        }
        for (CaseState.SignIn signIn : state.signIns()) {
            if (name == null && signIn.unitId().equals(unitId)) {
                name = signIn.unitName();
            }
        }
        PushbackRuling ruling = state.pushbackRuling();
        if (name == null && ruling != null && unitId.equals(ruling.responsibleUnitId())) {
            name = ruling.responsibleUnitName();
        }
        return name;
    }
}
