package io.minxin.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.Satisfaction;
import io.minxin.events.decision.BulletinEdited;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.Indicator;
import io.minxin.events.decision.PushbackRuling.Verdict;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.Counts;
import io.minxin.events.state.ExcludedCase;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.testing.CaseEvents;
import io.minxin.metrics.testing.Decisions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.streams.kstream.Materialized.StoreType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operators' decisions on topic decisions, through the whole topology. */
class DecisionsTopologyTest {
    private static final String UNSATISFIED_VISITED = "a|PHONE|2020-09";

    @TempDir
    Path stateDir;

    private final CaseEvents c = new CaseEvents("614418");
    private final Decisions d = new Decisions("614418");

    private final CaseEvent accepted = c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00");
    private final CaseEvent concluded = c.concluded("a", "2020-09-02T09:00:00");
    private final CaseEvent unsatisfied = c.visited(Satisfaction.UNSATISFIED, false, "2020-09-03T09:00:00");
    private final Decision excluded = d.exclude("d1", "2020-10-03T09:00:00", Indicator.SATISFACTION_RATE);
    private final Decision withdrawn = d.restore("d2", "2020-10-04T09:00:00", Indicator.SATISFACTION_RATE);
    private final Decision excludedAgain = d.exclude("d3", "2020-10-05T09:00:00", Indicator.SATISFACTION_RATE);

    @Test
    void givenAnExclusionBeforeAfterTwiceOrOutOfOrderWithAWithdrawalThenTheUnitMetricsAreTheSame() {
        Map<String, UnitMetrics> before = run(t -> {
            t.send(excludedAgain);
            t.send(withdrawn);
            t.send(excluded);
            events(t);
        });
        Map<String, UnitMetrics> after = run(t -> {
            events(t);
            t.send(excluded);
            t.send(withdrawn);
            t.send(excludedAgain);
        });
        Map<String, UnitMetrics> twiceInBetween = run(t -> {
            t.send(accepted);
            t.send(excluded);
            t.send(withdrawn);
            t.send(excluded);
            t.send(concluded);
            t.send(excludedAgain);
            t.send(unsatisfied);
            t.send(withdrawn);
            t.send(excludedAgain);
        });
        Map<String, UnitMetrics> withdrawalFirst = run(t -> {
            t.send(withdrawn);
            events(t);
            t.send(excludedAgain);
            t.send(excluded);
        });

        UnitMetrics metrics = before.get(UNSATISFIED_VISITED);
        assertThat(metrics.counts())
                .isEqualTo(new Counts(1, 1, 1, 1, 0, 0, 0, 0, null, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1)
                        .excluding(Counts.Excluded.from("satisfactionRate", new Counts.Part(0, 1))));
        assertThat(metrics.rates().satisfactionRate()).isNull();
        assertThat(metrics.rates().excellentRate()).isZero();
        assertThat(metrics.exclusions())
                .containsExactly(new ExcludedCase(
                        "614418",
                        List.of(Indicator.SATISFACTION_RATE),
                        "经核实为不合理诉求",
                        "d3",
                        excludedAgain.decidedAt(),
                        null));
        assertThat(List.of(after, twiceInBetween, withdrawalFirst))
                .allSatisfy(other -> assertThat(other).isEqualTo(before));
    }

    @Test
    void givenTheLatestDecisionRestoresTheIndicatorThenTheCaseCountsAgainAndIsListedNowhere() {
        Map<String, UnitMetrics> metrics = run(t -> {
            events(t);
            t.send(withdrawn);
            t.send(excluded);
        });

        assertThat(metrics.get(UNSATISFIED_VISITED).counts())
                .isEqualTo(new Counts(1, 1, 1, 1, 0, 0, 0, 0, null, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1));
        assertThat(metrics.get(UNSATISFIED_VISITED).rates().satisfactionRate()).isZero();
        assertThat(metrics.get(UNSATISFIED_VISITED).exclusions()).isEmpty();
    }

