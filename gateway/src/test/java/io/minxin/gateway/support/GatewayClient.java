package io.minxin.gateway.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** HTTP calls to a gateway started by a test. */
public final class GatewayClient {
    private GatewayClient() {}

    public static WebTestClient connect(int port) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    /** {@code POST /api/v1/keys} as the operator with {@code operatorKey}. */
    public static WebTestClient.ResponseSpec issueKey(
            WebTestClient client, String operatorKey, String name, List<String> roles) {
        return client.post()
                .uri("/api/v1/keys")
                .header("X-Api-Key", operatorKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "roles", roles))
                .exchange();
    }
}
