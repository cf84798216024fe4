package io.minxin.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.events.Topics;
import io.minxin.events.audit.AuditEntry;
import io.minxin.gateway.GatewayApplication;
import io.minxin.gateway.identity.TestSigningKeys;
import io.minxin.gateway.support.DownstreamStub;
import io.minxin.gateway.support.GatewayClient;
import io.minxin.localstack.LocalStackExtension;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two gateway instances on one key store and one Kafka, as deployed with replicas: a key revoked on one is refused by
 * the other within the documented bound (2 s after the revoke's answer), long before the look-up cache would expire;
 * key issue and revoke are on the audit trail.
 */
@ExtendWith(LocalStackExtension.class)
class TwoGatewaysIT {
    /** The bound docs/design.md and gateway/README.md state. */
    private static final Duration REVOCATION_BOUND = Duration.ofSeconds(2);

    private static final KeyToken OPERATOR_KEY = KeyToken.generate(new SecureRandom());
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};
    private static DownstreamStub metrics;
    private static ConfigurableApplicationContext gatewayA;
    private static ConfigurableApplicationContext gatewayB;

    @BeforeAll
    static void startTwoGateways() {
        metrics = DownstreamStub.answering("metrics");
        gatewayA = start();
        gatewayB = start();
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext gateway : new ConfigurableApplicationContext[] {gatewayA, gatewayB}) {
            if (gateway != null) {
                gateway.close();
            }
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    @Test
    void keyRevokedOnOneGatewayIsRefusedByTheOtherWithinTheBound() {
        WebTestClient a = client(gatewayA);
        WebTestClient b = client(gatewayB);
        String key = issue(a, "revoked elsewhere", List.of("dashboard"), null)
                .expectStatus()
                .isCreated()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody()
                .get("key")
                .toString();
        // B has looked the key up and keeps it for the cache's time to live (5 min here)
        overview(b, key).expectStatus().isOk();

        a.delete()
                .uri("/api/v1/keys/{id}", KeyToken.parse(key).orElseThrow().id())
                .header("X-Api-Key", OPERATOR_KEY.value())
                .exchange()
                .expectStatus()
                .isNoContent();

        overview(a, key).expectStatus().isUnauthorized();
        await().atMost(REVOCATION_BOUND)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> overview(b, key).expectStatus().isUnauthorized());
    }

    @Test
    void keyIssueAndRevokeAreOnTheAuditTrailWithoutTheSecret() {
        WebTestClient a = client(gatewayA);
        try (KafkaConsumer<String, byte[]> audit = auditFromNow()) {
            Map<String, Object> issued = issue(a, "unit U0042 wall", List.of("dashboard"), "unit:U0042")
                    .expectStatus()
                    .isCreated()
                    .expectBody(JSON_OBJECT)
                    .returnResult()
                    .getResponseBody();
            String id = (String) issued.get("id");
            String secret =
                    KeyToken.parse((String) issued.get("key")).orElseThrow().secret();
            client(gatewayB)
                    .delete()
                    .uri("/api/v1/keys/{id}", id)
                    .header("X-Api-Key", OPERATOR_KEY.value())
                    .exchange()
                    .expectStatus()
                    .isNoContent();

            List<AuditEntry> entries = new ArrayList<>();
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> record : audit.poll(Duration.ofMillis(200))) {
                    values.add(new String(record.value(), StandardCharsets.UTF_8));
                    AuditEntry entry = AuditEntry.fromBytes(record.value());
                    if (entry.target().equals("key:" + id)) {
                        entries.add(entry);
                    }
                }
                assertThat(entries).extracting(AuditEntry::action).containsExactly("key.issue", "key.revoke");
            });
            assertThat(entries).allSatisfy(entry -> {
                assertThat(entry.actorKeyId()).isEqualTo(OPERATOR_KEY.id());
                assertThat(entry.actorRole().wireName()).isEqualTo("operator");
                assertThat(entry.service()).isEqualTo("gateway");
                assertThat(entry.change().get("name").asString()).isEqualTo("unit U0042 wall");
                assertThat(entry.change().get("scope").asString()).isEqualTo("unit:U0042");
                assertThat(entry.change().get("roles").get(0).asString()).isEqualTo("dashboard");
            });
            assertThat(values).noneMatch(value -> value.contains(secret) || value.contains(OPERATOR_KEY.secret()));
        }
    }

    @Test
    void unitScopeIsForDashboardKeysOnlyAndIsListed() {
        WebTestClient a = client(gatewayA);
        issue(a, "district operator", List.of("operator"), "unit:U0042")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("scope");
        issue(a, "bad scope", List.of("dashboard"), "district:7")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("scope");

        String id = (String) issue(a, "jurisdiction wall", List.of("dashboard"), "jurisdiction:J07")
                .expectStatus()
                .isCreated()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody()
                .get("id");

        client(gatewayB)
                .get()
                .uri("/api/v1/keys")
                .header("X-Api-Key", OPERATOR_KEY.value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].scope")
                .isEqualTo(List.of("jurisdiction:J07"))
                .jsonPath("$[?(@.id == '" + OPERATOR_KEY.id() + "')].scope")
                .isEqualTo(List.of("all"));
    }

    private static ConfigurableApplicationContext start() {
        Map<String, Object> properties = new HashMap<>();
        TestSigningKeys.register((name, value) -> properties.put(name, value.get()));
        properties.put("server.port", 0);
        properties.put("minxin.gateway.keys.store", "mongo");
        // far beyond the bound: only the announcement can make the other instance refuse the key in time
        properties.put("minxin.gateway.keys.cache-ttl", "5m");
        properties.put("minxin.mongodb.uri", LocalStackExtension.mongodbUri());
        properties.put("minxin.kafka.bootstrap", LocalStackExtension.kafkaBootstrapServers());
        properties.put("minxin.bootstrap.operator-key", OPERATOR_KEY.value());
        properties.put("minxin.gateway.services.metrics", metrics.uri());
        // as arguments: they must win over application.yml (server.port 8080), which default properties do not
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> gateway.getBean(KeyChangeFollower.class).following());
        return gateway;
    }

    private static WebTestClient client(ConfigurableApplicationContext gateway) {
        return GatewayClient.connect(
                ((WebServerApplicationContext) gateway).getWebServer().getPort());
    }

    private static WebTestClient.ResponseSpec issue(
            WebTestClient client, String name, List<String> roles, String scope) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("roles", roles);
        if (scope != null) {
            body.put("scope", scope);
        }
        return client.post()
                .uri("/api/v1/keys")
                .header("X-Api-Key", OPERATOR_KEY.value())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static WebTestClient.ResponseSpec overview(WebTestClient client, String key) {
        return client.get().uri("/api/v1/overview").header("X-Api-Key", key).exchange();
    }

    /** A reader of topic audit from its current end. */
    private static KafkaConsumer<String, byte[]> auditFromNow() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.kafkaBootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.AUDIT, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }
}
