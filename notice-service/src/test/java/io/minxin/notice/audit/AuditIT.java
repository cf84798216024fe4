package io.minxin.notice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import io.minxin.events.audit.AuditAction;
import io.minxin.events.audit.AuditEntry;
import io.minxin.events.audit.AuditTargets;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.localstack.LocalStackExtension;
import io.minxin.servicekit.identity.TestIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * notice-service's operator actions each put one entry on topic {@code audit} before they are answered, naming the
 * caller's key, the target and what changed, never a secret; the service projects the topic (every service's
 * entries) and serves it to operators at {@code GET /api/v1/audit}. A real broker and the MongoDB-wire server.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "minxin.mongodb.database=minxin_notice_audit_it",
            // a group of its own: the audit topic has one partition, which another test's context must not hold
            "spring.cloud.stream.default.group=notice-audit-it"
        })
@AutoConfigureWebTestClient(timeout = "PT60S")
@DirtiesContext
class AuditIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String AUDIENCE = "notice-service";
    private static final ParameterizedTypeReference<List<AuditEntry>> ENTRIES = new ParameterizedTypeReference<>() {};

    private static KafkaProducer<String, byte[]> producer;
    private static KafkaConsumer<String, byte[]> audit;
    private static final List<AuditEntry> onTopic = new ArrayList<>();

    @Autowired
    WebTestClient anonymous;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        TestIdentity.register(registry);
    }

    @BeforeAll
    static void connect() {
        String brokers = LocalStackExtension.kafkaBootstrapServers();
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(),
                new ByteArraySerializer());
        audit = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringDeserializer(),
                new ByteArrayDeserializer());
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
    void givenAnOperator_whenASubscriptionIsCreatedAndDeleted_thenEachIsOneEntryWithoutItsSecretOrRobotToken() {
        Caller operator = operator();
        String token = "robot-token-" + UUID.randomUUID();
        String id = as(operator)
                .post()
                .uri("/api/v1/subscriptions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "name",
                        "duty office",
                        "kind",
                        "DINGTALK",
                        "url",
                        "https://oapi.dingtalk.com/robot/send?access_token=" + token,
                        "secret",
                        "SEC-signing-secret-42"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
        as(operator)
                .delete()
                .uri("/api/v1/subscriptions/{id}", id)
                .exchange()
                .expectStatus()
                .isNoContent();

        List<AuditEntry> entries = awaitEntries(AuditTargets.subscription(id), 2);
        assertThat(entries)
                .extracting(AuditEntry::action)
                .containsExactly("subscription.create", "subscription.delete");
        for (AuditEntry entry : entries) {
            assertThat(entry.actorKeyId()).isEqualTo(operator.keyId());
            assertThat(entry.actorRole()).isEqualTo(Role.OPERATOR);
            assertThat(entry.service()).isEqualTo("notice-service");
            assertThat(entry.change().path("url").asString())
                    .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=***");
            assertThat(entry.change().path("signed").asBoolean()).isTrue();
            assertThat(new String(entry.toBytes(), StandardCharsets.UTF_8))
                    .doesNotContain(token)
                    .doesNotContain("SEC-signing-secret-42");
        }
    }

    @Test
    void givenAPeriodWithData_whenAnOperatorIssuesItsBulletin_thenOneEntryNamesTheNumberAndWhatWasAsked() {
        Caller operator = operator();
        String period = "2021-07";
        UnitMetrics metrics = new UnitMetrics(
                "audit-unit", "audit unit", Channel.PHONE, period, new Counts(2, 2, 2, 1, 1, 1, 0, 0), 1);
        producer.send(new ProducerRecord<>(
                Topics.UNIT_METRICS, metrics.key(), EventJson.mapper().writeValueAsBytes(metrics)));
        producer.flush();
        await().atMost(WAIT)
                .untilAsserted(() -> as(operator)
                        .get()
                        .uri("/api/v1/bulletins/{period}", period)
                        .exchange()
                        .expectStatus()
                        .isOk());

        as(operator)
                .post()
                .uri("/api/v1/bulletins/{period}/issue", period)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("number", 9, "sequence", 3, "issueDate", "2021-08-02"))
                .exchange()
                .expectStatus()
                .isCreated();

        AuditEntry entry = awaitEntries(AuditTargets.bulletin(period), 1).get(0);
        assertThat(entry.action()).isEqualTo("bulletin.issue");
        assertThat(entry.actorKeyId()).isEqualTo(operator.keyId());
        assertThat(entry.change().path("documentNumber").asString()).endsWith("〔2021〕9号");
        assertThat(entry.change().path("sequence").asInt()).isEqualTo(3);
        assertThat(entry.change().path("requested").path("number").asInt()).isEqualTo(9);
        assertThat(entry.summary()).startsWith("issued the bulletin of 2021-07 as ");
    }

    @Test
    void givenEntriesOfSeveralServices_whenAnOperatorQueries_thenEachFilterAppliesNewestFirstAndRepeatsCountOnce() {
        Caller first = operator();
        Caller second = operator();
        Instant start = Instant.parse("2022-03-01T00:00:00Z");
        AuditEntry close = entry(first, start, "ranking-service", AuditAction.PERIOD_CLOSE, "period:2022-02");
        AuditEntry policy =
                entry(first, start.plusSeconds(60), "ranking-service", AuditAction.POLICY_CHANGE, "policy:web-ranking");
        AuditEntry key = entry(second, start.plusSeconds(120), "gateway", AuditAction.KEY_ISSUE, "key:k9");
        for (AuditEntry entry : List.of(close, policy, key, close)) {
            producer.send(new ProducerRecord<>(Topics.AUDIT, entry.key(), entry.toBytes()));
        }
        producer.flush();

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(query(first, "actor=" + first.keyId()))
                        .extracting(AuditEntry::id)
                        .containsExactly(policy.id(), close.id()));
        assertThat(query(first, "actor=" + first.keyId() + "&action=period.close"))
                .containsExactly(close);
        assertThat(query(first, "target=key:k9&actor=" + second.keyId())).containsExactly(key);
        // since in Beijing time, until in UTC: the same minute, from its start to the next
        assertThat(query(
                        first,
                        "since={since}&until=2022-03-01T00:02:00Z&actor=" + first.keyId(),
                        "2022-03-01T08:01:00+08:00"))
                .containsExactly(policy);
        assertThat(query(first, "limit=1&actor=" + first.keyId())).containsExactly(policy);
    }

    @Test
    void givenACallerWhoIsNoOperator_whenReadingTheAudit_thenForbiddenAsProblemJson() {
        anonymous
                .get()
                .uri("/api/v1/audit")
                .header(HttpHeaders.AUTHORIZATION, TestIdentity.shared().bearer(Role.DASHBOARD, Scope.ALL, AUDIENCE))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.instance")
                .isEqualTo("/api/v1/audit");
    }

    @Test
    void givenBadParameters_whenQuerying_thenEachIsNamedInOneProblem() {
        as(operator())
                .get()
                .uri("/api/v1/audit?action=period.open&since=yesterday&limit=5000")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:minxin:problem:invalid-request")
                .jsonPath("$.violations[*].field")
                .value(fields -> assertThat((List<Object>) fields).containsExactly("action", "since", "limit"));
    }

    private static Caller operator() {
        return new Caller("op-" + UUID.randomUUID().toString().substring(0, 8), Role.OPERATOR, Scope.ALL);
    }

    private static AuditEntry entry(Caller actor, Instant at, String service, AuditAction action, String target) {
        return AuditEntry.of(actor, at, service, action, target, Map.of("note", "test"), action.wireName());
    }

    private WebTestClient as(Caller caller) {
        return anonymous
                .mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestIdentity.shared().bearer(caller, AUDIENCE))
                .build();
    }

    private List<AuditEntry> query(Caller caller, String parameters, Object... values) {
        return as(caller)
                .get()
                .uri("/api/v1/audit?" + parameters, values)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ENTRIES)
                .returnResult()
                .getResponseBody();
    }

    /** The entries of one target on the topic, once there are {@code count} of them and no more follow. */
    private static List<AuditEntry> awaitEntries(String target, int count) {
        await().atMost(WAIT).untilAsserted(() -> {
            poll(Duration.ofMillis(200));
            assertThat(ofTarget(target)).hasSizeGreaterThanOrEqualTo(count);
        });
        poll(Duration.ofMillis(500));
        assertThat(ofTarget(target)).hasSize(count);
        return ofTarget(target);
    }

    private static void poll(Duration timeout) {
        audit.poll(timeout).forEach(record -> onTopic.add(AuditEntry.fromBytes(record.value())));
    }

    private static List<AuditEntry> ofTarget(String target) {
        return onTopic.stream().filter(entry -> entry.target().equals(target)).toList();
    }
}
