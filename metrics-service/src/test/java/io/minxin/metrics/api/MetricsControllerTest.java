package io.minxin.metrics.api;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.metrics.MetricsProperties;
import io.minxin.metrics.projection.MetricsStore;
import io.minxin.metrics.testing.TestSettings;
import io.minxin.servicekit.identity.CallerArgumentResolver;
import io.minxin.servicekit.identity.TestIdentity;
import io.minxin.servicekit.registry.UnitRegistry;
import io.minxin.servicekit.scope.Jurisdictions;
import io.minxin.servicekit.scope.UnitAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The API's answers when MongoDB cannot be reached, and on bad parameters (no server needed). */
class MetricsControllerTest {
    private MongoClient unreachable;
    private WebTestClient client;
    private WebTestClient unitU01;

    @BeforeEach
    void bindToUnreachableMongo() {
        unreachable = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:1"))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
                .build());
        MetricsStore store = new MetricsStore(unreachable.getDatabase("minxin_metrics"));
        MetricsProperties properties = TestSettings.metrics(Duration.ofSeconds(1));
        Clock clock = Clock.fixed(Instant.parse("2020-09-15T00:00:00Z"), ZoneOffset.UTC);
        MetricsController controller = new MetricsController(
                store,
                properties,
                new AssessmentPeriod(0),
                clock,
                new UnitAccess(Jurisdictions.UNKNOWN),
                new UnitRegistry(clock));
        client = bind(controller, new Caller("k1", Role.DASHBOARD, Scope.ALL));
        unitU01 = bind(controller, new Caller("k2", Role.DASHBOARD, Scope.unit("U01")));
    }

    private static WebTestClient bind(MetricsController controller, Caller caller) {
        return WebTestClient.bindToController(controller)
                .controllerAdvice(new ProblemAdvice())
                .argumentResolvers(resolvers -> resolvers.addCustomResolver(new CallerArgumentResolver()))
                .webFilter(TestIdentity.signedIn(caller))
                .build();
    }

    @AfterEach
    void close() {
        unreachable.close();
    }

    @Test
    void unreachableMongoIsA503Problem() {
        client.get()
                .uri("/api/v1/overview?period=2020-09")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(503);
        client.get().uri("/api/v1/cases/614418").exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void badRequestIsRefusedWithItsViolationsWithoutAskingMongo() {
        client.get()
                .uri("/api/v1/overview?period=2020-13")
                .exchange()
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
                .isEqualTo("/api/v1/overview")
                .jsonPath("$.violations[0].field")
                .isEqualTo("period")
                .jsonPath("$.violations[0].message")
                .isEqualTo("must be a period YYYY-MM, e.g. 2020-09, was 2020-13");
        client.get()
                .uri("/api/v1/units?channel=FAX")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:minxin:problem:invalid-request")
                .jsonPath("$.violations[0].field")
                .isEqualTo("channel")
                .jsonPath("$.violations[0].message")
                .isEqualTo("must be one of PHONE, WEB");
        client.get()
                .uri("/api/v1/units?sort=bogus")
                .exchange()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("sort");
        client.get().uri("/api/v1/units?sort=bogus").exchange().expectStatus().isBadRequest();
        client.get().uri("/api/v1/units?order=up").exchange().expectStatus().isBadRequest();
        client.get()
                .uri("/api/v1/units/u/series?from=2020-09-10&to=2020-09-01")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void aUnitAskingForAnotherUnitsSeriesIsRefused403WithoutAskingMongo() {
        unitU01.get()
                .uri("/api/v1/units/U02/series")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Forbidden")
                .jsonPath("$.detail")
                .isEqualTo("the caller's scope unit:U01 does not cover unit U02");
        // its own unit is asked of MongoDB, unreachable here
        unitU01.get().uri("/api/v1/units/U01/series").exchange().expectStatus().isEqualTo(503);
    }
}
