package io.minxin.metrics.api;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.minxin.events.Channel;
import io.minxin.events.UnitRegistered;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.projection.MetricsStore;
import io.minxin.metrics.testing.TestSettings;
import io.minxin.servicekit.identity.CallerArgumentResolver;
import io.minxin.servicekit.identity.TestIdentity;
import io.minxin.servicekit.registry.UnitRegistry;
import io.minxin.servicekit.scope.UnitAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The read API divided by jurisdiction, the controller built by hand over a store that answers three months: 兴隆台区
 * (211103) and 双台子区 (211102); 财政局 registered in 兴隆台区 and moved to 双台子区 on 15 June; 综合执法局 in 双台子区,
 * 汇彬 in 兴隆台区; one unit never registered. Now is 15 July.
 */
class JurisdictionViewsTest {
    private static final String XLT = "211103";
    private static final String STZ = "211102";
    private static final Instant JAN = Instant.parse("2020-01-01T00:00:00Z");
    /** 2020-06-15 00:00 in Asia/Shanghai. */
    private static final Instant MOVED = Instant.parse("2020-06-14T16:00:00Z");

    private final MetricsStore store = mock(MetricsStore.class);
    private static final Clock NOW = Clock.fixed(Instant.parse("2020-07-15T02:00:00Z"), ZoneOffset.UTC);

    private final UnitRegistry registry = new UnitRegistry(NOW);
    private MetricsController controller;

    @BeforeEach
    void registryAndThreeMonths() {
        registry.register(new UnitRegistered("xlt-cicai", "财政局", XLT, "兴隆台区", JAN));
        registry.register(new UnitRegistered("xlt-cicai", "财政局", STZ, "双台子区", MOVED));
        registry.register(new UnitRegistered("stz-zhifa", "综合执法局", STZ, "双台子区", JAN));
        registry.register(new UnitRegistered("xlt-huibin", "汇彬", XLT, "兴隆台区", JAN));
        Map<String, List<UnitMetrics>> months = Map.of(
                "2020-05",
                List.of(metrics("xlt-cicai", "2020-05", 10), metrics("stz-zhifa", "2020-05", 20)),
                "2020-07",
                List.of(
                        metrics("xlt-cicai", "2020-07", 1),
                        metrics("stz-zhifa", "2020-07", 2),
                        metrics("xlt-huibin", "2020-07", 8),
                        metrics("city-unregistered", "2020-07", 4)));
        when(store.unitMetricsStamps()).thenReturn(Mono.just(Map.of()));
        when(store.unitMetrics(anyString()))
                .thenAnswer(
                        call -> Flux.fromIterable(months.getOrDefault(call.getArgument(0, String.class), List.of())));
        controller = new MetricsController(
                store,
                TestSettings.metrics(Duration.ZERO),
                new AssessmentPeriod(0),
                NOW,
                new UnitAccess(registry),
                registry);
    }

    private static UnitMetrics metrics(String unitId, String period, long received) {
        return new UnitMetrics(
                unitId, unitId + " name", Channel.PHONE, period, new Counts(received, 0, 0, 0, 0, 0, 0, 0), 1);
    }

    private WebTestClient as(Scope scope) {
        return WebTestClient.bindToController(controller)
                .controllerAdvice(new ProblemAdvice())
                .argumentResolvers(resolvers -> resolvers.addCustomResolver(new CallerArgumentResolver()))
                .webFilter(TestIdentity.signedIn(new Caller("k1", Role.DASHBOARD, scope)))
                .build();
    }

    @Test
    void givenAUnitMovedInJuneWhenEachJurisdictionsMonthsAreAskedThenItCountsInTheOldOneInMayAndTheNewOneInJuly() {
        as(Scope.ALL)
                .get()
                .uri("/api/v1/overview/months?from=2020-05&to=2020-07&jurisdiction=" + XLT)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.months[0].total.cases")
                .isEqualTo(10)
                .jsonPath("$.months[0].total.units")
                .isEqualTo(1)
                .jsonPath("$.months[1].total.cases")
                .isEqualTo(0)
                .jsonPath("$.months[2].total.cases")
                .isEqualTo(8)
                .jsonPath("$.months[2].total.units")
                .isEqualTo(1);
        as(Scope.ALL)
                .get()
                .uri("/api/v1/overview/months?from=2020-05&to=2020-07&jurisdiction=" + STZ)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.months[0].total.cases")
                .isEqualTo(20)
                .jsonPath("$.months[2].total.cases")
                .isEqualTo(3)
                .jsonPath("$.months[2].total.units")
                .isEqualTo(2);
    }

