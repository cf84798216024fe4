package io.minxin.servicekit.identity;

import static io.minxin.events.identity.Role.DASHBOARD;
import static io.minxin.events.identity.Role.INTEGRATION;
import static io.minxin.events.identity.Role.OPERATOR;

import io.minxin.events.identity.Caller;
import io.minxin.events.identity.CallerToken;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A WebFlux app with the identity chain: who gets through, and how the others are answered. */
@SpringBootTest(
        classes = IdentityChainTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=sample-service",
            "management.endpoints.web.exposure.include=health,prometheus"
        })
@AutoConfigureWebTestClient
class IdentityChainTest {
    private static final String AUDIENCE = "sample-service";
    private static final TestIdentity IDENTITY = TestIdentity.shared();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        TestIdentity.register(registry);
    }

    @Test
    void givenAValidTokenWhenTheRouteAllowsItsRoleThenTheControllerGetsTheCaller() {
        Caller caller = new Caller("k42", DASHBOARD, Scope.unit("U0042"));
        client.get()
                .uri("/api/v1/things")
                .header(HttpHeaders.AUTHORIZATION, IDENTITY.bearer(caller, AUDIENCE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.keyId")
                .isEqualTo("k42")
                .jsonPath("$.role")
                .isEqualTo("DASHBOARD")
                .jsonPath("$.scope")
                .isEqualTo("unit:U0042")
                .jsonPath("$.fromContext")
                .isEqualTo("k42");
    }

    @Test
    void givenNoTokenButAForgedRoleHeaderThenTheAnswerIs401ProblemWithABearerChallenge() {
        client.post()
                .uri("/api/v1/things")
                .header("X-Minxin-Role", "operator")
                .header("X-Minxin-Key-Id", "k1")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("about:blank")
                .jsonPath("$.title")
                .isEqualTo("Unauthorized")
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.instance")
                .isEqualTo("/api/v1/things");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "expired",
                "other audience",
                "foreign key",
                "other issuer",
                "no role",
                "no scope",
                "no subject",
                "no expiry",
                "unknown role",
                "unreadable scope",
                "not a token",
                "unsigned"
            })
    void givenATokenThatIsNotTheGatewaysForThisServiceThenTheAnswerIs401Problem(String kind) {
        client.get()
                .uri("/api/v1/things")
                .header(HttpHeaders.AUTHORIZATION, refused(kind))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    @Test
    void givenARoleTheRouteDoesNotAllowThenTheAnswerIs403Problem() {
        client.get()
                .uri("/api/v1/things")
                .header(HttpHeaders.AUTHORIZATION, IDENTITY.bearer(INTEGRATION, Scope.ALL, AUDIENCE))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Forbidden")
                .jsonPath("$.detail")
                .isEqualTo("this route is not open to the integration role");
    }

    @Test
    void givenAWriteRuleThenOnlyItsRoleWritesAndMethodsNoRuleAllowsAreRefusedToEveryone() {
        exchange(HttpMethod.POST, "/api/v1/things", OPERATOR).expectStatus().isOk();
        exchange(HttpMethod.POST, "/api/v1/things", DASHBOARD).expectStatus().isForbidden();
        exchange(HttpMethod.DELETE, "/api/v1/things", OPERATOR).expectStatus().isForbidden();
        client.delete().uri("/api/v1/things").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void givenAPathNoRuleNamesThenAnyValidTokenGetsThrough() {
        exchange(HttpMethod.GET, "/elsewhere", INTEGRATION).expectStatus().isOk();
        client.get().uri("/elsewhere").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void givenAnOpenPathThenAReadNeedsNoTokenAndAWriteIsStillRefused() {
        client.get().uri("/sign-in").exchange().expectStatus().isOk();
        exchange(HttpMethod.GET, "/sign-in", DASHBOARD).expectStatus().isOk();
        client.post().uri("/sign-in").exchange().expectStatus().isUnauthorized();
        exchange(HttpMethod.POST, "/sign-in", OPERATOR).expectStatus().isForbidden();
    }

    @Test
    void healthAndPrometheusAnswerWithoutAToken() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().value(status -> {
            if (status == 401) {
                throw new AssertionError("health groups must be open");
            }
        });
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        client.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theChecksEveryServiceRunsOnItsOwnPortPassHere() {
        ServicePortChecks checks = new ServicePortChecks(client, AUDIENCE);
        checks.refusesCallsWithoutAValidToken(HttpMethod.POST, "/api/v1/things");
        checks.refusesRole(DASHBOARD, HttpMethod.POST, "/api/v1/things");
        checks.leavesProbesOpen();
    }

    private WebTestClient.ResponseSpec exchange(HttpMethod method, String path, Role role) {
        return client.method(method)
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, IDENTITY.bearer(role, Scope.ALL, AUDIENCE))
                .exchange();
    }

    private static String refused(String kind) {
        return switch (kind) {
            case "expired" -> IDENTITY.expired(DASHBOARD, Scope.ALL, AUDIENCE);
            case "other audience" -> IDENTITY.otherAudience(DASHBOARD, Scope.ALL);
            case "foreign key" -> IDENTITY.foreignKey(DASHBOARD, Scope.ALL, AUDIENCE);
            case "other issuer" -> IDENTITY.otherIssuer(DASHBOARD, Scope.ALL, AUDIENCE);
            case "no role" -> IDENTITY.withoutClaim(CallerToken.ROLE, DASHBOARD, Scope.ALL, AUDIENCE);
            case "no scope" -> IDENTITY.withoutClaim(CallerToken.SCOPE, DASHBOARD, Scope.ALL, AUDIENCE);
            case "no subject" -> IDENTITY.withoutClaim("sub", DASHBOARD, Scope.ALL, AUDIENCE);
            case "no expiry" -> IDENTITY.withoutClaim("exp", DASHBOARD, Scope.ALL, AUDIENCE);
            case "unknown role" -> IDENTITY.withClaim(CallerToken.ROLE, "root", DASHBOARD, Scope.ALL, AUDIENCE);
            case "unreadable scope" ->
                IDENTITY.withClaim(CallerToken.SCOPE, "city:everywhere", DASHBOARD, Scope.ALL, AUDIENCE);
            case "not a token" -> "Bearer not-a-token";
            case "unsigned" -> "Bearer " + unsigned();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** A token with {@code alg: none}: the header and claims of a valid one, no signature. */
    private static String unsigned() {
        String valid = IDENTITY.bearer(DASHBOARD, Scope.ALL, AUDIENCE).substring("Bearer ".length());
        String claims = valid.split("\\.")[1];
        String header = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
        @Bean
        RouteRoles routeRoles() {
            return RouteRoles.builder()
                    .read("/api/v1/things/**", DASHBOARD, OPERATOR)
                    .allow(HttpMethod.POST, "/api/v1/things", OPERATOR)
                    .open("/sign-in")
                    .build();
        }

        @Bean
        ThingsController thingsController() {
            return new ThingsController();
        }
    }

    @RestController
    static class ThingsController {
        @GetMapping("/api/v1/things")
        Mono<Map<String, String>> read(Caller caller) {
            return CallerContext.current()
                    .map(current -> Map.of(
                            "keyId", caller.keyId(),
                            "role", caller.role().name(),
                            "scope", caller.scope().wire(),
                            "fromContext", current.keyId()));
        }

        @PostMapping("/api/v1/things")
        Mono<String> write(Caller caller) {
            return Mono.just(caller.keyId());
        }

        @GetMapping("/sign-in")
        Mono<String> signIn() {
            return Mono.just("a form");
        }

        @PostMapping("/sign-in")
        Mono<String> signInPost() {
            return Mono.just("not for this service");
        }

        @GetMapping("/elsewhere")
        Mono<String> elsewhere() {
            return Mono.just("ok");
        }
    }
}
