package io.minxin.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.Accepted;
import io.minxin.events.Assigned;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.EventData;
import io.minxin.events.HandlingRole;
import io.minxin.events.Merged;
import io.minxin.events.Reopened;
import io.minxin.events.Returned;
import io.minxin.events.Satisfaction;
import io.minxin.events.Signed;
import io.minxin.events.Supervised;
import io.minxin.events.Visited;
import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.DecisionBody;
import io.minxin.events.decision.Exclusion;
import io.minxin.events.decision.Indicator;
import io.minxin.events.decision.PushbackRuling;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.Counts;
import io.minxin.events.state.ExcludedCase;
import io.minxin.metrics.casestate.CaseFolder;
import io.minxin.metrics.unitrates.Bucket;
import io.minxin.metrics.unitrates.Contribution;
import io.minxin.metrics.unitrates.Share;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.kstream.Materialized.StoreType;

/**
 * Late, repeated and out-of-order delivery of a case's events, and of the operators' decisions about it, ends, through
 * the whole topology, in the state, unit counts and listed exclusions of the clean sequence once (the fold of the set
 * of distinct events and decisions); a case merged into another (并单) counts nowhere. For 回退率 and 重办率, the handling counts are what the definitions say of the distinct
 * events, read here directly from them, and a re-handling moves none of the bulletin's counts. One driver serves every
 * try; each try is a case of its own with units of its own.
 */
class OutOfOrderProperties {
    private static final Instant START = Instant.parse("2020-09-28T16:00:00Z");
    private static final List<String> UNITS = List.of("a", "b", "c");
    private static final AtomicInteger TRIES = new AtomicInteger();
    private static final Map<String, CaseState> STATES = new HashMap<>();
    private static final Map<String, Counts> COUNTS = new HashMap<>();
    private static final Map<String, List<ExcludedCase>> EXCLUSIONS = new HashMap<>();
    private static Path stateDir;
    private static TopologyHarness topology;

    @BeforeContainer
    static void start() throws IOException {
        stateDir = Files.createTempDirectory("metrics-property");
        topology = new TopologyHarness(stateDir, ProcessingListener.NONE, StoreType.IN_MEMORY);
    }

    @AfterContainer
    static void stop() throws IOException {
        topology.close();
        Utils.delete(stateDir.toFile());
    }

    @Property(tries = 300)
    void shuffledAndRepeatedEventsEndInTheStateOfTheCleanSequence(
            @ForAll("cases") List<Spec> specs, @ForAll Random random) {
        String caseId = "t" + TRIES.incrementAndGet();
        List<CaseEvent> events = events(caseId, specs);
        CaseState clean = TopologyHarness.FOLDER.fold(caseId, events);

        deliverMessy(events, random);

        assertThat(STATES.get(caseId)).isEqualTo(clean);
        assertThat(countsOf(caseId)).isEqualTo(periodCounts(Contribution.of(clean)));
    }

