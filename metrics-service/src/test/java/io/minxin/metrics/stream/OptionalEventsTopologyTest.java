package io.minxin.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.demo.DemoMonth;
import io.minxin.events.Accepted;
import io.minxin.events.CaseData;
import io.minxin.events.CaseEvent;
import io.minxin.events.EventData;
import io.minxin.events.EventJson;
import io.minxin.events.EventType;
import io.minxin.events.ExtensionRequested;
import io.minxin.events.Merged;
import io.minxin.events.Reopened;
import io.minxin.events.Signed;
import io.minxin.events.Supervised;
import io.minxin.events.UnitRegistered;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.casestate.CaseFolder;
import io.minxin.metrics.unitrates.UnitDay;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Materialized.StoreType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract's optional types (issue 18) reach metrics-service on case-events: the one not folded (the request for an
 * extension) is read, checked and left alone, so that no case state, no count and no rate moves, and nothing becomes a
 * dead letter; merges (并单) are folded, and a duplicate merged away counts nowhere while every other case counts as it
 * did; supervision (督办) is folded, and moves nothing but the {@code supervised} count of the units that handled the
 * case. The other folded ones: re-handling ({@code HandlingRatesTopologyTest}), dispatch, sign-in and
 * the decision on an extension ({@code SignInAndExtensionTopologyTest}); merges in detail: {@code
 * MergedCasesTopologyTest}.
 */
class OptionalEventsTopologyTest {
    private static final String SOURCE = "/platform/panjin-8890";

    @TempDir
    Path plainDir;

    @TempDir
    Path richDir;

    /** Everything the topology published, per output, in order (record times aside). */
    private record Published(
            List<KeyValue<String, CaseState>> states,
            List<KeyValue<String, UnitMetrics>> periods,
            List<KeyValue<String, UnitDay>> days,
            int deadLetters,
            List<ProcessingListener.Outcome> outcomes) {}

    @Test
    void givenTheDemoMonthWithTheOptionalTypesNotFoldedInterleavedWhenFoldedThenEveryOutputIsTheDemoMonthsAlone() {
        List<CaseEvent> month = month();
        List<CaseEvent> rich = interleaved(month, false);
        int optional = rich.size() - month.size();
        Set<EventType> leftAlone = EnumSet.range(EventType.CASE_ASSIGNED, EventType.CASE_MERGED);
        leftAlone.removeIf(CaseFolder::folds);
        assertThat(leftAlone).containsExactly(EventType.CASE_EXTENSION_REQUESTED);
        assertThat(rich.stream().map(CaseEvent::type).filter(type -> !DEMO_TYPES.contains(type)))
                .allMatch(leftAlone::contains);
        assertThat(rich.stream().map(CaseEvent::type).collect(Collectors.toSet()))
                .containsAll(leftAlone);

        Published plain = run(plainDir, month);
        Published withOptional = run(richDir, rich);

        assertThat(withOptional.states()).isEqualTo(plain.states());
        assertThat(withOptional.periods()).isEqualTo(plain.periods());
        assertThat(withOptional.days()).isEqualTo(plain.days());
        assertThat(withOptional.deadLetters()).isZero();
        assertThat(plain.periods()).isNotEmpty();
        assertThat(withOptional.outcomes().stream()
                        .filter(o -> o == ProcessingListener.Outcome.IGNORED)
                        .count())
                .isEqualTo(optional);
        assertThat(withOptional.outcomes().stream()
                        .filter(o -> o != ProcessingListener.Outcome.IGNORED)
                        .toList())
                .isEqualTo(plain.outcomes());
    }

    @Test
    void givenTheDemoMonthWithDuplicatesMergedIntoEarlierCasesThenTheMergedOnesCountNowhereAndTheOthersAsInTheMonth() {
        List<CaseEvent> month = month();
        List<CaseEvent> rich = interleaved(month, true);
        Map<String, String> merged = mergedByDefinition(rich);
        Set<String> withMerge = rich.stream()
                .filter(event -> event.data() instanceof Merged)
                .map(event -> ((Merged) event.data()).caseId())
                .collect(Collectors.toSet());
        List<CaseEvent> monthWithoutMerged = month.stream()
                .filter(event -> !merged.containsKey(((CaseData) event.data()).caseId()))
                .toList();
        assertThat(merged).hasSizeGreaterThan(3);

        Published withMerges = run(richDir, rich);
        Published expected = run(plainDir, monthWithoutMerged);

        assertThat(countsAndRates(withMerges.periods()))
                .as("every unit counts the month without the merged duplicates")
                .isEqualTo(countsAndRates(expected.periods()))
                .isNotEmpty();
        assertThat(dayCounts(withMerges.days())).isEqualTo(dayCounts(expected.days()));
        Map<String, CaseState> states = latest(withMerges.states());
        Map<String, CaseState> expectedStates = latest(expected.states());
        merged.forEach((caseId, into) -> {
            assertThat(states.get(caseId).mergedInto()).isEqualTo(into);
            assertThat(states.get(caseId).pushback()).isFalse();
        });
        expectedStates.forEach((caseId, state) -> {
            if (!withMerge.contains(caseId)) {
                assertThat(states.get(caseId)).isEqualTo(state);
            } else {
                assertThat(states.get(caseId).mergedInto())
                        .as("accepted anew after its merge")
                        .isNull();
            }
        });
        assertThat(withMerges.deadLetters()).isZero();
        assertThat(withMerges.outcomes())
                .filteredOn(o -> o == ProcessingListener.Outcome.IGNORED)
                .hasSize((int) rich.stream()
                        .filter(event -> !CaseFolder.folds(event.type()))
                        .count());
    }

