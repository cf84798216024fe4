package io.minxin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.gateway.access.Role;
import io.minxin.gateway.keys.ApiKeyService;
import io.minxin.gateway.keys.KeyToken;
import io.minxin.gateway.support.DownstreamStub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A dashboard's client keeps its connection to the gateway open across answers of every kind: cached and fresh
 * reads, refusals before a request body was read, refusals of bodiless commands. Every request on it must be
 * answered, in order, however the one before it ended.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "minxin.gateway.keys.store=memory",
            "minxin.gateway.rate-limit.permits.integration=100000",
            "minxin.gateway.rate-limit.permits.dashboard=100000",
            "minxin.gateway.rate-limit.permits.operator=100000",
            // short, so the rounds meet both cached answers and expired ones
            "minxin.gateway.dashboard-cache.ttl=50ms"
        })
class KeepAliveIT {
    private static final List<String> SERVICES = List.of("intake", "metrics", "ranking", "notice");
    private static final Map<String, DownstreamStub> STUBS =
            SERVICES.stream().collect(Collectors.toMap(service -> service, DownstreamStub::answering));
    private static final KeyToken OPERATOR_KEY = KeyToken.generate(new SecureRandom());
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    private static final int ROUNDS = 400;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        STUBS.forEach((service, stub) -> registry.add("minxin.gateway.services." + service, stub::uri));
        registry.add("minxin.gateway.bootstrap.operator-key", OPERATOR_KEY::value);
    }

    @AfterAll
    static void stopStubs() {
        STUBS.values().forEach(DownstreamStub::close);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyService keys;

    @Test
    void everyRequestOnAKeptAliveConnectionIsAnsweredWhateverEndedTheOneBefore() throws Exception {
        String dashboard = keys.create("dash", Set.of(Role.DASHBOARD)).block().value();
        String integration =
                keys.create("platform", Set.of(Role.INTEGRATION)).block().value();
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] batch = new byte[64 * 1024];
        List<String> unanswered = new ArrayList<>();

        for (int round = 0; round < ROUNDS && unanswered.isEmpty(); round++) {
            List<Step> steps = List.of(
                    new Step("GET", "/api/v1/rankings/2020-09?channel=WEB&top=5&shared=true", dashboard, null, 200),
                    new Step("POST", "/api/v1/events/batch", dashboard, batch, 403),
                    new Step("GET", "/api/v1/overview?period=2020-09", integration, null, 403),
                    new Step("POST", "/api/v1/periods/2020-09/close", dashboard, new byte[0], 403),
                    new Step("GET", "/api/v1/rankings/2020-09?channel=PHONE&top=5&shared=true", dashboard, null, 200),
                    new Step("GET", "/api/v1/overview?period=2020-09&shared=true", dashboard, null, 200));
            for (Step step : steps) {
                try {
                    HttpResponse<byte[]> response =
                            client.send(step.request(port), HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(response.statusCode())
                            .as("round %d: %s", round, step)
                            .isEqualTo(step.status());
                } catch (IOException e) {
                    unanswered.add("round " + round + ": " + step + ": " + e);
                    break;
                }
            }
        }

        assertThat(unanswered).isEmpty();
    }

    private record Step(String method, String pathAndQuery, String key, byte[] body, int status) {
        HttpRequest request(int port) {
            HttpRequest.BodyPublisher publisher =
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                    .timeout(ANSWER_WITHIN)
                    .header("X-Api-Key", key)
                    .method(method, publisher);
            if (body != null) {
                builder.header("Content-Type", "application/json");
            }
            return builder.build();
        }

        @Override
        public String toString() {
            return method + " " + pathAndQuery;
        }
    }
}
