package io.minxin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.minxin.events.identity.Role;
import io.minxin.gateway.identity.TestSigningKeys;
import io.minxin.gateway.keys.ApiKeyService;
import io.minxin.gateway.keys.IssuedKey;
import io.minxin.gateway.support.DownstreamStub;
import io.minxin.gateway.support.GatewayClient;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Ranking hangs and notice is down: both answer 503 problems and their breakers open. Also the per-key rate. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "minxin.gateway.keys.store=memory",
            // no Kafka here: key changes are neither announced nor followed (TwoGatewaysIT has both)
            "minxin.gateway.keys.events.enabled=false",
            "minxin.gateway.timeouts.response-ms=500",
            "resilience4j.circuitbreaker.configs.default.sliding-window-size=2",
            "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=2",
            "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=10m",
            "minxin.gateway.rate-limit.period=1h",
            "minxin.gateway.rate-limit.permits.dashboard=3",
            "minxin.gateway.rate-limit.permits.operator=1000"
        })
class GatewayResilienceIT {
    private static final DownstreamStub HEALTHY = DownstreamStub.answering("metrics");
    private static final DownstreamStub HANGING = DownstreamStub.hanging("ranking");

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        TestSigningKeys.register(registry);
        registry.add("minxin.gateway.services.intake", HEALTHY::uri);
        registry.add("minxin.gateway.services.metrics", HEALTHY::uri);
        registry.add("minxin.gateway.services.ranking", HANGING::uri);
        registry.add("minxin.gateway.services.notice", DownstreamStub::refusedUri);
    }

    @AfterAll
    static void stopStubs() {
        HEALTHY.close();
        HANGING.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyService keys;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    MeterRegistry meters;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = GatewayClient.connect(port);
    }

    @Test
    void hangingServiceTimesOutInto503AndItsBreakerOpens() {
        IssuedKey operator = keys.create("ops", Set.of(Role.OPERATOR)).block();

        for (int call = 0; call < 2; call++) {
            expect503(operator, "/api/v1/rankings/2020-09", "ranking did not answer in time");
        }

        assertThat(breakers.circuitBreaker("ranking").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        expect503(operator, "/api/v1/rankings/2020-09", "ranking is failing: its circuit breaker is open");
    }

    @Test
    void everyRouteBreakerRecordsOutcomesWithoutALockOnTheEventLoop() {
        IssuedKey operator = keys.create("ops", Set.of(Role.OPERATOR)).block();
        client.get()
                .uri("/api/v1/overview")
                .header("X-Api-Key", operator.value())
                .exchange()
                .expectStatus()
                .isOk();

        for (String route : List.of("intake", "metrics", "ranking", "notice", "console")) {
            assertThat(breakers.circuitBreaker(route)
                            .getCircuitBreakerConfig()
                            .getSlidingWindowSynchronizationStrategy())
                    .as(route)
                    .isEqualTo(CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE);
        }
        assertThat(breakers.circuitBreaker("metrics").getCircuitBreakerConfig().getMinimumNumberOfCalls())
                .as("the window's thresholds still come from the configuration")
                .isEqualTo(2);
    }

    @Test
    void unreachableServiceAnswers503AndItsBreakerOpens() {
        IssuedKey operator = keys.create("ops", Set.of(Role.OPERATOR)).block();

        for (int call = 0; call < 2; call++) {
            expect503(operator, "/api/v1/notices", "notice is not reachable");
        }

        assertThat(breakers.circuitBreaker("notice").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        expect503(operator, "/api/v1/notices", "notice is failing: its circuit breaker is open");
    }

    @Test
    void keyOverItsRateGets429WithRetryAfterWhileOtherKeysGoOn() {
        IssuedKey busy = keys.create("busy dashboard", Set.of(Role.DASHBOARD)).block();
        IssuedKey other = keys.create("other dashboard", Set.of(Role.DASHBOARD)).block();
        double limitedBefore = rateLimited();

        for (int call = 0; call < 3; call++) {
            get(busy, "/api/v1/overview").expectStatus().isOk();
        }

        get(busy, "/api/v1/overview")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        retryAfter -> assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3600L))
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(429);
        get(other, "/api/v1/overview").expectStatus().isOk();
        assertThat(rateLimited()).isEqualTo(limitedBefore + 1);
    }

    private void expect503(IssuedKey key, String path, String detail) {
        get(key, path)
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(503)
                .jsonPath("$.detail")
                .isEqualTo(detail)
                .jsonPath("$.instance")
                .isEqualTo(path);
    }

    private WebTestClient.ResponseSpec get(IssuedKey key, String path) {
        return client.get().uri(path).header("X-Api-Key", key.value()).exchange();
    }

    private double rateLimited() {
        return meters.get("minxin.gateway.rate.limited")
                .tag("role", "dashboard")
                .counter()
                .count();
    }
}
