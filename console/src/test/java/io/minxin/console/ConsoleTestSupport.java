package io.minxin.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.servicekit.identity.TestIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The console on a random port, its API the {@link GatewayStub}, and the three kinds of people as the gateway's
 * tokens name them: an operator, a leader (dashboard, all units) and a unit liaison (dashboard, one unit).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"minxin.console.default-period=2020-09", "minxin.console.timeout=3s"})
@AutoConfigureWebTestClient
public abstract class ConsoleTestSupport {
    public static final String AUDIENCE = "console-service";
    public static final String CSRF = "csrf-token-of-the-session";
    public static final Caller OPERATOR = new Caller("wang.operator", Role.OPERATOR, Scope.ALL);
    public static final Caller LEADER = new Caller("zhao.leader", Role.DASHBOARD, Scope.ALL);
    public static final Caller LIAISON = new Caller("cj.liaison", Role.DASHBOARD, Scope.unit("xlt-chengjian"));

    protected static final GatewayStub API = GatewayStub.shared();

    @Autowired
    protected WebTestClient client;

    @DynamicPropertySource
    static void console(DynamicPropertyRegistry registry) {
        TestIdentity.register(registry);
        registry.add("minxin.console.gateway-url", API::url);
    }

    @BeforeEach
    void freshStub() {
        // each test's people get tokens of their own, so a call a former test's page had on its way is not this one's
        TOKENS.clear();
        API.reset(call -> TOKENS.containsValue(call.authorization()));
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static final Map<Caller, String> TOKENS = new ConcurrentHashMap<>();

    /**
     * {@code Authorization: Bearer …} as the gateway sends it for {@code caller}: one token per caller and test (valid
     * 1 h; its {@code jti} tells it from another test's token of the same second).
     */
    protected static String tokenOf(Caller caller) {
        return TOKENS.computeIfAbsent(
                caller,
                who -> TestIdentity.shared()
                        .bearer(
                                who.role(),
                                who.scope(),
                                AUDIENCE,
                                claims -> claims.subject(who.keyId())
                                        .jwtID(UUID.randomUUID().toString())));
    }

    /** A GET as the gateway forwards it for a signed-in person: their token and the session's CSRF token. */
    protected WebTestClient.ResponseSpec get(String path, Caller caller) {
        return client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, tokenOf(caller))
                .header("X-Minxin-Csrf", CSRF)
                .exchange();
    }

    /** The page at {@code path}, answered 200; every form control on it has a label ({@link FormLabels}). */
    protected String page(String path, Caller caller) {
        return labelled(
                path,
                get(path, caller)
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody());
    }

    /** {@code html}, after asserting that every form control on it has a label (issue 17). */
    protected static String labelled(String what, String html) {
        assertThat(FormLabels.unlabelled(html))
                .as("form controls without a label on %s", what)
                .isEmpty();
        return html;
    }

    /** A POST as htmx sends it through the gateway: the person's token, {@code HX-Request} and the form. */
    protected WebTestClient.ResponseSpec htmxPost(String path, Caller caller, String form) {
        return client.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, tokenOf(caller))
                .header("HX-Request", "true")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(form)
                .exchange();
    }

    /**
     * Writes a rendered page (or an htmx fragment, put into a bare page) to {@code target/pages/<name>.html} with the
     * console's stylesheet inlined, for a person
     * to open or screenshot ({@code look-at-page file://…}); returns the page for chaining.
     */
    protected static String look(String name, String page) {
        try {
            String css = Files.readString(Path.of("src/main/resources/static/console.css"));
            Path out = Path.of("target/pages", name + ".html");
            Files.createDirectories(out.getParent());
            String whole = page.contains("<html")
                    ? page.replace(
                            "<link rel=\"stylesheet\" href=\"/console/assets/console.css\">",
                            "<style>" + css + "</style>")
                    : "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>" + css
                            + "</style></head><body><main>" + page + "</main></body></html>";
            Files.writeString(out, whole);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fragment an htmx GET answered with 200 (a region loaded or opened, e.g. a ranking row's 排名依据); every form
     * control in it has a label.
     */
    protected String htmxGet(String path, Caller caller) {
        return labelled(
                "GET " + path,
                client.get()
                        .uri(path)
                        .header(HttpHeaders.AUTHORIZATION, tokenOf(caller))
                        .header("HX-Request", "true")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody());
    }

    /** The fragment an htmx POST answered with 200; every form control in it has a label. */
    protected String fragment(String path, Caller caller, String form) {
        return labelled(
                "POST " + path,
                htmxPost(path, caller, form)
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody());
    }
}
