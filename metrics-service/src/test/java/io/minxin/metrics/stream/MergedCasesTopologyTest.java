package io.minxin.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.HandlingRole;
import io.minxin.events.Merged;
import io.minxin.events.Satisfaction;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.testing.CaseEvents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.streams.kstream.Materialized.StoreType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 并单 through the whole topology: a duplicate appeal merged into another case after its latest acceptance counts
 * nowhere (no received, no returns, no 推诿, no sign-ins), the case it was merged into counts by its own events, and a
 * new acceptance after a merge makes the duplicate a case of its own again; in order and late, repeated and shuffled.
 */
class MergedCasesTopologyTest {
    @TempDir
    Path inOrderDir;

    @TempDir
    Path messyDir;

    /**
     * 614430: a accepts, concludes in time, the citizen is satisfied. 614431, the same appeal again: dispatched to a,
     * who signs, accepts, returns it, accepts it again and concludes it (a 推诿 candidate), then it is merged into
     * 614430. 614432: c accepts, it is merged into 614430, then accepted by c anew (the merge no longer stands).
     */
    private static List<CaseEvent> threeCases() {
        CaseEvents kept = new CaseEvents("614430");
        CaseEvents duplicate = new CaseEvents("614431");
        CaseEvents again = new CaseEvents("614432");
        return List.of(
                kept.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                kept.concluded("a", "2020-09-03T09:00:00"),
                kept.visited(Satisfaction.SATISFIED, false, "2020-09-04T09:00:00"),
                duplicate.assigned("a", HandlingRole.LEAD, "2020-09-01T09:10:00"),
                duplicate.signed("a", "2020-09-01T09:20:00"),
                duplicate.accepted("a", Channel.PHONE, "2020-09-01T09:30:00"),
                duplicate.returned("a", "2020-09-01T10:00:00"),
                duplicate.accepted("a", Channel.PHONE, "2020-09-01T11:00:00"),
                duplicate.concluded("a", "2020-09-02T09:00:00"),
                duplicate.merged("614430", "2020-09-02T10:00:00"),
                again.accepted("c", Channel.PHONE, "2020-09-01T09:00:00"),
                again.merged("614430", "2020-09-01T10:00:00"),
                again.accepted("c", Channel.PHONE, "2020-09-02T09:00:00"));
    }

    @Test
    void givenADuplicateAcceptedReturnedAndMergedIntoAnotherCaseThenItsUnitCountsOnlyTheOtherCase() {
        try (TopologyHarness topology = new TopologyHarness(inOrderDir, ProcessingListener.NONE, StoreType.IN_MEMORY)) {
            threeCases().forEach(topology::send);
            Map<String, CaseState> states = topology.states.readKeyValuesToMap();
            Map<String, UnitMetrics> metrics = topology.latestUnitMetrics();

            UnitMetrics a = metrics.get(UnitMetrics.key("a", Channel.PHONE, "2020-09"));
            assertThat(a.counts())
                    .as("614430 alone: received, concluded in time, answered satisfied visit, handled once")
                    .isEqualTo(new Counts(1, 1, 1, 1, 1, 0, 0, 0, null, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1));
            assertThat(a.rates().returnRate()).isEqualTo(0.0);
            assertThat(a.rates().signInRate())
                    .as("the merged duplicate's dispatch is gone")
                    .isNull();
            assertThat(metrics.get(UnitMetrics.key("c", Channel.PHONE, "2020-09"))
                            .counts()
                            .received())
                    .as("accepted anew after the merge: a case of its own")
                    .isEqualTo(1);
            assertThat(topology.unitDays
                            .readKeyValuesToMap()
                            .get(UnitMetrics.key("a", Channel.PHONE, "2020-09-01"))
                            .counts())
                    .isEqualTo(a.counts());

            CaseState duplicate = states.get("614431");
            assertThat(duplicate.mergedInto()).isEqualTo("614430");
            assertThat(duplicate.pushback()).isFalse();
            assertThat(duplicate.pushbackUnit()).isNull();
            assertThat(states.get("614430").merged()).isFalse();
            assertThat(states.get("614432").mergedInto()).isNull();
        }
    }

    @Test
    void givenTheSameEventsLateRepeatedAndShuffledThenEveryUnitHasTheSameCountsAndRates() {
        List<CaseEvent> messy = new ArrayList<>(threeCases());
        messy.addAll(threeCases().subList(5, 12));
        Collections.shuffle(messy, new Random(18));
        Collections.reverse(messy.subList(0, 6));

        Map<String, List<Object>> inOrder =
                TopologyHarness.countsAndRates(TopologyHarness.unitMetricsAfter(inOrderDir, threeCases()));

        assertThat(TopologyHarness.countsAndRates(TopologyHarness.unitMetricsAfter(messyDir, messy)))
                .isEqualTo(inOrder)
                .containsOnlyKeys("a|PHONE|2020-09", "c|PHONE|2020-09");
    }

    @Test
    void givenAMergeWithoutTargetOrIntoItselfThenEachIsADeadLetterNamingTheField() {
        CaseEvents duplicate = new CaseEvents("614431");
        CaseEvent accepted = duplicate.accepted("a", Channel.PHONE, "2020-09-01T09:30:00");
        CaseEvent withoutTarget =
                CaseEvent.of("m1", CaseEvents.SOURCE, new Merged("614431", null, null, "重复诉求", accepted.occurredAt()));
        CaseEvent intoItself = CaseEvent.of(
                "m2", CaseEvents.SOURCE, new Merged("614431", "614431", null, "重复诉求", accepted.occurredAt()));
        try (TopologyHarness topology = new TopologyHarness(inOrderDir, ProcessingListener.NONE, StoreType.IN_MEMORY)) {
            topology.send(accepted);
            topology.events.pipeInput("614431", EventJson.toBytes(withoutTarget));
            topology.events.pipeInput("614431", EventJson.toBytes(intoItself));

            List<String> reasons = topology.deadLetterReasons();

            assertThat(reasons)
                    .containsExactly(
                            "event m1 of case 614431 cannot be folded: data.intoCaseId is missing",
                            "event m2 of case 614431 cannot be folded:"
                                    + " data.intoCaseId must name another case than data.caseId");
            assertThat(topology.latestUnitMetrics()
                            .get(UnitMetrics.key("a", Channel.PHONE, "2020-09"))
                            .counts()
                            .received())
                    .isEqualTo(1);
        }
    }
}
