package io.minxin.notice.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.notice.mongo.InMemoryMongo;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.identity.CallerArgumentResolver;
import io.minxin.servicekit.identity.TestIdentity;
import io.minxin.servicekit.problem.ProblemAdviceSupport;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import reactor.core.publisher.Mono;

/** A subscription cannot point notice-service at the platform itself or at any other non-public address. */
class SubscriptionControllerTest {
    private final InMemoryMongo mongo = new InMemoryMongo();

    @RestControllerAdvice
    static class Problems extends ProblemAdviceSupport {}

    @AfterEach
    void stop() {
        mongo.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8083/api/v1/periods/2020-12/close",
                "http://localhost:8083/api/v1/periods/2020-12/close",
                "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                "http://10.0.0.5/hook",
                "http://192.168.1.10/hook",
                "http://100.64.0.1/hook",
                "http://0.0.0.0:8084/api/v1/subscriptions",
                "http://[::1]:8083/api/v1/periods/2020-12/close",
                "http://[::ffff:127.0.0.1]:8083/api/v1/periods/2020-12/close",
                "http://[fd00::1]/hook",
                "http://[fe80::1]/hook",
                "http://2130706433:8083/api/v1/periods/2020-12/close",
            })
    void aSubscriptionToANonPublicAddressIsRefusedNamingTheUrl(String url) {
        WebTestClient web = client(WebhookAddresses.publicOnly());

        subscribe(web, "GENERIC", url)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:minxin:problem:invalid-request")
                .jsonPath("$.violations[0].field")
                .isEqualTo("url")
                .jsonPath("$.violations[0].message")
                .value(message -> assertThat((String) message)
                        .startsWith("must be a public address: ")
                        .contains("not public"));
        assertThat(Mono.from(mongo.database().getCollection("subscriptions").countDocuments())
                        .block())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://operator:pa55@93.184.215.14/hook",
                "http://@93.184.215.14/hook",
                "ftp://93.184.215.14/hook",
                "file:///etc/passwd",
                "gopher://127.0.0.1:6379/_INFO",
                "/api/v1/periods/2020-12/close",
            })
    void onlyHttpAndHttpsUrlsWithoutUserInformationAreAccepted(String url) {
        subscribe(client(WebhookAddresses.publicOnly()), "GENERIC", url)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("url");
    }

    @Test
    void anAllowedNetworkAdmitsASubscriptionToIt() {
        WebTestClient web = client(WebhookAddresses.allowing(List.of("127.0.0.0/8")));

        for (String url : List.of("http://127.0.0.1:9000/hook", "http://localhost:9000/hook")) {
            subscribe(web, "GENERIC", url)
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.url")
                    .isEqualTo(url);
        }
        // 10.0.0.0/8 is still refused
        subscribe(web, "GENERIC", "http://10.0.0.5/hook").expectStatus().isBadRequest();
    }

    @Test
    void aPublicAddressAndANameThatDoesNotResolveYetAreAccepted() {
        WebTestClient web = client(WebhookAddresses.publicOnly());

        for (String url :
                List.of("https://93.184.215.14/hook", "https://robot.example.invalid/cgi-bin/webhook/send?key=k")) {
            subscribe(web, "WECOM", url).expectStatus().isCreated();
        }
    }

    private static WebTestClient.ResponseSpec subscribe(WebTestClient web, String kind, String url) {
        return web.post()
                .uri("/api/v1/subscriptions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", kind, "url", url))
                .exchange();
    }

    private WebTestClient client(WebhookAddresses addresses) {
        SubscriptionStore store = new SubscriptionStore(mongo.database());
        Outbox outbox = new Outbox(mongo.database(), store, Clock.systemUTC());
        AuditTrail audit = new AuditTrail("notice-service", Clock.systemUTC(), entry -> true, () -> {});
        return WebTestClient.bindToController(
                        new SubscriptionController(store, outbox, Clock.systemUTC(), addresses, audit))
                .controllerAdvice(new Problems())
                .argumentResolvers(resolvers -> resolvers.addCustomResolver(new CallerArgumentResolver()))
                .webFilter(TestIdentity.signedIn(new Caller("op-test", Role.OPERATOR, Scope.ALL)))
                .build();
    }
}