    @Test
    void givenAUnitMovedInJuneWhenTheUnitTablesAreReadThenEachRowNamesItsJurisdictionAtTheEndOfItsMonth() {
        as(Scope.ALL)
                .get()
                .uri("/api/v1/units?period=2020-05&jurisdiction=" + XLT)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.units.length()")
                .isEqualTo(1)
                .jsonPath("$.units[0].unitId")
                .isEqualTo("xlt-cicai")
                .jsonPath("$.units[0].jurisdiction")
                .isEqualTo(XLT);
        as(Scope.ALL)
                .get()
                .uri("/api/v1/units?period=2020-07&sort=unitId&order=asc")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.units[*].unitId")
                .isEqualTo(List.of("city-unregistered", "stz-zhifa", "xlt-cicai", "xlt-huibin"))
                .jsonPath("$.units[*].jurisdiction")
                .isEqualTo(Arrays.asList(null, STZ, STZ, XLT));
        as(Scope.ALL)
                .get()
                .uri("/api/v1/units/xlt-cicai/months?from=2020-05&to=2020-07")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.months[0].units[0].jurisdiction")
                .isEqualTo(XLT)
                .jsonPath("$.months[2].units[0].jurisdiction")
                .isEqualTo(STZ);
    }

    @Test
    void givenAUnitNeverRegisteredWhenTheOverviewIsAskedThenItCountsCityWideOnly() {
        as(Scope.ALL)
                .get()
                .uri("/api/v1/overview?period=2020-07")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total.cases")
                .isEqualTo(15)
                .jsonPath("$.total.units")
                .isEqualTo(4);
        for (String jurisdiction : List.of(XLT, STZ)) {
            as(Scope.ALL)
                    .get()
                    .uri("/api/v1/units?period=2020-07&jurisdiction=" + jurisdiction)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.units[?(@.unitId == 'city-unregistered')]")
                    .doesNotHaveJsonPath();
        }
        as(Scope.ALL)
                .get()
                .uri("/api/v1/overview?period=2020-07&jurisdiction=" + STZ)
                .exchange()
                .expectBody()
                .jsonPath("$.total.cases")
                .isEqualTo(3);
    }

    @Test
    void givenAJurisdictionNoRegistrationNamesWhenItIsAskedThen404NamingItWithoutReadingTheStore() {
        for (String uri : List.of(
                "/api/v1/overview?period=2020-07&jurisdiction=211199",
                "/api/v1/units?period=2020-07&jurisdiction=211199",
                "/api/v1/overview/months?from=2020-05&to=2020-07&jurisdiction=211199")) {
            as(Scope.ALL)
                    .get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:minxin:problem:not-found")
                    .jsonPath("$.detail")
                    .isEqualTo("no unit is registered in jurisdiction 211199")
                    .jsonPath("$.instance")
                    .isEqualTo(uri.replaceFirst("\\?.*", ""));
        }
        verifyNoInteractions(store);
    }

    @Test
    void givenJurisdictionsWhenTheyAreListedThenEachHasTheUnitsThatBelongNowSortedById() {
        as(Scope.ALL)
                .get()
                .uri("/api/v1/jurisdictions")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        [{"id":"211102","name":"双台子区","units":2},{"id":"211103","name":"兴隆台区","units":1}]""");
    }

    @Test
    void givenAJurisdictionScopedCallerWhenItReadsThenItSeesTheUnitsOfItsJurisdictionOnly() {
        WebTestClient shuangtaizi = as(Scope.jurisdiction(STZ));

        shuangtaizi
                .get()
                .uri("/api/v1/overview?period=2020-07")
                .exchange()
                .expectBody()
                .jsonPath("$.total.cases")
                .isEqualTo(3)
                .jsonPath("$.total.units")
                .isEqualTo(2);
        // asking for another jurisdiction narrows what the scope covers, never widens it: 汇彬 stays out, and 财政局
        // (双台子区's now) answers for May, when it belonged to 兴隆台区
        shuangtaizi
                .get()
                .uri("/api/v1/units?period=2020-07&jurisdiction=" + XLT)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.units.length()")
                .isEqualTo(0);
        shuangtaizi
                .get()
                .uri("/api/v1/units?period=2020-05&jurisdiction=" + XLT)
                .exchange()
                .expectBody()
                .jsonPath("$.units[*].unitId")
                .isEqualTo(List.of("xlt-cicai"));
        shuangtaizi.get().uri("/api/v1/jurisdictions").exchange().expectBody().json("""
                        [{"id":"211102","name":"双台子区","units":2}]""");
        as(Scope.unit("stz-zhifa"))
                .get()
                .uri("/api/v1/jurisdictions")
                .exchange()
                .expectBody()
                .json("""
                        [{"id":"211102","name":"双台子区","units":1}]""");
    }
}
