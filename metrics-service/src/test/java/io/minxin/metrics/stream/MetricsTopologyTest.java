package io.minxin.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.Satisfaction;
import io.minxin.events.UnitLogin;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.testing.CaseEvents;
import io.minxin.metrics.unitrates.UnitDay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTopologyTest {
    @TempDir
    Path stateDir;

    private final List<ProcessingListener.Outcome> outcomes = new ArrayList<>();
    private TopologyHarness topology;
    private final CaseEvents c = new CaseEvents("614418");

    @BeforeEach
    void start() {
        topology = new TopologyHarness(stateDir, outcomes::add);
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void eachNewEventPublishesTheCaseStateKeyedByCaseId() {
        topology.send(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"));
        topology.send(c.concluded("a", "2020-09-02T09:00:00"));

        List<TestRecord<String, CaseState>> states = topology.states.readRecordsToList();

        assertThat(states).extracting(TestRecord::key).containsExactly("614418", "614418");
        assertThat(states.get(1).value().conclusion().unitId()).isEqualTo("a");
        assertThat(states.get(1).value().version()).isEqualTo(2);
        assertThat(outcomes).containsExactly(ProcessingListener.Outcome.APPLIED, ProcessingListener.Outcome.APPLIED);
    }

    @Test
    void confirmedPushbackIsPublishedWithItsUnitAndReturnsAndCountedForThatUnit() {
        topology.send(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"));
        topology.send(c.returned("a", "2020-09-01T10:00:00"));
        topology.send(c.accepted("a", Channel.PHONE, "2020-09-02T09:00:00"));
        topology.send(c.concluded("a", "2020-09-03T09:00:00"));

        List<CaseState> states = topology.states.readValuesToList();

        assertThat(states).extracting(CaseState::pushback).containsExactly(false, false, false, true);
        assertThat(states.get(3).confirmedPushback())
                .isEqualTo(new CaseState.Pushback(
                        "a", List.of(new CaseState.Return("a", "不归我单位管辖", CaseEvents.at("2020-09-01T10:00:00")))));
        assertThat(states.subList(0, 3))
                .allSatisfy(state -> assertThat(state.confirmedPushback()).isNull());
        assertThat(topology.latestUnitMetrics().get("a|PHONE|2020-09").counts().pushbacks())
                .isEqualTo(1);
    }

    @Test
    void exactDuplicatePublishesNothingAndCountsNothingTwice() {
        CaseEvent accepted = c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00");
        topology.send(accepted);
        topology.send(accepted);

        assertThat(topology.states.readRecordsToList()).hasSize(1);
        assertThat(topology.latestUnitMetrics().get("a|PHONE|2020-09").counts().received())
                .isEqualTo(1);
        assertThat(outcomes).containsExactly(ProcessingListener.Outcome.APPLIED, ProcessingListener.Outcome.DUPLICATE);
    }

    @Test
    void undeserializableValueGoesToTheDeadLetterTopicWithItsReason() {
        topology.events.pipeInput("614418", "{not json".getBytes(StandardCharsets.UTF_8));

        TestRecord<String, byte[]> dead = topology.deadLetters.readRecord();

        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(reason(dead)).startsWith("not a Minxin CloudEvent");
        assertThat(topology.states.isEmpty()).isTrue();
        assertThat(outcomes).containsExactly(ProcessingListener.Outcome.REJECTED);
    }

    @Test
    void eventUnderAnotherCaseKeyIsRejectedNotFolded() {
        topology.events.pipeInput("999", EventJson.toBytes(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00")));
        topology.events.pipeInput(
                "a",
                EventJson.toBytes(CaseEvent.of("l1", "s", new UnitLogin("a", Instant.parse("2020-09-01T00:00:00Z")))));

        List<TestRecord<String, byte[]>> dead = topology.deadLetters.readRecordsToList();

        assertThat(dead)
                .extracting(MetricsTopologyTest::reason)
                .containsExactly(
                        "the record key 999 is not data.caseId 614418", "minxin.unit.login is not a case event");
        assertThat(topology.states.isEmpty()).isTrue();
    }

    @Test
    void processingContinuesAfterARejectedRecord() {
        topology.events.pipeInput("614418", new byte[] {1, 2, 3});
        topology.send(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"));

        assertThat(topology.deadLetters.getQueueSize()).isEqualTo(1);
        assertThat(topology.states.readValue().owner()).isEqualTo("a");
    }

    @Test
    void unreadableEnvelopeTimeGoesToTheDeadLetterTopicInsteadOfStoppingTheStream() {
        String json = EventJson.toJson(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"))
                .replaceFirst("\"time\":\"[^\"]*\"", "\"time\":1598922000");
        topology.events.pipeInput("614418", json.getBytes(StandardCharsets.UTF_8));
        topology.send(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"));

        assertThat(reason(topology.deadLetters.readRecord())).startsWith("not a Minxin CloudEvent");
        assertThat(topology.states.readValue().owner()).isEqualTo("a");
    }

    @Test
    void reassignmentMovesTheCaseFromTheReturningUnitToTheNewOwner() {
        topology.send(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"));
        topology.send(c.returned("a", "2020-09-01T10:00:00"));
        topology.send(c.accepted("b", Channel.PHONE, "2020-09-02T09:00:00"));

        Map<String, UnitMetrics> metrics = topology.latestUnitMetrics();

        assertThat(metrics.get("a|PHONE|2020-09").counts())
                .isEqualTo(new Counts(0, 0, 0, 0, 0, 0, 1, 0, null, 1, 1, 0));
        assertThat(metrics.get("b|PHONE|2020-09").counts())
                .isEqualTo(new Counts(1, 0, 0, 0, 0, 0, 0, 0, null, 1, 0, 0));
        assertThat(metrics.get("b|PHONE|2020-09").unitName()).isEqualTo("name of b");
    }

    @Test
    void lateAcceptanceMovesTheCaseIntoTheEarlierPeriod() {
        topology.send(c.accepted("a", Channel.WEB, "2020-10-01T00:00:00"));
        topology.send(c.accepted("a", Channel.WEB, "2020-09-30T23:59:59"));

        Map<String, UnitMetrics> metrics = topology.latestUnitMetrics();

        assertThat(metrics.get("a|WEB|2020-10").counts().received()).isZero();
        assertThat(metrics.get("a|WEB|2020-09").counts().received()).isEqualTo(1);
    }

    @Test
    void ratesWithoutDenominatorAreNullAndVersionsGrow() {
        topology.send(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"));
        topology.send(c.concluded("a", "2020-09-02T09:00:00"));
        topology.send(c.visited(Satisfaction.SATISFIED, false, "2020-09-03T09:00:00"));

        List<UnitMetrics> updates = topology.unitMetrics.readValuesToList();

        assertThat(updates).extracting(UnitMetrics::version).containsExactly(1L, 2L, 3L);
        assertThat(updates.get(0).rates().completionRate()).isZero();
        assertThat(updates.get(0).rates().onTimeRate()).isNull();
        assertThat(updates.get(2).rates().satisfactionRate()).isEqualTo(1.0);
        assertThat(updates.get(2).rates().excellentRate()).isZero();
    }

    @Test
    void dayCountsAreKeyedByTheLocalDateOfAcceptance() {
        topology.send(c.accepted("a", Channel.PHONE, "2020-09-30T23:59:59"));

        TestRecord<String, UnitDay> day = topology.unitDays.readRecord();

        assertThat(day.key()).isEqualTo("a|PHONE|2020-09-30");
        assertThat(day.value().counts().received()).isEqualTo(1);
    }

    private static String reason(TestRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(MetricsTopology.DLQ_REASON_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
