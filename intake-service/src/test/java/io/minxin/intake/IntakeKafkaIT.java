package io.minxin.intake;

import static io.minxin.intake.TestEvents.accepted;
import static io.minxin.intake.TestEvents.concluded;
import static io.minxin.intake.TestEvents.json;
import static io.minxin.intake.TestEvents.login;
import static io.minxin.intake.TestEvents.returned;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import io.minxin.localstack.LocalStackEndpoints;
import io.minxin.localstack.LocalStackExtension;
import io.minxin.servicekit.identity.TestIdentity;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.ObjectNode;

/** The running app against a real broker: where events land, and that a refused batch leaves no trace. */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class IntakeKafkaIT {
    private static final MediaType CLOUDEVENTS = MediaType.parseMediaType("application/cloudevents+json");
    private static final MediaType BATCH = MediaType.parseMediaType("application/cloudevents-batch+json");

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        TestIdentity.register(registry);
    }

    @Test
    void aSingleEventLandsOnCaseEventsUnderItsCaseIdInTheKeysPartition(LocalStackEndpoints stack) {
        String caseId = unique("case");
        CaseEvent event = accepted(unique("evt"), caseId);

        post("/api/v1/events", CLOUDEVENTS, json(event).toString())
                .expectStatus()
                .isAccepted();

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(
                stack.bootstrapServers(), TopicReader.READ_COMMITTED, List.of(caseId), r -> !r.isEmpty());
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topics.CASE_EVENTS);
            assertThat(record.partition()).isEqualTo(TopicReader.partitionOf(caseId));
            assertThat(EventJson.fromBytes(record.value())).isEqualTo(event);
        });
    }

    @Test
    void aBatchLandsOnEachEventsTopicAndPartitionInOneCommittedTransaction(LocalStackEndpoints stack) {
        String caseId = unique("case");
        String unitId = unique("unit");
        List<CaseEvent> batch =
                List.of(accepted(unique("e"), caseId), login(unique("e"), unitId), returned(unique("e"), caseId));

        post("/api/v1/events/batch", BATCH, TestEvents.array(batch))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.accepted")
                .isEqualTo(3);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(
                stack.bootstrapServers(), TopicReader.READ_COMMITTED, List.of(caseId, unitId), r -> r.size() >= 3);
        assertThat(records)
                .extracting(ConsumerRecord::topic, ConsumerRecord::key, ConsumerRecord::partition)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                Topics.CASE_EVENTS, caseId, TopicReader.partitionOf(caseId)),
                        org.assertj.core.groups.Tuple.tuple(
                                Topics.UNIT_ACTIVITY, unitId, TopicReader.partitionOf(unitId)),
                        org.assertj.core.groups.Tuple.tuple(
                                Topics.CASE_EVENTS, caseId, TopicReader.partitionOf(caseId)));
        assertThat(records.stream()
                        .filter(r -> r.key().equals(caseId))
                        .map(r -> EventJson.fromBytes(r.value()).id()))
                .containsExactly(batch.get(0).id(), batch.get(2).id());
    }

    @Test
    void givenEveryOptionalTypeInABatchThenEachLandsOnItsTopicInTheKeysPartitionLikeTheFirstFive(
            LocalStackEndpoints stack) {
        String caseId = unique("case");
        String unitId = unique("unit");
        List<CaseEvent> batch = TestEvents.optionalTypes(unique("o") + "-", caseId, unitId);

        post("/api/v1/events/batch", BATCH, TestEvents.array(batch))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.accepted")
                .isEqualTo(batch.size());

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(
                stack.bootstrapServers(),
                TopicReader.READ_COMMITTED,
                List.of(caseId, caseId + "-dup", unitId),
                r -> r.size() >= batch.size());
        assertThat(records).hasSize(batch.size()).allSatisfy(record -> {
            CaseEvent event = EventJson.fromBytes(record.value());
            assertThat(record.topic()).isEqualTo(event.type().topic());
            assertThat(record.key()).isEqualTo(event.key());
            assertThat(record.partition()).isEqualTo(TopicReader.partitionOf(event.key()));
        });
        assertThat(records).extracting(ConsumerRecord::topic).containsOnly(Topics.CASE_EVENTS, Topics.UNIT_ACTIVITY);
        assertThat(records.stream().map(r -> EventJson.fromBytes(r.value())))
                .containsExactlyInAnyOrderElementsOf(batch);
    }

    @Test
    void aBatchWithOneBadItemPublishesNothingOfIt(LocalStackEndpoints stack) {
        String caseId = unique("case");
        ObjectNode bad = json(returned(unique("e"), caseId));
        ((ObjectNode) bad.get("data")).remove("reason");
        String body = TestEvents.array(List.of(json(accepted(unique("e"), caseId)), bad));
        CaseEvent sentinel = concluded(unique("sentinel"), caseId);

        post("/api/v1/events/batch", BATCH, body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("data.reason");
        post("/api/v1/events", CLOUDEVENTS, json(sentinel).toString())
                .expectStatus()
                .isAccepted();

        // the sentinel shares the key, so the partition: had anything of the batch been written, even
        // uncommitted, it would come before the sentinel
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(
                stack.bootstrapServers(), TopicReader.READ_UNCOMMITTED, List.of(caseId), r -> !r.isEmpty());
        assertThat(records).extracting(r -> EventJson.fromBytes(r.value())).containsExactly(sentinel);
    }

    @Test
    void concurrentBatchesCommitInConcurrentTransactions(LocalStackEndpoints stack) {
        List<String> caseIds =
                IntStream.range(0, 6).mapToObj(i -> unique("case")).toList();

        List<Integer> statuses = Flux.fromIterable(caseIds)
                .flatMap(
                        caseId -> Flux.defer(() -> Flux.just(post(
                                                "/api/v1/events/batch",
                                                BATCH,
                                                TestEvents.array(List.of(
                                                        accepted(unique("e"), caseId), returned(unique("e"), caseId))))
                                        .returnResult(String.class)
                                        .getStatus()
                                        .value()))
                                .subscribeOn(Schedulers.boundedElastic()),
                        caseIds.size())
                .collectList()
                .block();

        assertThat(statuses).hasSize(caseIds.size()).containsOnly(202);
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(
                stack.bootstrapServers(), TopicReader.READ_COMMITTED, caseIds, r -> r.size() >= 2 * caseIds.size());
        assertThat(records).hasSize(2 * caseIds.size());
    }

    @Test
    void healthIsUpAndReadinessChecksKafka() {
        client.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    private WebTestClient.ResponseSpec post(String path, MediaType type, String body) {
        return client.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, TestEvents.integrationToken())
                .contentType(type)
                .bodyValue(body)
                .exchange();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