    @Test
    void givenARulingThatDismissesTheCandidateThenNoUnitCountsThePushback() {
        try (TopologyHarness topology = new TopologyHarness(stateDir, ProcessingListener.NONE, StoreType.IN_MEMORY)) {
            pushbackCandidate(topology);
            assertThat(pushbacks(topology)).containsEntry("a|PHONE|2020-09", 1L);

            topology.send(d.ruling("r1", "2020-10-03T09:00:00", Verdict.DISMISSED, "a", null));

            assertThat(pushbacks(topology)).containsEntry("a|PHONE|2020-09", 0L);
            CaseState state = last(topology);
            assertThat(state.pushback()).isTrue();
            assertThat(state.confirmedPushback().unitId()).isEqualTo("a");
            assertThat(state.pushbackUnit()).isNull();
            assertThat(state.ruling().id()).isEqualTo("r1");
        }
    }

    @Test
    void givenARulingThatNamesAnotherUnitThenThePushbackMovesToItAndALaterConfirmationBringsItBack() {
        try (TopologyHarness topology = new TopologyHarness(stateDir, ProcessingListener.NONE, StoreType.IN_MEMORY)) {
            pushbackCandidate(topology);

            topology.send(d.ruling("r1", "2020-10-03T09:00:00", Verdict.REASSIGNED, "a", "jiedao"));

            Map<String, UnitMetrics> moved = topology.latestUnitMetrics();
            assertThat(moved.get("a|PHONE|2020-09").counts().pushbacks()).isZero();
            assertThat(moved.get("jiedao|PHONE|2020-09").counts()).isEqualTo(new Counts(0, 0, 0, 0, 0, 0, 0, 1));
            assertThat(moved.get("jiedao|PHONE|2020-09").unitName()).isEqualTo("name of jiedao");

            topology.send(d.ruling("r2", "2020-10-04T09:00:00", Verdict.CONFIRMED, "a", "a"));

            assertThat(pushbacks(topology))
                    .containsEntry("a|PHONE|2020-09", 1L)
                    .containsEntry("jiedao|PHONE|2020-09", 0L);
            assertThat(last(topology).decisions()).extracting(Decision::id).containsExactly("r1", "r2");
        }
    }

