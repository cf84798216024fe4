package io.minxin.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.gateway.identity.TestSigningKeys;
import io.minxin.gateway.support.DownstreamStub;
import io.minxin.gateway.support.FakeIdentityProvider;
import io.minxin.gateway.support.GatewayClient;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-in with a city's identity provider (OIDC): the way to the provider, the way back with its code, the person
 * signed in as the Minxin account of the same username; and every way it must fail.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "minxin.gateway.keys.store=memory",
            "minxin.gateway.keys.events.enabled=false",
            "minxin.gateway.accounts.bootstrap-operator-password=first-password-of-the-operator",
            "spring.security.oauth2.client.registration.city.client-id=" + FakeIdentityProvider.CLIENT_ID,
            "spring.security.oauth2.client.registration.city.client-secret=a-client-secret-of-the-test",
            "spring.security.oauth2.client.registration.city.client-name=盘锦市统一身份认证",
            "spring.security.oauth2.client.registration.city.scope=openid"
        })
class OidcSignInIT {
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};
    private static final List<String> SERVICES = List.of("intake", "metrics", "ranking", "notice", "console");
    private static final Map<String, DownstreamStub> STUBS =
            SERVICES.stream().collect(Collectors.toMap(service -> service, DownstreamStub::answering));
    private static final FakeIdentityProvider PROVIDER = FakeIdentityProvider.start();
    private static final String SESSION = AccountsConfiguration.SESSION_COOKIE;

    @DynamicPropertySource
    static void downstreamsAndProvider(DynamicPropertyRegistry registry) {
        STUBS.forEach((service, stub) -> registry.add("minxin.gateway.services." + service, stub::uri));
        registry.add("spring.security.oauth2.client.provider.city.issuer-uri", PROVIDER::issuer);
        TestSigningKeys.register(registry);
    }

    @AfterAll
    static void stop() {
        STUBS.values().forEach(DownstreamStub::close);
        PROVIDER.close();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = GatewayClient.connect(port);
    }

    /** Where the gateway sent the browser: the provider's authorization request, and the cookie binding it. */
    private record SetOut(MultiValueMap<String, String> query, String binding) {
        String param(String name) {
            return URLDecoder.decode(query.getFirst(name), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSignInPageIsToldWhichProvidersToOffer() {
        Map<String, Object> page = client.get()
                .uri("/console/sign-in")
                .header(IdentityProviders.ANNOUNCE_HEADER, "evil=forged")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();

        assertThat(page.get("signInProviders"))
                .isEqualTo("city=%E7%9B%98%E9%94%A6%E5%B8%82%E7%BB%9F%E4%B8%80%E8%BA%AB%E4%BB%BD%E8%AE%A4%E8%AF%81");
    }

    @Test
    void givenTheProviderVouchesForTheOperatorThenTheyAreSignedInAsTheirMinxinAccount() {
        SetOut out = setOut();
        assertThat(out.param("client_id")).isEqualTo(FakeIdentityProvider.CLIENT_ID);
        assertThat(out.param("redirect_uri")).isEqualTo("http://localhost:" + port + "/console/oauth2/code/city");
        assertThat(out.param("code_challenge_method")).isEqualTo("S256");
        assertThat(out.param("nonce")).isNotBlank();
        PROVIDER.approve("code-1", "operator", out.param("nonce"));

        EntityExchangeResult<String> back = back(out, "code-1", out.param("state"), out.binding());

        // a page that moves on by itself, so the browser sends the new SameSite=Strict cookie
        assertThat(back.getStatus().value()).isEqualTo(200);
        assertThat(back.getResponseBody()).contains("http-equiv=\"refresh\"", "url=/console/");
        assertThat(PROVIDER.tokenRequest("code-1")).containsKey("code_verifier");
        ResponseCookie session = back.getResponseCookies().getFirst(SESSION);
        assertThat(session).isNotNull();
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
        @SuppressWarnings("unchecked")
        Map<String, Object> token = (Map<String, Object>) page.get("token");
        assertThat(token)
                .containsEntry("sub", "operator")
                .containsEntry("minxin_role", "operator")
                .containsEntry("minxin_scope", "all");
    }

    @Test
    void givenNoMinxinAccountOfThatNameThenNoSessionAndTheSignInPageSaysSo() {
        SetOut out = setOut();
        PROVIDER.approve("code-2", "nobody-here", out.param("nonce"));

        EntityExchangeResult<String> back = back(out, "code-2", out.param("state"), out.binding());

        assertThat(back.getStatus().value()).isEqualTo(303);
        assertThat(back.getResponseHeaders().getLocation()).hasToString("/console/sign-in?error=no-account");
        assertThat(back.getResponseCookies().getFirst(SESSION)).isNull();
    }

    @Test
    void givenACallbackThisBrowserDidNotSetOutForThenItIsRefused() {
        SetOut out = setOut();
        PROVIDER.approve("code-3", "operator", out.param("nonce"));

        // another browser's state (login CSRF): no binding cookie, or a state that is not the binding's
        assertRefused(back(out, "code-3", out.param("state"), null));
        assertRefused(back(out, "code-3", "another-state", out.binding()));
    }

    @Test
    void givenAnIdTokenNotSignedByTheProviderOrForAnotherNonceThenItIsRefused() {
        SetOut forged = setOut();
        PROVIDER.approveForged("code-4", "operator", forged.param("nonce"));
        assertRefused(back(forged, "code-4", forged.param("state"), forged.binding()));

        SetOut replayed = setOut();
        PROVIDER.approve("code-5", "operator", "a-nonce-of-another-sign-in");
        assertRefused(back(replayed, "code-5", replayed.param("state"), replayed.binding()));
    }

    private static void assertRefused(EntityExchangeResult<String> back) {
        assertThat(back.getStatus().value()).isEqualTo(302);
        assertThat(back.getResponseHeaders().getLocation()).hasToString("/console/sign-in?error=oidc");
        assertThat(back.getResponseCookies().getFirst(SESSION)).isNull();
    }

    private SetOut setOut() {
        EntityExchangeResult<byte[]> result = client.get()
                .uri("/console/oauth2/authorization/city")
                .exchange()
                .expectStatus()
                .isFound()
                .expectBody()
                .returnResult();
        URI location = result.getResponseHeaders().getLocation();
        assertThat(location).isNotNull().asString().startsWith(PROVIDER.issuer() + "/authorize?");
        ResponseCookie binding = result.getResponseCookies().getFirst(OidcAuthorizationRequests.COOKIE);
        assertThat(binding).isNotNull();
        assertThat(binding.getSameSite()).isEqualTo("Lax");
        assertThat(binding.isHttpOnly()).isTrue();
        assertThat(binding.getPath()).isEqualTo("/console/oauth2/");
        return new SetOut(UriComponentsBuilder.fromUri(location).build().getQueryParams(), binding.getValue());
    }

    private EntityExchangeResult<String> back(SetOut out, String code, String state, String binding) {
        WebTestClient.RequestHeadersSpec<?> request =
                client.get().uri("/console/oauth2/code/city?code={code}&state={state}", code, state);
        if (binding != null) {
            request = request.cookie(OidcAuthorizationRequests.COOKIE, binding);
        }
        return request.exchange().expectBody(String.class).returnResult();
    }
}
