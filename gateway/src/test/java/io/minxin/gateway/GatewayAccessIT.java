package io.minxin.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.gateway.identity.TestSigningKeys;
import io.minxin.gateway.keys.ApiKeyService;
import io.minxin.gateway.keys.IssuedKey;
import io.minxin.gateway.keys.KeyToken;
import io.minxin.gateway.support.DownstreamStub;
import io.minxin.gateway.support.GatewayClient;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cloud.gateway.filter.WebsocketRoutingFilter;
import org.springframework.cloud.gateway.filter.WeightCalculatorWebFilter;
import org.springframework.cloud.gateway.filter.factory.cache.GlobalLocalResponseCacheGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.cache.LocalResponseCacheGatewayFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The gateway in front of four healthy stub services: who may call what, what goes downstream, docs, limits. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "minxin.gateway.keys.store=memory",
            // no Kafka here: key changes are neither announced nor followed (TwoGatewaysIT has both)
            "minxin.gateway.keys.events.enabled=false",
            "minxin.gateway.rate-limit.permits.integration=10000",
            "minxin.gateway.rate-limit.permits.dashboard=10000",
            "minxin.gateway.rate-limit.permits.operator=10000",
            "minxin.gateway.cors.allowed-origins=http://dashboard.test",
            // long enough that two requests of a test always fall within it
            "minxin.gateway.dashboard-cache.ttl=1m"
        })
class GatewayAccessIT {
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> JSON_MAP = new TypeReference<>() {};
    private static final List<String> SERVICES = List.of("intake", "metrics", "ranking", "notice");
    private static final Map<String, DownstreamStub> STUBS =
            SERVICES.stream().collect(Collectors.toMap(service -> service, DownstreamStub::answering));
    private static final KeyToken OPERATOR_KEY = KeyToken.generate(new SecureRandom());
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    /** A token a client made up: well-formed, signed by no key of the gateway. */
    private static final String FORGED_TOKEN =
            "eyJhbGciOiJub25lIn0.eyJzdWIiOiJzcG9vZmVkIiwibWlueGluX3JvbGUiOiJvcGVyYXRvciJ9.";