    @Test
    void givenTheDemoMonthWithEveryCaseSupervisedTwiceAtItsFirstUnitThenOnlyTheSupervisedCountsOfHandlingUnitsMove() {
        List<CaseEvent> month = month();
        List<CaseEvent> rich = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CaseEvent event : month) {
            rich.add(event);
            if (event.data() instanceof Accepted a && seen.add(a.caseId())) {
                for (int i = 1; i <= 2; i++) {
                    rich.add(event(
                            a.caseId() + "-su" + i,
                            new Supervised(
                                    a.caseId(),
                                    a.unitId(),
                                    "市政府督查室",
                                    null,
                                    null,
                                    a.occurredAt().plusSeconds(5 + i))));
                }
            }
        }

        Published plain = run(plainDir, month);
        Published supervised = run(richDir, rich);

        Map<String, Counts> expected = new HashMap<>();
        latest(plain.states()).values().stream()
                .filter(state -> !state.pending() && !state.merged())
                .forEach(state -> {
                    String first = state.acceptances().get(0).unitId();
                    boolean handled = first.equals(state.owner())
                            || state.returns().stream().anyMatch(r -> r.unitId().equals(first));
                    if (handled) {
                        expected.merge(
                                UnitMetrics.key(first, state.channel(), state.period()),
                                Counts.supervision(1),
                                Counts::plus);
                    }
                });
        Map<String, Counts> supervisedCounts = new HashMap<>();
        Map<String, Counts> others = new HashMap<>();
        latestCounts(supervised.periods()).forEach((key, counts) -> {
            if (counts.supervised() > 0) {
                supervisedCounts.put(key, Counts.supervision(counts.supervised()));
            }
            others.put(key, counts.minus(Counts.supervision(counts.supervised())));
        });
        assertThat(supervisedCounts)
                .as("once per case however often, for the supervised unit when it handled the case")
                .isEqualTo(expected)
                .isNotEmpty();
        assertThat(others).isEqualTo(latestCounts(plain.periods()));
        assertThat(supervised.deadLetters()).isZero();
        assertThat(supervised.outcomes()).doesNotContain(ProcessingListener.Outcome.IGNORED);
    }

    @Test
    void givenOptionalEventsOfACaseNeverAcceptedThenTheFoldedOnesAreStoredAndNothingIsCountedOrADeadLetter() {
        Instant at = Instant.parse("2020-09-01T01:00:00Z");
        List<CaseEvent> events = List.of(
                event("x1", new Signed("never", "u-01", at)),
                event("x2", new Reopened("never", "u-01", "回访不满意", null, at)),
                event("x3", new Merged("never", "614418", null, null, at)));

        Published published = run(plainDir, events);

        assertThat(published.states())
                .hasSize(3)
                .allSatisfy(state -> assertThat(state.value.pending()).isTrue());
        assertThat(published.states().get(2).value.history())
                .extracting(CaseState.HistoryEntry::type)
                .containsExactly(EventType.CASE_SIGNED, EventType.CASE_REOPENED, EventType.CASE_MERGED);
        assertThat(published.states().get(2).value.mergedInto())
                .as("only a merge after an acceptance stands")
                .isNull();
        assertThat(published.periods()).isEmpty();
        assertThat(published.days()).isEmpty();
        assertThat(published.deadLetters()).isZero();
        assertThat(published.outcomes())
                .containsExactly(
                        ProcessingListener.Outcome.APPLIED,
                        ProcessingListener.Outcome.APPLIED,
                        ProcessingListener.Outcome.APPLIED);
    }

    @Test
    void givenAnOptionalEventUnderAnotherCaseKeyOrAUnitRegistrationOnCaseEventsThenEachIsADeadLetterWithItsReason() {
        Instant at = Instant.parse("2020-09-01T01:00:00Z");
        try (TopologyHarness topology = new TopologyHarness(plainDir, ProcessingListener.NONE, StoreType.IN_MEMORY)) {
            topology.events.pipeInput("999", EventJson.toBytes(event("s1", new Signed("614418", "u-01", at))));
            topology.events.pipeInput(
                    "u-01", EventJson.toBytes(event("r1", new UnitRegistered("u-01", "区住建局", "211103", "兴隆台区", at))));

            List<String> reasons = topology.deadLetterReasons();

            assertThat(reasons)
                    .containsExactly(
                            "the record key 999 is not data.caseId 614418",
                            "minxin.unit.registered is not a case event");
        }
    }

    /** The events of every third case in the order of their first event: all units, all days, a third of the time. */
    private static List<CaseEvent> everyThirdCase(List<CaseEvent> events) {
        Map<String, Integer> order = new HashMap<>();
        return events.stream()
                .filter(e -> order.computeIfAbsent(((CaseData) e.data()).caseId(), id -> order.size()) % 3 == 0)
                .toList();
    }

    /** The five types every platform sends (of the demo month, only those are kept here). */
    private static final Set<EventType> DEMO_TYPES = EnumSet.range(EventType.CASE_ACCEPTED, EventType.CASE_VISITED);

    /** The five types of every third case of the demo month. */
    private static List<CaseEvent> month() {
        return everyThirdCase(DemoMonth.generate().caseEvents()).stream()
                .filter(event -> DEMO_TYPES.contains(event.type()))
                .toList();
    }

    /**
     * The month with a request for more time after each case's first acceptance and, with {@code
     * merges}, some cases merged into the case accepted before them seven seconds after their first acceptance.
     */
    private static List<CaseEvent> interleaved(List<CaseEvent> month, boolean merges) {
        List<CaseEvent> rich = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String previousCase = null;
        for (CaseEvent event : month) {
            rich.add(event);
            if (event.data() instanceof Accepted a && seen.add(a.caseId())) {
                rich.addAll(optionalEventsOf(a));
                if (merges && previousCase != null && a.caseId().hashCode() % 7 == 0) {
                    rich.add(event(
                            a.caseId() + "-me",
                            new Merged(
                                    a.caseId(),
                                    previousCase,
                                    null,
                                    "重复诉求",
                                    a.occurredAt().plusSeconds(7))));
                }
                previousCase = a.caseId();
            }
        }
        return rich;
    }

    /** A request for more time around one acceptance, the optional type not folded. */
    private static List<CaseEvent> optionalEventsOf(Accepted a) {
        Instant at = a.occurredAt();
        String id = a.caseId();
        return List.of(event(
                id + "-er",
                new ExtensionRequested(
                        id, a.unitId(), "yq-" + id, at.plus(Duration.ofDays(30)), "需协调", at.plusSeconds(3))));
    }

    /**
     * The cases merged as design section 4 defines it, with the case each was merged into: a merge ordered after the
     * case's latest acceptance (a merge at the same instant comes after it).
     */
    private static Map<String, String> mergedByDefinition(List<CaseEvent> events) {
        Map<String, Instant> latestAcceptance = new HashMap<>();
        events.stream()
                .filter(event -> event.data() instanceof Accepted)
                .forEach(event -> latestAcceptance.merge(
                        ((Accepted) event.data()).caseId(), event.occurredAt(), (x, y) -> x.isAfter(y) ? x : y));
        Map<String, String> merged = new HashMap<>();
        events.stream()
                .filter(event -> event.data() instanceof Merged)
                .map(event -> (Merged) event.data())
                .filter(m -> !m.occurredAt().isBefore(latestAcceptance.get(m.caseId())))
                .forEach(m -> merged.put(m.caseId(), m.intoCaseId()));
        return merged;
    }

    /** Counts and rates per bucket that counts anything: a bucket of merged cases only ends all zeros. */
    private static Map<String, List<Object>> countsAndRates(List<KeyValue<String, UnitMetrics>> published) {
        Map<String, List<Object>> numbers = new HashMap<>();
        published.forEach(kv -> {
            if (kv.value.counts().none()) {
                numbers.remove(kv.key);
            } else {
                numbers.put(kv.key, List.of(kv.value.counts(), kv.value.rates()));
            }
        });
        return numbers;
    }

    private static Map<String, Counts> dayCounts(List<KeyValue<String, UnitDay>> published) {
        Map<String, Counts> counts = new HashMap<>();
        published.forEach(kv -> {
            if (kv.value.counts().none()) {
                counts.remove(kv.key);
            } else {
                counts.put(kv.key, kv.value.counts());
            }
        });
        return counts;
    }

    private static Map<String, Counts> latestCounts(List<KeyValue<String, UnitMetrics>> published) {
        Map<String, Counts> counts = new HashMap<>();
        published.forEach(kv -> counts.put(kv.key, kv.value.counts()));
        return counts;
    }

    private static Map<String, CaseState> latest(List<KeyValue<String, CaseState>> published) {
        Map<String, CaseState> states = new HashMap<>();
        published.forEach(kv -> states.put(kv.key, kv.value));
        return states;
    }

    private static CaseEvent event(String id, EventData data) {
        return CaseEvent.of(id, SOURCE, data);
    }

    private static Published run(Path stateDir, List<CaseEvent> events) {
        List<ProcessingListener.Outcome> outcomes = new ArrayList<>();
        try (TopologyHarness topology = new TopologyHarness(stateDir, outcomes::add, StoreType.IN_MEMORY)) {
            events.forEach(topology::send);
            return new Published(
                    topology.states.readKeyValuesToList(),
                    topology.unitMetrics.readKeyValuesToList(),
                    topology.unitDays.readKeyValuesToList(),
                    topology.deadLetters.readRecordsToList().size(),
                    List.copyOf(outcomes));
        }
    }
}