    @Property(tries = 300)
    void anyPermutationOrDuplicationOfEventsAndDecisionsGivesTheNumbersOfTheCleanOrder(
            @ForAll("cases") List<Spec> specs, @ForAll("decisions") List<DecisionSpec> decided, @ForAll Random random) {
        String caseId = "t" + TRIES.incrementAndGet();
        List<CaseEvent> events = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            events.add(CaseEvent.of("e" + i, "/platform/p", specs.get(i).data(caseId)));
        }
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < decided.size(); i++) {
            decisions.add(decided.get(i).decision("d" + i, caseId));
        }
        List<Runnable> messy = new ArrayList<>();
        events.forEach(event -> messy.add(() -> topology.send(event)));
        decisions.forEach(decision -> messy.add(() -> topology.send(decision)));
        int repeats = random.nextInt(messy.size() + 1);
        for (int i = 0; i < repeats; i++) {
            messy.add(messy.get(random.nextInt(messy.size())));
        }
        Collections.shuffle(messy, random);
        CaseState clean = TopologyHarness.FOLDER.fold(caseId, events, decisions);

        messy.forEach(Runnable::run);
        STATES.putAll(topology.states.readKeyValuesToMap());
        topology.latestUnitMetrics().forEach((key, metrics) -> {
            COUNTS.put(key, metrics.counts());
            EXCLUSIONS.put(key, metrics.exclusions());
        });

        assertThat(STATES.get(caseId)).isEqualTo(clean);
        Contribution contribution = Contribution.of(clean);
        assertThat(countsOf(caseId)).isEqualTo(periodCounts(contribution));
        assertThat(exclusionsOf(caseId)).isEqualTo(periodExclusions(contribution));
    }

    @Property(tries = 300)
    void shuffledAndRepeatedEventsGiveTheHandlingCountsTheDefinitionsSayAndReHandlingMovesNoOtherCount(
            @ForAll("casesWithReHandling") List<Spec> specs, @ForAll Random random) {
        String caseId = "t" + TRIES.incrementAndGet();
        List<CaseEvent> events = events(caseId, specs);
        List<CaseEvent> messy = messy(events, random);

        messy.forEach(topology::send);
        topology.latestUnitMetrics().forEach((key, metrics) -> COUNTS.put(key, metrics.counts()));

        Map<String, Counts> served = countsOf(caseId);
        Map<String, Counts> handling = new HashMap<>();
        served.forEach((key, counts) -> {
            Counts only = Counts.handling(counts.handled(), counts.returnedCases(), counts.reopened());
            if (!only.none()) {
                handling.put(key, only);
            }
        });
        assertThat(handling).isEqualTo(byDefinition(events));
        List<CaseEvent> withoutReHandling =
                events.stream().filter(e -> !(e.data() instanceof Reopened)).toList();
        Map<String, Counts> bulletin = new HashMap<>();
        served.forEach((key, counts) -> bulletin.put(key, bulletinCounts(counts)));
        Map<String, Counts> bulletinWithout = new HashMap<>();
        Contribution.of(TopologyHarness.FOLDER.fold(caseId, withoutReHandling))
                .shares()
                .forEach((key, share) -> {
                    if (!Bucket.parse(key).daily()) {
                        bulletinWithout.put(key, bulletinCounts(share.counts()));
                    }
                });
        bulletin.values().removeIf(Counts::none);
        bulletinWithout.values().removeIf(Counts::none);
        assertThat(bulletin).isEqualTo(bulletinWithout);
    }

    @Property(tries = 300)
    void shuffledAndRepeatedEventsGiveTheSignInCountsTheDefinitionSaysAndDispatchesMoveNoOtherCount(
            @ForAll("casesWithDispatches") List<Spec> specs, @ForAll Random random) {
        String caseId = "t" + TRIES.incrementAndGet();
        List<CaseEvent> events = events(caseId, specs);

        deliverMessy(events, random);

        Split served = split(countsOf(caseId), counts -> Counts.signIn(counts.dispatched(), counts.signedOnTime()));
        assertThat(served.only()).isEqualTo(signInsByDefinition(events));
        List<CaseEvent> withoutDispatch = events.stream()
                .filter(e -> !(e.data() instanceof Assigned) && !(e.data() instanceof Signed))
                .toList();
        assertThat(served.rest()).isEqualTo(cleanPeriodCounts(caseId, withoutDispatch));
    }

    /** Per bucket, the part of the counts {@code only} picks and the rest, buckets where it is zero left out. */
    private record Split(Map<String, Counts> only, Map<String, Counts> rest) {}

    private static Split split(Map<String, Counts> served, UnaryOperator<Counts> only) {
        Map<String, Counts> picked = new HashMap<>();
        Map<String, Counts> rest = new HashMap<>();
        served.forEach((key, counts) -> {
            Counts part = only.apply(counts);
            if (!part.none()) {
                picked.put(key, part);
            }
            if (!counts.minus(part).none()) {
                rest.put(key, counts.minus(part));
            }
        });
        return new Split(picked, rest);
    }

    /** The period counts of the clean fold of {@code events}, buckets that count nothing left out. */
    private static Map<String, Counts> cleanPeriodCounts(String caseId, List<CaseEvent> events) {
        Map<String, Counts> counts = new HashMap<>();
        periodCounts(Contribution.of(TopologyHarness.FOLDER.fold(caseId, events)))
                .forEach((key, value) -> {
                    if (!value.none()) {
                        counts.put(key, value);
                    }
                });
        return counts;
    }

    @Property(tries = 300)
    void shuffledAndRepeatedEventsGiveTheForwardingCountsTheDefinitionSaysAndForwardsMoveNoOtherCount(
            @ForAll("casesWithForwards") List<Spec> specs, @ForAll Random random) {
        String caseId = "t" + TRIES.incrementAndGet();
        List<CaseEvent> events = events(caseId, specs);

        deliverMessy(events, random);

        Split served =
                split(countsOf(caseId), counts -> Counts.forwarding(counts.forwarded(), counts.forwardedOnTime()));
        assertThat(served.only()).isEqualTo(forwardsByDefinition(events));
        // the same dispatches made by the platform's seat: every other count as before
        List<CaseEvent> bySeat = events.stream()
                .map(e -> e.data() instanceof Assigned a
                        ? CaseEvent.of(
                                e.id(),
                                e.source(),
                                new Assigned(
                                        a.caseId(),
                                        a.unitId(),
                                        a.unitName(),
                                        a.role(),
                                        "city",
                                        a.dueAt(),
                                        a.occurredAt()))
                        : e)
                .toList();
        assertThat(served.rest()).isEqualTo(cleanPeriodCounts(caseId, bySeat));
    }

    @Property(tries = 300)
    void shuffledAndRepeatedEventsGiveTheSupervisedCountsTheDefinitionSaysAndSupervisionMovesNoOtherCount(
            @ForAll("casesWithSupervision") List<Spec> specs, @ForAll Random random) {
        String caseId = "t" + TRIES.incrementAndGet();
        List<CaseEvent> events = events(caseId, specs);

        deliverMessy(events, random);

        Split served = split(countsOf(caseId), counts -> Counts.supervision(counts.supervised()));
        assertThat(served.only()).isEqualTo(supervisedByDefinition(events));
        List<CaseEvent> withoutSupervision =
                events.stream().filter(e -> !(e.data() instanceof Supervised)).toList();
        assertThat(served.rest()).isEqualTo(cleanPeriodCounts(caseId, withoutSupervision));
    }

    @Property(tries = 300)
    void shuffledAndRepeatedEventsGiveTheFeedbackCountsTheDefinitionSaysAndRepliesMoveNoOtherCount(
            @ForAll("casesWithReHandling") List<Spec> specs, @ForAll Random random) {
        String caseId = "t" + TRIES.incrementAndGet();
        List<CaseEvent> events = events(caseId, specs);

        deliverMessy(events, random);

        Split served = split(countsOf(caseId), counts -> Counts.feedback(counts.fedBack()));
        assertThat(served.only()).isEqualTo(feedbackByDefinition(events));
        List<CaseEvent> withoutReplies = events.stream()
                .map(e -> e.data() instanceof Concluded c
                        ? CaseEvent.of(e.id(), e.source(), new Concluded(c.caseId(), c.unitId(), null, c.occurredAt()))
                        : e)
                .toList();
        assertThat(served.rest()).isEqualTo(cleanPeriodCounts(caseId, withoutReplies));
    }

    /**
     * The feedback counts per period bucket as design section 4 defines them: the owner (the latest acceptance's unit
     * unless it returned the case after it) counts the case once when the latest conclusion after the latest acceptance
     * has a reply that is not blank.
     */
    private static Map<String, Counts> feedbackByDefinition(List<CaseEvent> events) {
        List<CaseEvent> sorted = CaseFolder.sortedDistinct(events);
        Accepted first = firstAcceptance(sorted);
        if (first == null) {
            return Map.of();
        }
        String owner = null;
        String reply = null;
        for (CaseEvent event : sorted) {
            if (event.data() instanceof Accepted a) {
                owner = a.unitId();
                reply = null;
            } else if (event.data() instanceof Returned r && r.unitId().equals(owner)) {
                owner = null;
            } else if (event.data() instanceof Concluded c) {
                reply = c.reply();
            }
        }
        if (owner == null || reply == null || reply.isBlank()) {
            return Map.of();
        }
        String period = TopologyHarness.FOLDER.period().nameOf(first.occurredAt());
        return Map.of(new Bucket(owner, first.channel(), period).key(), Counts.feedback(1));
    }

    /**
     * The supervised counts per period bucket as design section 4 defines them: a unit that handled the case (its
     * bucket has {@code handled} by {@link #byDefinition}) counts it once when any supervision names it.
     */
    private static Map<String, Counts> supervisedByDefinition(List<CaseEvent> events) {
        Set<String> supervised = new LinkedHashSet<>();
        events.stream()
                .filter(e -> e.data() instanceof Supervised)
                .forEach(e -> supervised.add(((Supervised) e.data()).unitId()));
        Map<String, Counts> expected = new HashMap<>();
        byDefinition(events).forEach((key, handling) -> {
            if (handling.handled() > 0 && supervised.contains(Bucket.parse(key).unitId())) {
                expected.put(key, Counts.supervision(1));
            }
        });
        return expected;
    }

    /**
     * The forwarding counts per period bucket as design section 4 defines them, from the distinct events in folding
     * order: a unit got the case at its earliest acceptance or dispatch; its first dispatch of the case to another unit
     * after that counts it once as forwarded, and as forwarded on time when it is not after the end of the working day
     * following the day the unit got the case (China's calendar). The platform's seat never got the case.
     */
    private static Map<String, Counts> forwardsByDefinition(List<CaseEvent> events) {
        List<CaseEvent> sorted = CaseFolder.sortedDistinct(events);
        Accepted first = firstAcceptance(sorted);
        if (first == null) {
            return Map.of();
        }
        String period = TopologyHarness.FOLDER.period().nameOf(first.occurredAt());
        Map<String, Instant> got = new HashMap<>();
        Map<String, Counts> expected = new HashMap<>();
        for (CaseEvent event : sorted) {
            if (event.data() instanceof Assigned a) {
                String from = a.dispatcher();
                if (got.containsKey(from)
                        && !from.equals(a.unitId())
                        && !expected.containsKey(new Bucket(from, first.channel(), period).key())) {
                    Instant due = WorkingCalendar.china().dueAt(got.get(from), 1);
                    boolean onTime = !event.occurredAt().isAfter(due);
                    expected.put(new Bucket(from, first.channel(), period).key(), Counts.forwarding(1, onTime ? 1 : 0));
                }
                got.putIfAbsent(a.unitId(), event.occurredAt());
            } else if (event.data() instanceof Accepted a) {
                got.putIfAbsent(a.unitId(), event.occurredAt());
            }
        }
        return expected;
    }

    @Property(tries = 300)
    void shuffledAndRepeatedEventsWithMergesEndInTheCleanStateAndAMergedCaseCountsNowhere(
            @ForAll("casesWithMerges") List<Spec> specs, @ForAll Random random) {
        String caseId = "t" + TRIES.incrementAndGet();
        List<CaseEvent> events = events(caseId, specs);
        CaseState clean = TopologyHarness.FOLDER.fold(caseId, events);

        deliverMessy(events, random);

        assertThat(STATES.get(caseId)).isEqualTo(clean);
        Map<String, Counts> served = countsOf(caseId);
        if (mergedByDefinition(events)) {
            assertThat(served).as("a duplicate merged away counts nowhere").isEmpty();
        } else {
            List<CaseEvent> withoutMerges =
                    events.stream().filter(e -> !(e.data() instanceof Merged)).toList();
            assertThat(served)
                    .as("a merge that does not stand moves nothing")
                    .isEqualTo(periodCounts(Contribution.of(TopologyHarness.FOLDER.fold(caseId, withoutMerges))));
        }
    }

    /** Merged as design section 4 defines it: a merge is ordered after the latest acceptance, as a conclusion is. */
    private static boolean mergedByDefinition(List<CaseEvent> events) {
        boolean accepted = false;
        boolean merged = false;
        for (CaseEvent event : CaseFolder.sortedDistinct(events)) {
            if (event.data() instanceof Accepted) {
                accepted = true;
                merged = false;
            } else if (event.data() instanceof Merged) {
                merged = accepted;
            }
        }
        return merged;
    }

    /** The earliest acceptance of events in folding order, which gives the case its period and channel; or null. */
    private static Accepted firstAcceptance(List<CaseEvent> sorted) {
        return sorted.stream()
                .filter(e -> e.data() instanceof Accepted)
                .map(e -> (Accepted) e.data())
                .findFirst()
                .orElse(null);
    }

    /**
     * The sign-in counts per period bucket as design section 4 defines them, from the distinct events in folding
     * order: every unit with a dispatch counts the case once as dispatched, and as signed on time when its first
     * sign-in after its latest dispatch is not after the end of the working day following that dispatch's day
     * (China's calendar, its holidays and 调休 included).
     */
    private static Map<String, Counts> signInsByDefinition(List<CaseEvent> events) {
        List<CaseEvent> sorted = CaseFolder.sortedDistinct(events);
        Accepted first = firstAcceptance(sorted);
        if (first == null) {
            return Map.of();
        }
        Map<String, Integer> latestDispatch = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).data() instanceof Assigned a) {
                latestDispatch.put(a.unitId(), i);
            }
        }
        String period = TopologyHarness.FOLDER.period().nameOf(first.occurredAt());
        Map<String, Counts> expected = new HashMap<>();
        latestDispatch.forEach((unit, index) -> {
            Instant due = WorkingCalendar.china().dueAt(sorted.get(index).occurredAt(), 1);
            boolean onTime = sorted.subList(index + 1, sorted.size()).stream()
                    .filter(e -> e.data() instanceof Signed s && s.unitId().equals(unit))
                    .findFirst()
                    .map(e -> !e.occurredAt().isAfter(due))
                    .orElse(false);
            expected.put(new Bucket(unit, first.channel(), period).key(), Counts.signIn(1, onTime ? 1 : 0));
        });
        return expected;
    }

    /**
     * The handling counts per period bucket as design section 4 defines them, read from the distinct events in folding
     * order: the owner (the latest acceptance's unit unless it returned the case after it) and every returning unit
     * handled the case once; every returning unit returned it once; the owner's concluded case was reopened when a
     * re-handling comes after the latest acceptance.
     */
    private static Map<String, Counts> byDefinition(List<CaseEvent> events) {
        List<CaseEvent> sorted = CaseFolder.sortedDistinct(events);
        Accepted first = null;
        int latest = -1;
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).data() instanceof Accepted a) {
                first = first == null ? a : first;
                latest = i;
            }
        }
        if (first == null) {
            return Map.of();
        }
        String owner = ((Accepted) sorted.get(latest).data()).unitId();
        boolean concluded = false;
        boolean reopened = false;
        Set<String> returning = new LinkedHashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            EventData data = sorted.get(i).data();
            if (data instanceof Returned r) {
                returning.add(r.unitId());
                if (i > latest && r.unitId().equals(owner)) {
                    owner = null;
                }
            }
            concluded |= i > latest && data instanceof Concluded;
            reopened |= i > latest && data instanceof Reopened;
        }
        String period = TopologyHarness.FOLDER.period().nameOf(first.occurredAt());
        Map<String, Counts> expected = new HashMap<>();
        for (String unit : returning) {
            expected.merge(new Bucket(unit, first.channel(), period).key(), Counts.handling(1, 1, 0), Counts::plus);
        }
        if (owner != null && !returning.contains(owner)) {
            expected.merge(new Bucket(owner, first.channel(), period).key(), Counts.handling(1, 0, 0), Counts::plus);
        }
        if (owner != null && concluded && reopened) {
            expected.merge(new Bucket(owner, first.channel(), period).key(), Counts.handling(0, 0, 1), Counts::plus);
        }
        return expected;
    }

    private static Counts bulletinCounts(Counts counts) {
        return counts.minus(Counts.handling(counts.handled(), counts.returnedCases(), counts.reopened()));
    }

    private static List<CaseEvent> events(String caseId, List<Spec> specs) {
        List<CaseEvent> events = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            events.add(CaseEvent.of("e" + i, "/platform/p", specs.get(i).data(caseId)));
        }
        return events;
    }

    /** Sends the events, some of them repeated, all shuffled, and keeps the states and unit counts published. */
    private static void deliverMessy(List<CaseEvent> events, Random random) {
        messy(events, random).forEach(topology::send);
        STATES.putAll(topology.states.readKeyValuesToMap());
        topology.latestUnitMetrics().forEach((key, metrics) -> COUNTS.put(key, metrics.counts()));
    }

    /** The events with some of them repeated, all shuffled. */
    private static List<CaseEvent> messy(List<CaseEvent> events, Random random) {
        List<CaseEvent> messy = new ArrayList<>(events);
        int repeats = random.nextInt(events.size() + 1);
        for (int i = 0; i < repeats; i++) {
            messy.add(events.get(random.nextInt(events.size())));
        }
        Collections.shuffle(messy, random);
        return messy;
    }

    private static Map<String, List<ExcludedCase>> exclusionsOf(String caseId) {
        Map<String, List<ExcludedCase>> exclusions = new HashMap<>();
        EXCLUSIONS.forEach((key, value) -> {
            if (key.startsWith(caseId + "/") && !value.isEmpty()) {
                exclusions.put(key, value);
            }
        });
        return exclusions;
    }

    private static Map<String, List<ExcludedCase>> periodExclusions(Contribution contribution) {
        Map<String, List<ExcludedCase>> exclusions = new HashMap<>();
        contribution.shares().forEach((key, share) -> {
            if (share.exclusions() != null) {
                exclusions.put(key, share.exclusions().entries());
            }
        });
        return exclusions;
    }

    private static Map<String, Counts> countsOf(String caseId) {
        Map<String, Counts> counts = new HashMap<>();
        COUNTS.forEach((key, value) -> {
            if (key.startsWith(caseId + "/") && !value.none()) {
                counts.put(key, value);
            }
        });
        return counts;
    }

    private static Map<String, Counts> periodCounts(Contribution contribution) {
        Map<String, Counts> counts = new HashMap<>();
        for (Map.Entry<String, Share> share : contribution.shares().entrySet()) {
            if (!Bucket.parse(share.getKey()).daily()) {
                counts.put(share.getKey(), share.getValue().counts());
            }
        }
        return counts;
    }

    /**
     * One event of a generated case, before it is given its case and unit ids; kind 4 is a re-handling, 5 a dispatch,
     * 6 a sign-in, 7 a merge into another case, 8 a dispatch by {@code unit} to the next of {@link #UNITS} (二级分转
     * when {@code unit} got the case before), 9 a supervision (督办) of {@code unit}.
     */
    record Spec(int kind, String unit, Instant at, Channel channel, Satisfaction satisfaction, boolean excellent) {
        String reply() {
            return excellent ? "已答复群众" : satisfaction == Satisfaction.UNREACHABLE ? " " : null;
        }

        EventData data(String caseId) {
            String unitId = caseId + "/" + unit;
            switch (kind) {
                case 0:
                    return new Accepted(caseId, unitId, "name of " + unit, channel, "诉求", null, at, null, null);
                case 1:
                    return new Returned(caseId, unitId, "不归我单位", at);
                case 2:
                    // a reply (答复) when excellent, a blank one when unreachable, else none: 反馈率 tells them apart
                    return new Concluded(caseId, unitId, reply(), at);
                case 3:
                    return new Visited(caseId, null, satisfaction, excellent, at);
                case 4:
                    return new Reopened(caseId, unitId, "回访不满意", null, at);
                case 5:
                    return new Assigned(caseId, unitId, "name of " + unit, HandlingRole.LEAD, "city", null, at);
                case 6:
                    return new Signed(caseId, unitId, at);
                case 9:
                    return new Supervised(caseId, unitId, "市政府督查室", null, null, at);
                case 8:
                    String next = UNITS.get((UNITS.indexOf(unit) + 1) % UNITS.size());
                    return new Assigned(
                            caseId, caseId + "/" + next, "name of " + next, HandlingRole.LEAD, unitId, null, at);
                default:
                    return new Merged(caseId, caseId + "-kept", null, "重复诉求", at);
            }
        }
    }

    /** One decision of a generated case: an exclusion (or its withdrawal) or a ruling, at one of a few times. */
    record DecisionSpec(
            int kind,
            Set<Indicator> indicators,
            boolean excluded,
            PushbackRuling.Verdict verdict,
            String unit,
            int day) {
        Decision decision(String id, String caseId) {
            DecisionBody body = kind == 0
                    ? new Exclusion(caseId, List.copyOf(indicators), excluded, null)
                    : new PushbackRuling(
                            caseId, verdict, caseId + "/a", caseId + "/" + unit, "name of " + unit, "应由其处理");
            // few distinct times: equal ones are ordered by id
            return new Decision(id, "2020-09", "k", "operator", START.plusSeconds(day * 86_400L), "理由 " + id, body);
        }
    }

    @Provide
    Arbitrary<List<DecisionSpec>> decisions() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.of(Indicator.class).set().ofMinSize(1),
                        Arbitraries.of(true, true, false),
                        Arbitraries.of(PushbackRuling.Verdict.class),
                        Arbitraries.of(UNITS),
                        Arbitraries.integers().between(0, 3))
                .as(DecisionSpec::new)
                .list()
                .ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<Spec>> cases() {
        return specs(3);
    }

    @Provide
    Arbitrary<List<Spec>> casesWithReHandling() {
        return specs(4);
    }

    /**
     * Acceptances, returns, conclusions, visits, dispatches and sign-ins over two weeks from 29 September 2020, six
     * hours apart: across the National Day holiday and the Saturday worked after it, so the calendar decides.
     */
    @Provide
    Arbitrary<List<Spec>> casesWithDispatches() {
        return overTwoWeeks(Arbitraries.of(0, 1, 2, 3, 5, 5, 6, 6));
    }

    /**
     * Acceptances, dispatches by the seat and by units (二级分转), sign-ins, returns and conclusions over two weeks from
     * 29 September 2020, six hours apart: across the National Day holiday, so the calendar decides.
     */
    @Provide
    Arbitrary<List<Spec>> casesWithForwards() {
        return overTwoWeeks(Arbitraries.of(0, 0, 1, 2, 5, 6, 8, 8, 8));
    }

    /** Up to ten events of the given kinds over two weeks from {@link #START}, six hours apart. */
    private static Arbitrary<List<Spec>> overTwoWeeks(Arbitrary<Integer> kinds) {
        return Combinators.combine(
                        kinds,
                        Arbitraries.of(UNITS),
                        Arbitraries.integers().between(0, 56).map(q -> START.plusSeconds(q * 6 * 3600L)),
                        Arbitraries.of(Channel.class),
                        Arbitraries.of(Satisfaction.class),
                        Arbitraries.of(true, false))
                .as(Spec::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(10);
    }

    /** Every kind the topology folds, merges twice as likely as the others, over twelve hours. */
    @Provide
    Arbitrary<List<Spec>> casesWithMerges() {
        return overTwelveHours(Arbitraries.of(0, 1, 2, 3, 4, 5, 6, 7, 7, 8, 9));
    }

    /** Acceptances, returns, conclusions, visits, re-handling and supervisions, these twice as likely, over twelve hours. */
    @Provide
    Arbitrary<List<Spec>> casesWithSupervision() {
        return overTwelveHours(Arbitraries.of(0, 1, 2, 3, 4, 9, 9));
    }

    private static Arbitrary<List<Spec>> specs(int lastKind) {
        return overTwelveHours(Arbitraries.integers().between(0, lastKind));
    }

    /** Up to nine events of the given kinds over twelve hours from {@link #START}, an hour apart. */
    private static Arbitrary<List<Spec>> overTwelveHours(Arbitrary<Integer> kinds) {
        return Combinators.combine(
                        kinds,
                        Arbitraries.of(UNITS),
                        Arbitraries.integers().between(0, 12).map(h -> START.plusSeconds(h * 3600L)),
                        Arbitraries.of(Channel.class),
                        Arbitraries.of(Satisfaction.class),
                        Arbitraries.of(true, false))
                .as(Spec::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(9);
    }
}