    private static final int KEEP_ALIVE_ROUNDS = 400;
    private static final int QUEUED_REQUEST_ROUNDS = 2_000;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        STUBS.forEach((service, stub) -> registry.add("minxin.gateway.services." + service, stub::uri));
        registry.add("minxin.bootstrap.operator-key", OPERATOR_KEY::value);
        TestSigningKeys.register(registry);
    }

    @AfterAll
    static void stopStubs() {
        STUBS.values().forEach(DownstreamStub::close);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyService keys;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = GatewayClient.connect(port);
    }

    /** One request per route family and method kind, with the roles that must be let through. */
    record Call(String family, HttpMethod method, String path, String service, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Call> CALLS = List.of(
            call("events", "POST", "/api/v1/events", "intake", "integration"),
            call("metrics", "GET", "/api/v1/overview", "metrics", "dashboard,operator"),
            call("metrics", "GET", "/api/v1/units/U001", "metrics", "dashboard,operator"),
            call("metrics", "GET", "/api/v1/cases/614418", "metrics", "dashboard,operator"),
            call("metrics", "GET", "/api/v1/jurisdictions", "metrics", "dashboard,operator"),
            call("rankings", "GET", "/api/v1/rankings/2020-09/PHONE", "ranking", "dashboard,operator"),
            call("policies", "GET", "/api/v1/policies", "ranking", "dashboard,operator"),
            call("policies", "PUT", "/api/v1/policies/PHONE", "ranking", "operator"),
            call("periods", "GET", "/api/v1/periods/2020-09", "ranking", "dashboard,operator"),
            call("periods", "POST", "/api/v1/periods/2020-09/close", "ranking", "operator"),
            call("notices", "GET", "/api/v1/notices", "notice", "dashboard,operator"),
            call("bulletins", "GET", "/api/v1/bulletins/2020-09", "notice", "dashboard,operator"),
            call("bulletins", "POST", "/api/v1/bulletins/2020-09/issue", "notice", "operator"),
            call("bulletins", "PATCH", "/api/v1/bulletins/2020-09/draft", "notice", "operator"),
            call("bulletins", "POST", "/api/v1/bulletins/2020-09/corrections", "notice", "operator"),
            call("reviews", "GET", "/api/v1/reviews", "notice", "dashboard,operator"),
            call("reviews", "POST", "/api/v1/reviews/614418/ruling", "notice", "operator"),
            call("disputes", "GET", "/api/v1/disputes/d-1", "notice", "dashboard,operator"),
            call("disputes", "POST", "/api/v1/disputes", "notice", "dashboard"),
            call("disputes", "POST", "/api/v1/disputes/d-1/decision", "notice", "operator"),
            call("exclusions", "GET", "/api/v1/exclusions", "notice", "dashboard,operator"),
            call("exclusions", "POST", "/api/v1/exclusions", "notice", "operator"),
            call("letters", "GET", "/api/v1/letters/xlt-huibin/2020-09.docx", "notice", "dashboard,operator"),
            call("letters", "POST", "/api/v1/letters/xlt-huibin/2020-09/acknowledgement", "notice", "dashboard"),
            call("subscriptions", "GET", "/api/v1/subscriptions", "notice", "operator"),
            call("subscriptions", "POST", "/api/v1/subscriptions", "notice", "operator"),
            call("audit", "GET", "/api/v1/audit", "notice", "operator"),
            call("keys", "GET", "/api/v1/keys", "gateway", "operator"));

    private static Call call(String family, String method, String path, String service, String allowed) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(allowed.split(","))
                .map(name -> Role.fromWireName(name).orElseThrow())
                .forEach(roles::add);
        return new Call(family, HttpMethod.valueOf(method), path, service, roles);
    }

    static Stream<Arguments> everyRoleOnEveryCall() {
        List<Arguments> cases = new ArrayList<>();
        for (Call call : CALLS) {
            for (Role role : Role.values()) {
                cases.add(Arguments.of(role, call));
            }
        }
        return cases.stream();
    }

    static Stream<Call> calls() {
        return CALLS.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoleOnEveryCall")
    void roleIsProxiedWithItsIdentityOrRefused(Role role, Call call) {
        IssuedKey key = keys.create("table-" + role.wireName(), Set.of(role)).block();

        EntityExchangeResult<String> result = send(
                        call,
                        key.value(),
                        Map.of(
                                "X-Minxin-Key-Id",
                                "spoofed",
                                "X-Minxin-Role",
                                "operator",
                                HttpHeaders.AUTHORIZATION,
                                "Bearer " + FORGED_TOKEN))
                .exchange()
                .expectBody(String.class)
                .returnResult();

        if (!call.allowed().contains(role)) {
            assertThat(result.getStatus().value()).isEqualTo(403);
            assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(JSON.readValue(result.getResponseBody(), JSON_MAP)).containsEntry("status", 403);
            return;
        }
        assertThat(result.getStatus().is2xxSuccessful()).isTrue();
        if (call.service().equals("gateway")) {
            return;
        }
        Map<String, Object> seen = JSON.readValue(result.getResponseBody(), JSON_MAP);
        assertThat(seen)
                .containsEntry("service", call.service())
                .containsEntry("method", call.method().name())
                .containsEntry("path", call.path())
                .containsEntry("authorizations", 1)
                .containsEntry("unsignedIdentity", List.of())
                .containsEntry("apiKeyForwarded", false);
        assertThat(seen.get("token"))
                .asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
                .containsEntry("verified", true)
                .containsEntry("alg", "ES256")
                .containsEntry("iss", "minxin-gateway")
                .containsEntry("sub", key.stored().id())
                .containsEntry("aud", List.of(call.service() + "-service"))
                .containsEntry("minxin_role", role.wireName())
                .containsEntry("minxin_scope", "all");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void requestWithoutKeyIsUnauthorized(Call call) {
        send(call, null, Map.of())
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.instance")
                .isEqualTo(call.path());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"mx_ffffffffffffffff_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not-a-key", "mx_abcd_short"})
    void unknownOrMalformedKeyIsUnauthorized(String header) {
        client.get()
                .uri("/api/v1/overview")
                .header("X-Api-Key", header)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The API key is not valid");
    }

    @Test
    void keyWithTheRightIdButAnotherSecretIsUnauthorized() {
        IssuedKey key = keys.create("dash", Set.of(Role.DASHBOARD)).block();
        String forged = new KeyToken(key.stored().id(), "B".repeat(43)).value();

        client.get()
                .uri("/api/v1/overview")
                .header("X-Api-Key", forged)
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void operatorIssuesListsAndRevokesKeysThroughTheKeyApi() {
        Map<String, Object> issued = GatewayClient.issueKey(
                        client, OPERATOR_KEY.value(), "district dashboard", List.of("dashboard"))
                .expectStatus()
                .isCreated()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
        String id = (String) issued.get("id");
        String key = (String) issued.get("key");
        assertThat(key).startsWith("mx_" + id + "_");
        assertThat(issued.get("roles")).isEqualTo(List.of("dashboard"));

        String listing = client.get()
                .uri("/api/v1/keys")
                .header("X-Api-Key", OPERATOR_KEY.value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(listing)
                .contains(id, "district dashboard", OPERATOR_KEY.id())
                .doesNotContain(KeyToken.parse(key).orElseThrow().secret(), OPERATOR_KEY.secret(), "hash");

        client.get()
                .uri("/api/v1/overview")
                .header("X-Api-Key", key)
                .exchange()
                .expectStatus()
                .isOk();

        client.delete()
                .uri("/api/v1/keys/{id}", id)
                .header("X-Api-Key", OPERATOR_KEY.value())
                .exchange()
                .expectStatus()
                .isNoContent();

        client.get()
                .uri("/api/v1/overview")
                .header("X-Api-Key", key)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        client.get()
                .uri("/api/v1/keys/{id}", id)
                .header("X-Api-Key", OPERATOR_KEY.value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.revokedAt")
                .isNotEmpty();
    }

    @Test
    void badKeyRequestIsRefusedWithItsViolations() {
        GatewayClient.issueKey(client, OPERATOR_KEY.value(), "x", List.of("dashboard", "admin"))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:minxin:problem:invalid-request")
                .jsonPath("$.title")
                .isEqualTo("Invalid request")
                .jsonPath("$.instance")
                .isEqualTo("/api/v1/keys")
                .jsonPath("$.violations[0].field")
                .isEqualTo("roles[1]")
                .jsonPath("$.violations[0].message")
                .value(message -> assertThat((String) message).contains("admin"));

        client.delete()
                .uri("/api/v1/keys/0000000000000000")
                .header("X-Api-Key", OPERATOR_KEY.value())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:minxin:problem:not-found");
        client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.schemas.Problem.properties.violations")
                .exists()
                .jsonPath("$.paths['/api/v1/keys'].post.responses['4XX'].content['application/problem+json']"
                        + ".schema['$ref']")
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void bodyOverTheRouteLimitIsRefusedWith413() {
        IssuedKey operator = keys.create("big", Set.of(Role.OPERATOR)).block();

        client.put()
                .uri("/api/v1/policies/PHONE")
                .header("X-Api-Key", operator.value())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[1024 * 1024 + 1])
                .exchange()
                .expectStatus()
                .isEqualTo(413);
    }

    @Test
    void eventBatchesMayBeLargerUpToTenMebibytes() {
        IssuedKey integration =
                keys.create("platform", Set.of(Role.INTEGRATION)).block();

        client.post()
                .uri("/api/v1/events")
                .header("X-Api-Key", integration.value())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[2 * 1024 * 1024])
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.bodyBytes")
                .isEqualTo(2 * 1024 * 1024);
        client.post()
                .uri("/api/v1/events")
                .header("X-Api-Key", integration.value())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[10 * 1024 * 1024 + 1])
                .exchange()
                .expectStatus()
                .isEqualTo(413);
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake", "metrics", "ranking", "notice"})
    void eachServicesApiDocsAreReachableWithoutKey(String service) {
        client.get()
                .uri("/v3/api-docs/" + service)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.info.title")
                .isEqualTo(service);
        // the service sees the gateway's own public identity, signed for it, never a key's
        assertThat(STUBS.get(service).lastTokenAt("/v3/api-docs"))
                .containsEntry("verified", true)
                .containsEntry("sub", "gateway-public")
                .containsEntry("aud", List.of(service + "-service"))
                .containsEntry("minxin_role", "dashboard");
    }

    @Test
    void everyRouteNamesTheServiceItsTokensAreFor(@Autowired RouteLocator routes) {
        List<Route> all = routes.getRoutes().collectList().block(ANSWER_WITHIN);

        assertThat(all)
                .isNotEmpty()
                .allSatisfy(route -> assertThat(route.getMetadata().get("audience"))
                        .as(route.getId())
                        .isIn(
                                "intake-service",
                                "metrics-service",
                                "ranking-service",
                                "notice-service",
                                "console-service"));
    }

    @Test
    void tokenLivesAMinuteAndIsNeverOlderThanHalfOfIt() {
        IssuedKey key = keys.create("dash-ttl", Set.of(Role.DASHBOARD)).block();
        long sent = System.currentTimeMillis() / 1000;

        Map<String, Object> token = (Map<String, Object>)
                JSON.readValue(read("/api/v1/units/U7", key).getResponseBody(), JSON_MAP)
                        .get("token");

        long issued = ((Number) token.get("iat")).longValue();
        assertThat(((Number) token.get("exp")).longValue() - issued).isEqualTo(60);
        assertThat(issued).isBetween(sent - 30, sent + 1);
    }

    @Test
    void swaggerUiListsTheGatewayAndEveryService() {
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        client.get()
                .uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.urls[*].url")
                .value(urls -> assertThat(urls)
                        .asInstanceOf(InstanceOfAssertFactories.LIST)
                        .contains(
                                "/v3/api-docs/intake",
                                "/v3/api-docs/metrics",
                                "/v3/api-docs/ranking",
                                "/v3/api-docs/notice"));
        client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/keys']")
                .exists();
    }

    @Test
    void responsesCarrySecurityHeadersAndApiAnswersAreNotCached() {
        IssuedKey dashboard = keys.create("dash", Set.of(Role.DASHBOARD)).block();

        for (String key : new String[] {dashboard.value(), null}) {
            WebTestClient.RequestHeadersSpec<?> request = client.get().uri("/api/v1/overview");
            if (key != null) {
                request = request.header("X-Api-Key", key);
            }
            request.exchange()
                    .expectHeader()
                    .valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader()
                    .valueEquals("X-Frame-Options", "DENY")
                    .expectHeader()
                    .valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                    .expectHeader()
                    .doesNotExist("Strict-Transport-Security");
        }
    }

    @Test
    void dashboardsPollingOneQueryShareOneAnswerWhileOperatorsReadThrough(
            @Autowired LocalResponseCacheGatewayFilterFactory responseCaches) {
        // the route caches' manager is not a bean of its own
        CaffeineCacheManager caches =
                (CaffeineCacheManager) ReflectionTestUtils.getField(responseCaches, "caffeineCacheManager");
        IssuedKey first = keys.create("dash-first", Set.of(Role.DASHBOARD)).block();
        IssuedKey second = keys.create("dash-second", Set.of(Role.DASHBOARD)).block();
        IssuedKey operator = keys.create("op-reads", Set.of(Role.OPERATOR)).block();
        String path = "/api/v1/rankings/2020-09?channel=WEB&shared=true";

        // when two dashboards ask the same query, then an operator twice
        long cachedBefore = cachedAnswers(caches);
        EntityExchangeResult<String> firstAnswer = read(path, first);
        // Spring Cloud Gateway stores an answer when its body completes, which can be just after the client read it
        await().atMost(ANSWER_WITHIN).until(() -> cachedAnswers(caches) > cachedBefore);
        EntityExchangeResult<String> secondAnswer = read(path, second);
        read(path, operator);
        read(path, operator);

        // then the service answered the first dashboard and each operator request, and the second dashboard got
        // the first answer, with the security headers of every API answer
        assertThat(STUBS.get("ranking").requestsTo(path)).isEqualTo(3);
        assertThat(secondAnswer.getResponseBody()).isEqualTo(firstAnswer.getResponseBody());
        assertThat(secondAnswer.getResponseHeaders().getFirst(HttpHeaders.CACHE_CONTROL))
                .isEqualTo("no-store");
        assertThat(secondAnswer.getResponseHeaders().getFirst("X-Content-Type-Options"))
                .isEqualTo("nosniff");
    }

    private static long cachedAnswers(CaffeineCacheManager caches) {
        return caches.getCacheNames().stream()
                .map(name -> (com.github.benmanes.caffeine.cache.Cache<?, ?>)
                        caches.getCache(name).getNativeCache())
                .mapToLong(com.github.benmanes.caffeine.cache.Cache::estimatedSize)
                .sum();
    }

    @Test
    void noPerRequestFiltersForFeaturesNoRouteUses(@Autowired ApplicationContext context) {
        assertThat(context.getBeansOfType(WeightCalculatorWebFilter.class)).isEmpty();
        assertThat(context.getBeansOfType(WebsocketRoutingFilter.class)).isEmpty();
        assertThat(context.getBeansOfType(GlobalLocalResponseCacheGatewayFilter.class))
                .isEmpty();
    }

    @Test
    void answerThatDependsOnTheCallerIsNeverShared() {
        IssuedKey first = keys.create("dash-own-1", Set.of(Role.DASHBOARD)).block();
        IssuedKey second = keys.create("dash-own-2", Set.of(Role.DASHBOARD)).block();
        String path = "/api/v1/overview?period=2020-10";

        Map<String, Object> firstSeen = JSON.readValue(read(path, first).getResponseBody(), JSON_MAP);
        Map<String, Object> secondSeen = JSON.readValue(read(path, second).getResponseBody(), JSON_MAP);

        assertThat(STUBS.get("metrics").requestsTo(path)).isEqualTo(2);
        assertThat(subject(firstSeen)).isEqualTo(first.stored().id());
        assertThat(subject(secondSeen)).isEqualTo(second.stored().id());
    }

    @Test
    void scopeOfTheKeyTravelsInTheTokenAndAScopedDashboardIsNeverAnsweredFromTheSharedCache() {
        IssuedKey cityWide = keys.create("dash-city", Set.of(Role.DASHBOARD)).block();
        IssuedKey unit = keys.create("dash-unit", Set.of(Role.DASHBOARD), Scope.unit("U0042"))
                .block();
        String path = "/api/v1/overview?period=2020-10&shared=true";

        read(path, cityWide);
        Map<String, Object> unitSeen = JSON.readValue(read(path, unit).getResponseBody(), JSON_MAP);

        assertThat(STUBS.get("metrics").requestsTo(path)).isEqualTo(2);
        assertThat(unitSeen.get("token"))
                .asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
                .containsEntry("sub", unit.stored().id())
                .containsEntry("minxin_scope", "unit:U0042");
    }

    private static Object subject(Map<String, Object> seen) {
        return ((Map<?, ?>) seen.get("token")).get("sub");
    }

    private EntityExchangeResult<String> read(String path, IssuedKey key) {
        return client.get()
                .uri(path)
                .header("X-Api-Key", key.value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
    }

    @Test
    void dashboardOriginMayCallTheApiFromABrowser() {
        client.options()
                .uri("/api/v1/overview")
                .header(HttpHeaders.ORIGIN, "http://dashboard.test")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "X-Api-Key")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://dashboard.test");
        IssuedKey dashboard =
                keys.create("browser dashboard", Set.of(Role.DASHBOARD)).block();
        client.get()
                .uri("/api/v1/overview")
                .header(HttpHeaders.ORIGIN, "http://dashboard.test")
                .header("X-Api-Key", dashboard.value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .values(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
                        origins -> assertThat(origins).containsExactly("http://dashboard.test"));
        client.options()
                .uri("/api/v1/overview")
                .header(HttpHeaders.ORIGIN, "http://elsewhere.test")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void actuatorShowsOnlyHealthAndPrometheus() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/v3/api-docs/intake").exchange().expectStatus().isOk();

        String scrape = client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(scrape)
                .contains("minxin_gateway_auth_failures_total{application=\"gateway\",reason=\"missing\"}")
                .contains("minxin_gateway_rate_limited_total")
                .contains("spring_cloud_gateway_requests_seconds");
        client.get()
                .uri("/actuator/gateway/routes")
                .header("X-Api-Key", OPERATOR_KEY.value())
                .exchange()
                .expectStatus()
                .isNotFound();
        client.get()
                .uri("/actuator/env")
                .header("X-Api-Key", OPERATOR_KEY.value())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/units/%2e%2e/keys", "/api/v1/units/../keys", "/api/v1/units/a%2Fb"})
    void pathThatCouldEscapeItsFamilyIsRefused(String rawPath) throws Exception {
        // java.net.http sends the path as written; WebTestClient would normalise it first.
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
                                .header("X-Api-Key", OPERATOR_KEY.value())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not in canonical form");
    }

    private WebTestClient.RequestHeadersSpec<?> send(Call call, String key, Map<String, String> headers) {
        WebTestClient.RequestBodySpec request = client.method(call.method()).uri(call.path());
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        headers.forEach(request::header);
        if (call.method() == HttpMethod.POST || call.method() == HttpMethod.PUT || call.method() == HttpMethod.PATCH) {
            return request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        }
        return request;
    }

    /**
     * A dashboard's client keeps its connection open across answers of every kind: reads answered by a service,
     * refusals given before a request body was read, refusals of bodiless commands. Every request on it must be
     * answered, however the one before it ended.
     */
    @Test
    void everyRequestOnAKeptAliveConnectionIsAnsweredWhateverEndedTheOneBefore() throws Exception {
        String dashboard = keys.create("dash", Set.of(Role.DASHBOARD)).block().value();
        String integration =
                keys.create("platform", Set.of(Role.INTEGRATION)).block().value();
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] batch = new byte[64 * 1024];
        List<String> unanswered = new ArrayList<>();

        List<KeepAliveStep> steps = List.of(
                new KeepAliveStep("GET", "/api/v1/rankings/2020-08?channel=WEB&top=5", dashboard, null, 200),
                new KeepAliveStep("POST", "/api/v1/events/batch", dashboard, batch, 403),
                new KeepAliveStep("GET", "/api/v1/overview?period=2020-08", integration, null, 403),
                new KeepAliveStep("POST", "/api/v1/periods/2020-08/close", dashboard, new byte[0], 403),
                new KeepAliveStep("GET", "/api/v1/rankings/2020-08?channel=PHONE&top=5", dashboard, null, 200),
                new KeepAliveStep("GET", "/api/v1/overview?period=2020-08", dashboard, null, 200));

        for (int round = 0; round < KEEP_ALIVE_ROUNDS && unanswered.isEmpty(); round++) {
            for (KeepAliveStep step : steps) {
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

    /**
     * Requests sent on one connection the moment the answer before them has arrived: the next one often reaches the
     * server before it has finished with the previous exchange, and is queued. Reactor Netty 1.3.6 then drained the
     * queue without asking the socket for more, and the connection never carried another answer (reactor-netty
     * issues 4361 and 4347; here a GET after a 404 waited forever about one run in three). 1.3.8 re-arms the read.
     */
    @Test
    void requestQueuedBehindTheEndOfTheLastAnswerIsAnswered() throws Exception {
        List<String> steps =
                List.of("/actuator/health", "/v3/api-docs/intake", "/actuator/gateway/routes", "/actuator/env");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            for (int round = 0; round < QUEUED_REQUEST_ROUNDS; round++) {
                for (String path : steps) {
                    out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + OPERATOR_KEY.value()
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    try {
                        assertThat(readStatus(in))
                                .as("round %d: GET %s", round, path)
                                .isBetween(200, 404);
                    } catch (SocketTimeoutException e) {
                        throw new AssertionError(
                                "round " + round + ": GET " + path + " got no answer within " + ANSWER_WITHIN, e);
                    }
                }
            }
        }
    }

    /** Reads one HTTP/1.1 answer with a Content-Length body to its end; its status. */
    private static int readStatus(DataInputStream in) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int length = -1;
        for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        assertThat(length).as("Content-Length of a %d", status).isNotNegative();
        in.readFully(new byte[length]);
        return status;
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed after: " + line);
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private record KeepAliveStep(String method, String pathAndQuery, String key, byte[] body, int status) {
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
