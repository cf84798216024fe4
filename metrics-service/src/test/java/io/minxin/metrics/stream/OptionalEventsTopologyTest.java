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
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.casestate.CaseFolder;
import io.minxin.metrics.unitrates.UnitDay;
import java.nio.charset.StandardCharsets;
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
 * The contract's optional types (issue 18) reach metrics-service on case-events: those not folded (the request for an
 * extension, supervision, merges) are read, checked and left alone, so that no case state, no count and no rate moves,
 * and nothing becomes a dead letter. The folded ones: re-handling ({@code HandlingRatesTopologyTest}), dispatch,
 * sign-in and the decision on an extension ({@code SignInAndExtensionTopologyTest}).
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
        List<CaseEvent> month = everyThirdCase(DemoMonth.generate().caseEvents()).stream()
                .filter(event -> DEMO_TYPES.contains(event.type()))
                .toList();
        List<CaseEvent> rich = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String previousCase = null;
        int optional = 0;
        for (CaseEvent event : month) {
            rich.add(event);
            if (event.data() instanceof Accepted a && seen.add(a.caseId())) {
                List<CaseEvent> around = optionalEventsOf(a, previousCase);
                rich.addAll(around);
                optional += around.size();
                previousCase = a.caseId();
            }
        }
        Set<EventType> leftAlone = EnumSet.range(EventType.CASE_ASSIGNED, EventType.CASE_MERGED);
        leftAlone.removeIf(CaseFolder::folds);
        assertThat(leftAlone)
                .containsExactlyInAnyOrder(
                        EventType.CASE_EXTENSION_REQUESTED, EventType.CASE_SUPERVISED, EventType.CASE_MERGED);
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
    void givenOptionalEventsOfACaseNeverAcceptedThenTheFoldedOnesAreStoredAndNothingIsCountedOrADeadLetter() {
        Instant at = Instant.parse("2020-09-01T01:00:00Z");
        List<CaseEvent> events = List.of(
                event("x1", new Signed("never", "u-01", at)),
                event("x2", new Reopened("never", "u-01", "回访不满意", null, at)),
                event("x3", new Merged("never", "614418", null, null, at)));

        Published published = run(plainDir, events);

        assertThat(published.states())
                .hasSize(2)
                .allSatisfy(state -> assertThat(state.value.pending()).isTrue());
        assertThat(published.states().get(1).value.history())
                .extracting(CaseState.HistoryEntry::type)
                .containsExactly(EventType.CASE_SIGNED, EventType.CASE_REOPENED);
        assertThat(published.periods()).isEmpty();
        assertThat(published.days()).isEmpty();
        assertThat(published.deadLetters()).isZero();
        assertThat(published.outcomes())
                .containsExactly(
                        ProcessingListener.Outcome.APPLIED,
                        ProcessingListener.Outcome.APPLIED,
                        ProcessingListener.Outcome.IGNORED);
    }

    @Test
    void givenAnOptionalEventUnderAnotherCaseKeyOrAUnitRegistrationOnCaseEventsThenEachIsADeadLetterWithItsReason() {
        Instant at = Instant.parse("2020-09-01T01:00:00Z");
        try (TopologyHarness topology = new TopologyHarness(plainDir, ProcessingListener.NONE, StoreType.IN_MEMORY)) {
            topology.events.pipeInput("999", EventJson.toBytes(event("s1", new Signed("614418", "u-01", at))));
            topology.events.pipeInput(
                    "u-01", EventJson.toBytes(event("r1", new UnitRegistered("u-01", "区住建局", "211103", "兴隆台区", at))));

            List<String> reasons = topology.deadLetters.readRecordsToList().stream()
                    .map(dead -> new String(
                            dead.headers()
                                    .lastHeader(MetricsTopology.DLQ_REASON_HEADER)
                                    .value(),
                            StandardCharsets.UTF_8))
                    .toList();

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

    /** A request for more time, supervision and a merge around one acceptance. */
    private static List<CaseEvent> optionalEventsOf(Accepted a, String previousCase) {
        Instant at = a.occurredAt();
        String id = a.caseId();
        List<CaseEvent> events = new ArrayList<>(List.of(
                event(
                        id + "-er",
                        new ExtensionRequested(
                                id, a.unitId(), "yq-" + id, at.plus(Duration.ofDays(30)), "需协调", at.plusSeconds(3))),
                event(id + "-su", new Supervised(id, a.unitId(), "市政府督查室", null, null, at.plusSeconds(5)))));
        if (previousCase != null && id.hashCode() % 7 == 0) {
            events.add(event(id + "-me", new Merged(id, previousCase, null, "重复诉求", at.plusSeconds(7))));
        }
        return events;
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
