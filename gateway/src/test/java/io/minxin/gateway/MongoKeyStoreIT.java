package io.minxin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.gateway.identity.TestSigningKeys;
import io.minxin.gateway.keys.ApiKey;
import io.minxin.gateway.keys.ApiKeyService;
import io.minxin.gateway.keys.IssuedKey;
import io.minxin.gateway.keys.KeyToken;
import io.minxin.gateway.support.GatewayClient;
import io.minxin.localstack.LocalStackExtension;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** Keys kept in MongoDB (minxin_gateway.api_keys): the bootstrap key, the key API, and what is stored. */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MongoKeyStoreIT {
    private static final KeyToken OPERATOR_KEY = KeyToken.generate(new SecureRandom());

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        TestSigningKeys.register(registry);
        registry.add("minxin.mongodb.uri", LocalStackExtension::mongodbUri);
        registry.add("minxin.kafka.bootstrap", LocalStackExtension::kafkaBootstrapServers);
        registry.add("minxin.gateway.keys.store", () -> "mongo");
        registry.add("minxin.bootstrap.operator-key", OPERATOR_KEY::value);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongo;

    @Autowired
    ApiKeyService keys;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = GatewayClient.connect(port);
    }

    @Test
    void issuedKeyIsStoredAsItsHashOnlyAndRevocationIsStored() {
        Map<String, Object> issued = GatewayClient.issueKey(
                        client, OPERATOR_KEY.value(), "panjin-8890", List.of("integration", "dashboard"))
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        KeyToken token = KeyToken.parse((String) issued.get("key")).orElseThrow();

        Document stored = document(token.id());

        assertThat(stored.getString("hash")).isEqualTo(token.hash());
        assertThat(stored.getList("roles", String.class)).containsExactly("integration", "dashboard");
        assertThat(stored.toJson()).doesNotContain(token.secret());
        assertThat(stored.get("revokedAt")).isNull();

        client.delete()
                .uri("/api/v1/keys/{id}", token.id())
                .header("X-Api-Key", OPERATOR_KEY.value())
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(document(token.id()).getDate("revokedAt")).isNotNull();
        client.get()
                .uri("/api/v1/overview")
                .header("X-Api-Key", token.value())
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void unitScopeOfADashboardKeyIsStoredAndReadBack() {
        IssuedKey issued = keys.create("unit U0042 dashboard", Set.of(Role.DASHBOARD), Scope.unit("U0042"))
                .block();

        assertThat(document(issued.stored().id()).getString("scope")).isEqualTo("unit:U0042");
        assertThat(keys.find(issued.stored().id()).block().scope()).isEqualTo(Scope.unit("U0042"));
        client.get()
                .uri("/api/v1/keys/{id}", issued.stored().id())
                .header("X-Api-Key", OPERATOR_KEY.value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.scope")
                .isEqualTo("unit:U0042");
    }

    @Test
    void keyStoredBeforeKeysHadScopesReadsAsCityWide() {
        KeyToken old = KeyToken.generate(new SecureRandom());
        Mono.from(mongo.getDatabase("minxin_gateway")
                        .getCollection("api_keys")
                        .insertOne(new Document("_id", old.id())
                                .append("name", "from an earlier version")
                                .append("roles", List.of("dashboard"))
                                .append("hash", old.hash())
                                .append("createdAt", new Date())
                                .append("revokedAt", null)
                                .append("bootstrap", false)))
                .block(Duration.ofSeconds(10));

        assertThat(keys.find(old.id()).block().scope()).isEqualTo(Scope.ALL);
    }

    @Test
    void bootstrapOperatorKeyFromTheEnvironmentWorksAndIsListed() {
        client.get()
                .uri("/api/v1/keys")
                .header("X-Api-Key", OPERATOR_KEY.value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + OPERATOR_KEY.id() + "')].bootstrap")
                .isEqualTo(List.of(true));
        assertThat(document(OPERATOR_KEY.id()).getString("name")).isEqualTo("bootstrap-operator");
        assertThat(document(OPERATOR_KEY.id()).getString("scope")).isEqualTo("all");
    }

    @Test
    void revokedBootstrapKeyStaysRevokedWhenStoredAgain() {
        KeyToken leaked = KeyToken.generate(new SecureRandom());
        keys.bootstrap(leaked, "bootstrap-dashboard", Set.of(Role.DASHBOARD)).block();
        ApiKey revoked = keys.revoke(leaked.id()).block();

        ApiKey again = keys.bootstrap(leaked, "bootstrap-dashboard", Set.of(Role.DASHBOARD))
                .block();

        assertThat(again.revokedAt()).isEqualTo(revoked.revokedAt());
        assertThat(again.createdAt()).isEqualTo(revoked.createdAt());
        assertThat(keys.revoke(leaked.id()).block().revokedAt()).isEqualTo(revoked.revokedAt());
    }

    private Document document(String id) {
        return Mono.from(mongo.getDatabase("minxin_gateway")
                        .getCollection("api_keys")
                        .find(Filters.eq("_id", id))
                        .first())
                .block(Duration.ofSeconds(10));
    }
}
