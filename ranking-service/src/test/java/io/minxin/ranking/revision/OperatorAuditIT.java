package io.minxin.ranking.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import io.minxin.events.audit.AuditEntry;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.localstack.LocalStackExtension;
import io.minxin.ranking.live.LiveMetricsStore;
import io.minxin.ranking.policy.Policies;
import io.minxin.servicekit.identity.TestIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Each operator action of ranking-service puts exactly one entry on topic {@code audit} before it answers, naming
 * the operator's key, the target and what changed. The actions are called on the service's beans with the caller
 * the HTTP layer passes on (the close over HTTP, with the gateway's token); the broker and MongoDB are real.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "minxin.ranking.auto-close.enabled=false",
            "spring.cloud.stream.kafka.binder.min-partition-count=1"
        })
class OperatorAuditIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Caller OPERATOR = new Caller("op-audit", Role.OPERATOR, Scope.ALL);
    private static final ParameterizedTypeReference<List<RankingRevision>> REVISIONS =
            new ParameterizedTypeReference<>() {};

    private static KafkaProducer<String, String> producer;
    private static KafkaConsumer<String, byte[]> audit;
    private static final List<AuditEntry> entries = new ArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    RevisionKeeper keeper;

    @Autowired
    RevisionStore revisions;

    @Autowired
    LiveMetricsStore live;

    @Autowired
    Policies policies;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        TestIdentity.register(registry);
    }

    @BeforeAll
    static void connect() {
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.kafkaBootstrapServers());
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer = new KafkaProducer<>(producerConfig);
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.kafkaBootstrapServers());
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        audit = new KafkaConsumer<>(consumerConfig);
        TopicPartition partition = new TopicPartition(Topics.AUDIT, 0);
        audit.assign(List.of(partition));
        audit.seekToBeginning(List.of(partition));
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        audit.close();
    }

    @Test
    void
            givenMetricsOfAnOpenPeriod_whenAnOperatorClosesItOverHttp_thenOneEntryNamesTheTokensKeyThePeriodAndRevisions() {
        String period = "2023-05";
        send(new UnitMetrics("audit-a", "a", Channel.PHONE, period, new Counts(4, 4, 4, 2, 2, 1, 0, 0), 1));
        send(new UnitMetrics("audit-b", "b", Channel.WEB, period, new Counts(3, 2, 2, 1, 1, 0, 0, 0), 1));
        awaitLive(period, Channel.PHONE, 1);
        awaitLive(period, Channel.WEB, 1);

        List<RankingRevision> closed = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build()
                .post()
                .uri("/api/v1/periods/{period}/close", period)
                .header(HttpHeaders.AUTHORIZATION, TestIdentity.shared().bearer(OPERATOR, "ranking-service"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(REVISIONS)
                .returnResult()
                .getResponseBody();

        AuditEntry entry = awaitOnly("period:" + period);
        assertThat(entry.action()).isEqualTo("period.close");
        assertThat(entry.actorKeyId()).isEqualTo("op-audit");
        assertThat(entry.actorRole()).isEqualTo(Role.OPERATOR);
        assertThat(entry.service()).isEqualTo("ranking-service");
        assertThat(entry.change().path("alreadyClosed").asBoolean()).isFalse();
        assertThat(entry.change()
                        .path("revisions")
                        .valueStream()
                        .map(revision -> revision.path("id").asString()))
                .containsExactlyElementsOf(
                        closed.stream().map(RankingRevision::id).toList());
        assertThat(entry.summary()).startsWith("closed period " + period + ": PHONE revision 1 PUBLISHED");
    }

    @Test
    void givenAPendingRevision_whenAnOperatorPublishesIt_thenOneEntryListsItsRankChanges() {
        String period = "2023-06";
        send(new UnitMetrics("move-a", "a", Channel.PHONE, period, new Counts(4, 4, 4, 2, 2, 2, 0, 0), 1));
        send(new UnitMetrics("move-b", "b", Channel.PHONE, period, new Counts(4, 2, 2, 2, 2, 0, 0, 0), 1));
        awaitLive(period, Channel.PHONE, 2);
        keeper.close(period, OPERATOR);
        send(new UnitMetrics("move-b", "b", Channel.PHONE, period, new Counts(4, 4, 4, 2, 2, 2, 0, 0), 2));
        send(new UnitMetrics("move-a", "a", Channel.PHONE, period, new Counts(4, 2, 2, 2, 2, 0, 0, 0), 2));
        await().atMost(PATIENCE)
                .until(() -> revisions
                                .find(RankingRevision.idOf(period, Channel.PHONE, 2))
                                .block()
                        != null);

        keeper.publish(period, 2, List.of(Channel.PHONE), OPERATOR);

        AuditEntry entry = awaitOnly("revision:" + period + "|PHONE|2");
        assertThat(entry.action()).isEqualTo("revision.publish");
        assertThat(entry.actorKeyId()).isEqualTo("op-audit");
        assertThat(entry.change().path("previousStatus").asString()).isEqualTo(RevisionStatus.PENDING.name());
        assertThat(entry.change().path("status").asString()).isEqualTo(RevisionStatus.PUBLISHED.name());
        assertThat(entry.change().path("previousRevision").asInt()).isEqualTo(1);
        assertThat(entry.change().path("moves").findValuesAsString("unitId"))
                .containsExactlyInAnyOrder("move-a", "move-b");
    }

    @Test
    void givenAPolicy_whenAnOperatorStoresANewVersion_thenOneEntryNamesTheFieldsThatChanged() {
        // the previous version is known here, whatever other tests of this JVM stored before
        policies.replace(Channel.WEB, lexicographic("2039-01", "satisfactionRate"), OPERATOR)
                .block();
        var stored = policies.replace(Channel.WEB, lexicographic("2040-01", "excellentRate"), OPERATOR)
                .block();

        AuditEntry entry = awaitOnly("policy:web-ranking", "version", stored.version());
        assertThat(entry.action()).isEqualTo("policy.change");
        assertThat(entry.actorKeyId()).isEqualTo("op-audit");
        assertThat(entry.change().path("previousVersion").asInt()).isEqualTo(stored.version() - 1);
        assertThat(entry.change().path("changed").valueStream().map(node -> node.asString()))
                .contains("effectiveFrom", "rates")
                .doesNotContain("order", "version", "createdAt");
        assertThat(entry.change().path("after").path("rates").get(0).asString()).isEqualTo("excellentRate");
    }

    private static JsonNode lexicographic(String effectiveFrom, String rate) {
        return EventJson.mapper()
                .valueToTree(Map.of("effectiveFrom", effectiveFrom, "order", "LEXICOGRAPHIC", "rates", List.of(rate)));
    }

    private void awaitLive(String period, Channel channel, int units) {
        producer.flush();
        await().atMost(PATIENCE).until(() -> live.units(period, channel).count().block() == units);
    }

    /** The one audit entry of a target (whose change has {@code field} = {@code value}, when given). */
    private static AuditEntry awaitOnly(String target, Object... fieldAndValue) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            poll(Duration.ofMillis(200));
            assertThat(matching(target, fieldAndValue)).isNotEmpty();
        });
        // a second entry for the same action would come right behind the first
        poll(Duration.ofMillis(500));
        List<AuditEntry> matching = matching(target, fieldAndValue);
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static void poll(Duration timeout) {
        audit.poll(timeout).forEach(record -> entries.add(AuditEntry.fromBytes(record.value())));
    }

    private static List<AuditEntry> matching(String target, Object... fieldAndValue) {
        return entries.stream()
                .filter(entry -> entry.target().equals(target))
                .filter(entry -> fieldAndValue.length == 0
                        || entry.change()
                                .path((String) fieldAndValue[0])
                                .asString()
                                .equals(String.valueOf(fieldAndValue[1])))
                .toList();
    }

    private static void send(UnitMetrics metric) {
        producer.send(new ProducerRecord<>(
                Topics.UNIT_METRICS, metric.key(), EventJson.mapper().writeValueAsString(metric)));
    }
}
