package io.minxin.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.minxin.events.audit.AuditEntry;
import io.minxin.gateway.audit.AuditTrail;
import io.minxin.gateway.identity.TestSigningKeys;
import io.minxin.gateway.keys.KeyToken;
import io.minxin.gateway.support.DownstreamStub;
import io.minxin.gateway.support.GatewayClient;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;

/**
 * People in the console, through a gateway in front of stub services and a stub console: sign-in, lockout, the
 * session's CSRF token, sign-out, password change, and the console relaying a person's token back to the APIs.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "minxin.gateway.keys.store=memory",
            "minxin.gateway.keys.events.enabled=false",
            "minxin.gateway.accounts.lock-after=3",
            "minxin.gateway.accounts.bootstrap-operator-password=" + ConsoleSessionsIT.OPERATOR_PASSWORD
        })
@Import(ConsoleSessionsIT.Audited.class)
class ConsoleSessionsIT {
    static final String OPERATOR_PASSWORD = "first-password-of-the-operator";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};
    private static final List<String> SERVICES = List.of("intake", "metrics", "ranking", "notice", "console");
    private static final Map<String, DownstreamStub> STUBS =
            SERVICES.stream().collect(Collectors.toMap(service -> service, DownstreamStub::answering));
    private static final KeyToken OPERATOR_KEY = KeyToken.generate(new SecureRandom());
    private static final String SESSION = AccountsConfiguration.SESSION_COOKIE;
    private static final RecordingTrail AUDIT = new RecordingTrail();

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

    WebTestClient client;

    @BeforeEach
    void client() {
        client = GatewayClient.connect(port);
    }

    /** A browser's state: its session cookie and the CSRF token the last page was given. */
    private record Browser(String session, String csrf) {}

    @Test
    void aPageWithoutASessionSendsTheBrowserToTheSignInPage() {
        client.get()
                .uri("/console/")
                .exchange()
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location("/console/sign-in");
        // an API key opens no page
        client.get()
                .uri("/console/")
                .header("X-Api-Key", OPERATOR_KEY.value())
                .exchange()
                .expectStatus()
                .isSeeOther();
        client.post()
                .uri("/console/reviews/c-1/ruling")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theOperatorSignsInAndHerPagesReachTheConsoleAsHerWithoutTheCookie() {
        Browser browser = signIn("operator", OPERATOR_PASSWORD);

        Map<String, Object> page = page(browser, "/console/");

        assertThat(page).containsEntry("service", "console").containsEntry("cookieForwarded", false);
        assertThat(page.get("consoleCsrf")).isEqualTo(browser.csrf());
        assertThat(token(page))
                .containsEntry("verified", true)
                .containsEntry("sub", "operator")
                .containsEntry("minxin_role", "operator")
                .containsEntry("minxin_scope", "all")
                .containsEntry("aud", List.of("console-service"));
    }

    @Test
    void aWriteOfAPageNeedsTheSessionsCsrfToken() {
        Browser browser = signIn("operator", OPERATOR_PASSWORD);

        client.post()
                .uri("/console/reviews/c-1/ruling")
                .cookie(SESSION, browser.session())
                .exchange()
                .expectStatus()
                .isForbidden();
        client.post()
                .uri("/console/reviews/c-1/ruling")
                .cookie(SESSION, browser.session())
                .header("X-CSRF-Token", "made-up")
                .exchange()
                .expectStatus()
                .isForbidden();
        client.post()
                .uri("/console/reviews/c-1/ruling")
                .cookie(SESSION, browser.session())
                .header("X-CSRF-Token", browser.csrf())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .value(echo -> assertThat(echo).containsEntry("method", "POST"));
    }

    @Test
    void theConsoleRelaysAPersonsTokenToTheApisButNoServicesToken() {
        Browser browser = signIn("operator", OPERATOR_PASSWORD);
        String relayed = (String) page(browser, "/console/").get("bearer");

        Map<String, Object> overview = client.get()
                .uri("/api/v1/overview?period=2020-09")
                .headers(headers -> headers.setBearerAuth(relayed))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();

        assertThat(overview).containsEntry("service", "metrics");
        assertThat(token(overview))
                .containsEntry("sub", "operator")
                .containsEntry("minxin_role", "operator")
                .containsEntry("aud", List.of("metrics-service"));
        // a token a service received is no way in
        String servicesToken = (String) overview.get("bearer");
        client.get()
                .uri("/api/v1/overview?period=2020-09")
                .headers(headers -> headers.setBearerAuth(servicesToken))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aUnitsLiaisonSignsInWithTheAccountAnOperatorOpenedAndActsUnderItsScope() {
        Map<String, Object> opened = client.post()
                .uri("/api/v1/accounts")
                .header("X-Api-Key", OPERATOR_KEY.value())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of("username", "xlt-zhenxing-liaison", "role", "dashboard", "scope", "unit:xlt-zhenxing"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
        Browser browser = signIn("xlt-zhenxing-liaison", (String) opened.get("password"));

        Map<String, Object> page = page(browser, "/console/");

        assertThat(token(page))
                .containsEntry("minxin_role", "dashboard")
                .containsEntry("minxin_scope", "unit:xlt-zhenxing");
        // a dashboard person may not call an operator's API through the relay either
        client.get()
                .uri("/api/v1/keys")
                .headers(headers -> headers.setBearerAuth((String) page.get("bearer")))
                .exchange()
                .expectStatus()
                .isForbidden();
        client.get()
                .uri("/api/v1/accounts")
                .header("X-Api-Key", OPERATOR_KEY.value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(list -> assertThat(list).contains("xlt-zhenxing-liaison").doesNotContain("password"));
        // the audit trail: the opening by the operator's key, the liaison's sign-in by the account, no password
        assertThat(AUDIT.entries("account:xlt-zhenxing-liaison"))
                .extracting(AuditEntry::action, AuditEntry::actorKeyId)
                .containsExactly(
                        tuple("account.open", OPERATOR_KEY.id()), tuple("account.sign-in", "xlt-zhenxing-liaison"));
        assertThat(AUDIT.entries("account:xlt-zhenxing-liaison").get(0).change().toString())
                .contains("\"scope\":\"unit:xlt-zhenxing\"")
                .doesNotContain((String) opened.get("password"));
        assertThat(AUDIT.entries("account:xlt-zhenxing-liaison")
                        .get(1)
                        .change()
                        .get("method")
                        .asString())
                .isEqualTo("password");
    }

    /** The audit trail as the gateway records it (Kafka is off in this test): every entry, by target. */
    static final class RecordingTrail implements AuditTrail {
        private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

        @Override
        public Mono<Void> record(AuditEntry entry) {
            entries.add(entry);
            return Mono.empty();
        }

        List<AuditEntry> entries(String target) {
            return entries.stream()
                    .filter(entry -> entry.target().equals(target))
                    .toList();
        }
    }

    @TestConfiguration
    static class Audited {
        @Bean
        @Primary
        AuditTrail recordingTrail() {
            return AUDIT;
        }
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        client.post()
                .uri("/api/v1/accounts")
                .header("X-Api-Key", OPERATOR_KEY.value())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "leader", "role", "dashboard"))
                .exchange()
                .expectStatus()
                .isCreated();
        Browser browser = signInPage();
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThat(postSignIn(browser, "leader", "wrong-password-" + attempt))
                    .isEqualTo("/console/sign-in?error=invalid");
        }
        assertThat(postSignIn(browser, "leader", "wrong-password-3")).isEqualTo("/console/sign-in?error=locked");
        assertThat(postSignIn(browser, "nobody-here", "whatever-password")).isEqualTo("/console/sign-in?error=invalid");
    }

    @Test
    void aSignInFormWithoutItsPagesTokenIsRefused() {
        Browser browser = signInPage();

        assertThat(postSignIn(new Browser(browser.session(), "made-up"), "operator", OPERATOR_PASSWORD))
                .isEqualTo("/console/sign-in?error=expired");
    }

    @Test
    void aPersonChangesTheirPasswordAndSignsOut() {
        Map<String, Object> opened = client.post()
                .uri("/api/v1/accounts")
                .header("X-Api-Key", OPERATOR_KEY.value())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "second-operator", "role", "operator"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
        Browser browser = signIn("second-operator", (String) opened.get("password"));
        String chosen = "a-password-of-my-own-choosing";

        assertThat(form(
                        browser,
                        "/console/account/password",
                        Map.of("current", "wrong", "password", chosen, "repeat", chosen)))
                .isEqualTo("/console/account?error=wrong");
        assertThat(form(
                        browser,
                        "/console/account/password",
                        Map.of("current", (String) opened.get("password"), "password", "short", "repeat", "short")))
                .isEqualTo("/console/account?error=short");
        assertThat(form(
                        browser,
                        "/console/account/password",
                        Map.of("current", (String) opened.get("password"), "password", chosen, "repeat", chosen)))
                .isEqualTo("/console/account?changed");
        assertThat(form(browser, "/console/sign-out", Map.of())).isEqualTo("/console/sign-in?signedOut");

        // the session is gone, and the new password is the one that works
        client.get()
                .uri("/console/")
                .cookie(SESSION, browser.session())
                .exchange()
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location("/console/sign-in");
        Browser again = signInPage();
        assertThat(postSignIn(again, "second-operator", (String) opened.get("password")))
                .isEqualTo("/console/sign-in?error=invalid");
        signIn("second-operator", chosen);
    }

    private Browser signIn(String username, String password) {
        Browser before = signInPage();
        EntityExchangeResult<byte[]> result = submitSignIn(before, username, password);
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/console/");
        ResponseCookie session = result.getResponseCookies().getFirst(SESSION);
        assertThat(session).as("a new session id at sign-in").isNotNull();
        assertThat(session.getValue()).isNotEqualTo(before.session());
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        Map<String, Object> page = client.get()
                .uri("/console/")
                .cookie(SESSION, session.getValue())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
        return new Browser(session.getValue(), (String) page.get("consoleCsrf"));
    }

    /** The sign-in page, as a browser first opens it: a session and its CSRF token for the form. */
    private Browser signInPage() {
        EntityExchangeResult<Map<String, Object>> result = client.get()
                .uri("/console/sign-in")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult();
        ResponseCookie session = result.getResponseCookies().getFirst(SESSION);
        assertThat(session).isNotNull();
        return new Browser(session.getValue(), (String) result.getResponseBody().get("consoleCsrf"));
    }

    private String postSignIn(Browser browser, String username, String password) {
        return submitSignIn(browser, username, password)
                .getResponseHeaders()
                .getLocation()
                .toString();
    }

    private EntityExchangeResult<byte[]> submitSignIn(Browser browser, String username, String password) {
        return client.post()
                .uri("/console/sign-in")
                .cookie(SESSION, browser.session())
                .body(BodyInserters.fromFormData("username", username)
                        .with("password", password)
                        .with("_csrf", browser.csrf()))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SEE_OTHER)
                .expectBody()
                .returnResult();
    }

    /** Submits a form of a page with the session's token; answers where the browser is sent. */
    private String form(Browser browser, String path, Map<String, String> fields) {
        var body = BodyInserters.fromFormData("_csrf", browser.csrf());
        fields.forEach(body::with);
        return client.post()
                .uri(path)
                .cookie(SESSION, browser.session())
                .body(body)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SEE_OTHER)
                .expectBody()
                .returnResult()
                .getResponseHeaders()
                .getLocation()
                .toString();
    }

    private Map<String, Object> page(Browser browser, String path) {
        return client.get()
                .uri(path)
                .cookie(SESSION, browser.session())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> token(Map<String, Object> echo) {
        return (Map<String, Object>) echo.get("token");
    }
}