    @Test
    void givenAnExclusionFromReturnsThenTheReturningUnitsReturnsAreExcludedAndListedThere() {
        try (TopologyHarness topology = new TopologyHarness(stateDir, ProcessingListener.NONE, StoreType.IN_MEMORY)) {
            topology.send(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"));
            topology.send(c.returned("a", "2020-09-01T10:00:00"));
            topology.send(c.accepted("b", Channel.PHONE, "2020-09-02T09:00:00"));
            topology.send(d.exclude("x1", "2020-10-03T09:00:00", Indicator.RETURNS, Indicator.SATISFACTION_RATE));

            Map<String, UnitMetrics> metrics = topology.latestUnitMetrics();
            UnitMetrics returner = metrics.get("a|PHONE|2020-09");
            assertThat(returner.counts().returns()).isEqualTo(1);
            assertThat(returner.counts().assessedReturns()).isZero();
            assertThat(returner.exclusions())
                    .singleElement()
                    .satisfies(listed -> assertThat(listed.indicators()).containsExactly(Indicator.RETURNS));
            UnitMetrics owner = metrics.get("b|PHONE|2020-09");
            assertThat(owner.exclusions())
                    .singleElement()
                    .satisfies(listed -> assertThat(listed.indicators()).containsExactly(Indicator.SATISFACTION_RATE));
        }
    }

    @Test
    void givenDecisionsOfOtherKindsOrUnreadableOnesThenTheyAreCountedAndSkippedAndNothingGoesToTheDeadLetters() {
        List<ProcessingListener.DecisionOutcome> outcomes = new ArrayList<>();
        ProcessingListener listener = new ProcessingListener() {
            @Override
            public void processed(Outcome outcome) {}

            @Override
            public void decided(DecisionOutcome outcome) {
                outcomes.add(outcome);
            }
        };
        try (TopologyHarness topology = new TopologyHarness(stateDir, listener, StoreType.IN_MEMORY)) {
            topology.send(new Decision(
                    "b1",
                    "2020-09",
                    "k",
                    "operator",
                    excluded.decidedAt(),
                    "",
                    new BulletinEdited("2020-09", "李某", null, null, null, null, null, null, null, null, null)));
            String newerKind = new String(json(excluded), StandardCharsets.UTF_8)
                    .replace("\"kind\":\"exclusion\"", "\"kind\":\"from-a-newer-contract\"");
            topology.decisions.pipeInput("614418", newerKind.getBytes(StandardCharsets.UTF_8));
            topology.decisions.pipeInput(
                    "999",
                    d.exclude("x9", "2020-10-03T09:00:00", Indicator.RETURNS)
                            .toString()
                            .getBytes(StandardCharsets.UTF_8));
            topology.decisions.pipeInput("999", json(d.exclude("x9", "2020-10-03T09:00:00", Indicator.RETURNS)));
            topology.send(excluded);
            topology.send(excluded);

            assertThat(outcomes)
                    .containsExactly(
                            ProcessingListener.DecisionOutcome.IGNORED,
                            ProcessingListener.DecisionOutcome.SKIPPED,
                            ProcessingListener.DecisionOutcome.SKIPPED,
                            ProcessingListener.DecisionOutcome.SKIPPED,
                            ProcessingListener.DecisionOutcome.APPLIED,
                            ProcessingListener.DecisionOutcome.DUPLICATE);
            assertThat(topology.deadLetters.isEmpty()).isTrue();
            // a case known from decisions alone has no state until its first event
            assertThat(topology.states.isEmpty()).isTrue();

            topology.send(accepted);

            CaseState state = last(topology);
            assertThat(state.decisions()).extracting(Decision::id).containsExactly("d1");
            assertThat(state.version()).isEqualTo(2);
        }
    }

    private void events(TopologyHarness topology) {
        topology.send(accepted);
        topology.send(concluded);
        topology.send(unsatisfied);
    }

    private void pushbackCandidate(TopologyHarness topology) {
        topology.send(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"));
        topology.send(c.returned("a", "2020-09-01T10:00:00"));
        topology.send(c.accepted("a", Channel.PHONE, "2020-09-02T09:00:00"));
        topology.send(c.concluded("a", "2020-09-03T09:00:00"));
    }

    /** The latest unit metrics of each key of one delivery, versions aside (they count the changes on the way). */
    private Map<String, UnitMetrics> run(Consumer<TopologyHarness> delivery) {
        Path dir = stateDir.resolve("run" + System.nanoTime());
        try (TopologyHarness topology = new TopologyHarness(dir, ProcessingListener.NONE, StoreType.IN_MEMORY)) {
            delivery.accept(topology);
            Map<String, UnitMetrics> latest = new TreeMap<>();
            topology.latestUnitMetrics().forEach((key, metrics) -> latest.put(key, withoutVersion(metrics)));
            return latest;
        }
    }

    private static UnitMetrics withoutVersion(UnitMetrics metrics) {
        return new UnitMetrics(
                metrics.unitId(),
                metrics.unitName(),
                metrics.channel(),
                metrics.period(),
                metrics.counts(),
                0,
                metrics.exclusions());
    }

    private static Map<String, Long> pushbacks(TopologyHarness topology) {
        Map<String, Long> pushbacks = new TreeMap<>();
        topology.latestUnitMetrics()
                .forEach((key, metrics) -> pushbacks.put(key, metrics.counts().pushbacks()));
        return pushbacks;
    }

    private static CaseState last(TopologyHarness topology) {
        List<CaseState> states = topology.states.readValuesToList();
        return states.get(states.size() - 1);
    }

    private static byte[] json(Decision decision) {
        return EventJson.mapper().writeValueAsBytes(decision);
    }
}
