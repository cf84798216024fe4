package io.minxin.intake;

import static io.minxin.intake.TestEvents.accepted;
import static io.minxin.intake.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.servicekit.identity.TestIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With no broker behind the configured address, intake answers 503 within seconds and never hangs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class KafkaDownIT {
    /** max.block.ms is 3 s; a warm app must answer well before the 20 s reactive guard. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void unreachableKafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closedPort());
        TestIdentity.register(registry);
    }

    @Autowired
    WebTestClient client;

    @Test
    void eachRequestIs503WithinTheBoundAndNeverHangs() {
        // the first requests also load classes and create producers; on a busy machine that alone takes
        // seconds, so they only have to answer within the client's timeout
        postEvent("down-0").expectStatus().isEqualTo(503);
        postBatch("down-1").expectStatus().isEqualTo(503);

        long started = System.nanoTime();
        postEvent("down-2")
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER);
        Duration single = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        postBatch("down-3")
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Event log unavailable");
        Duration batch = Duration.ofNanos(System.nanoTime() - started);

        assertThat(single).isLessThan(BOUND);
        assertThat(batch).isLessThan(BOUND);
    }

    @Test
    void readinessIsDown() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
    }

    private WebTestClient.ResponseSpec postEvent(String id) {
        return client.post()
                .uri("/api/v1/events")
                .header(HttpHeaders.AUTHORIZATION, TestEvents.integrationToken())
                .contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .bodyValue(json(accepted(id, "c-" + id)).toString())
                .exchange();
    }

    private WebTestClient.ResponseSpec postBatch(String id) {
        return client.post()
                .uri("/api/v1/events/batch")
                .header(HttpHeaders.AUTHORIZATION, TestEvents.integrationToken())
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(TestEvents.array(List.of(accepted(id + "a", "c-" + id), accepted(id + "b", "c-" + id))))
                .exchange();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
