package io.minxin.servicekit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every service must do on its own port, whatever reaches it: refuse a call without the gateway's valid token
 * for it (401 problem JSON, {@code WWW-Authenticate: Bearer}), refuse a role its route rules do not allow (403
 * problem JSON), and leave health and Prometheus open. For the services' tests, with a client that sends no
 * {@code Authorization} of its own.
 *
 * @param client bound to the service under test, without a default {@code Authorization} header
 * @param audience the service's name, as the gateway puts it in {@code aud}
 */
public record ServicePortChecks(WebTestClient client, String audience) {
    private static final TestIdentity IDENTITY = TestIdentity.shared();

    /**
     * No token but the headers the gateway used to set (a forged operator), an expired token, a token for another
     * service and one signed by another key: each answered 401 problem JSON.
     */
    public void refusesCallsWithoutAValidToken(HttpMethod method, String path) {
        expectUnauthorized(client.method(method)
                .uri(path)
                .header("X-Minxin-Role", "operator")
                .header("X-Minxin-Key-Id", "forged")
                .exchange());
        Map<String, String> invalid = Map.of(
                "expired", IDENTITY.expired(Role.OPERATOR, Scope.ALL, audience),
                "for another service", IDENTITY.otherAudience(Role.OPERATOR, Scope.ALL),
                "signed by another key", IDENTITY.foreignKey(Role.OPERATOR, Scope.ALL, audience));
        invalid.forEach((kind, token) -> expectUnauthorized(client.method(method)
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()));
    }

    /** A valid token of {@code role} on a route that role may not call: 403 problem JSON. */
    public void refusesRole(Role role, HttpMethod method, String path) {
        client.method(method)
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, IDENTITY.bearer(role, Scope.ALL, audience))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403)
                .jsonPath("$.instance")
                .isEqualTo(path.replaceFirst("\\?.*", ""));
    }

    /** Health and the Prometheus page answer without a token. */
    public void leavesProbesOpen() {
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus"}) {
            client.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .value(status -> assertThat(status)
                            .as(path)
                            .isNotIn(HttpStatus.UNAUTHORIZED.value(), HttpStatus.FORBIDDEN.value()))
                    .expectBody()
                    .consumeWith(body -> {});
        }
    }

    private static void expectUnauthorized(WebTestClient.ResponseSpec response) {
        response.expectStatus()
                .isUnauthorized()
                .expectHeader()
                .value(
                        HttpHeaders.WWW_AUTHENTICATE,
                        challenge -> assertThat(challenge).startsWith("Bearer"))
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
    }
}
