package io.minxin.notice.exclusions;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.Channel;
import io.minxin.events.audit.AuditEntry;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.Exclusion;
import io.minxin.events.decision.Indicator;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.events.notice.ExcludedIndicator;
import io.minxin.notice.MutableClock;
import io.minxin.notice.cases.CaseFacts;
import io.minxin.notice.cases.CaseFactsStore;
import io.minxin.notice.decisions.Orders;
import io.minxin.notice.decisions.TestDecisionLog;
import io.minxin.notice.mongo.InMemoryMongo;
import io.minxin.notice.web.TestClients;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.scope.Jurisdictions;
import io.minxin.servicekit.scope.UnitAccess;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** Exclusions through their API, and their projection whatever the order of the decisions. */
class ExclusionControllerTest {
    static final String HUIBIN = "xlt-huibin";
    static final Caller OPERATOR = new Caller("op-key", Role.OPERATOR, Scope.ALL);
    static final Instant T = Instant.parse("2020-10-09T02:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MutableClock clock = new MutableClock(T);
    private final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
    private final CaseFactsStore cases = new CaseFactsStore(mongo.database());
    private final ExclusionStore store = new ExclusionStore(mongo.database());
    private final ExclusionProjection projection = new ExclusionProjection(store);
    private final TestDecisionLog decisions = new TestDecisionLog(clock, List.of(projection));

    @BeforeEach
    void aCaseOfHuibin() {
        cases.put(new CaseFacts(
                        "607226",
                        "2020-09",
                        Channel.WEB,
                        "自来水有杂质",
                        HUIBIN,
                        List.of(HUIBIN),
                        Map.of(),
                        HUIBIN,
                        T,
                        true,
                        null,
                        null,
                        3))
                .block();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private WebTestClient client(Caller caller) {
        AuditTrail audit = new AuditTrail("notice-service", clock, audited::add, () -> {});
        Exclusions exclusions =
                new Exclusions(store, cases, decisions.log(), audit, new UnitAccess(Jurisdictions.UNKNOWN));
        return TestClients.of(new ExclusionController(exclusions), caller);
    }

    private static WebTestClient.ResponseSpec exclude(WebTestClient web, Map<String, ?> body) {
        return web.post()
                .uri("/api/v1/exclusions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    @Test
    void givenBadFieldsThenEachIsNamed() {
        exclude(client(OPERATOR), Map.of("indicators", List.of("satisfactionRate", "BOGUS")))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[*].field")
                .value(fields ->
                        assertThat((List<Object>) fields).containsExactly("caseId", "indicators[1]", "reason"));
        exclude(client(OPERATOR), Map.of("caseId", "1", "indicators", List.of(), "reason", "r"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("indicators");
    }

    @Test
    void givenAnUnknownCaseThenNotFoundAndADashboardThenForbidden() {
        exclude(client(OPERATOR), Map.of("caseId", "999", "indicators", List.of("returns"), "reason", "r"))
                .expectStatus()
                .isNotFound();
        exclude(
                        client(new Caller("d", Role.DASHBOARD, Scope.ALL)),
                        Map.of("caseId", "607226", "indicators", List.of("returns"), "reason", "r"))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void givenAnExclusionThenItIsDecidedAuditedAndListedForItsUnitOnly() {
        exclude(
                        client(OPERATOR),
                        Map.of("caseId", "607226", "indicators", List.of("satisfactionRate"), "reason", "无理诉求"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.period")
                .isEqualTo("2020-09")
                .jsonPath("$.indicators[0]")
                .isEqualTo("satisfactionRate");

        assertThat(decisions.published())
                .singleElement()
                .satisfies(decision -> assertThat(decision.body())
                        .isEqualTo(new Exclusion("607226", List.of(Indicator.SATISFACTION_RATE), true, null)));
        assertThat(audited).extracting(AuditEntry::action).containsExactly("case.exclude");
        client(new Caller("hb", Role.DASHBOARD, Scope.unit(HUIBIN)))
                .get()
                .uri("/api/v1/exclusions?period=2020-09")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].caseId")
                .isEqualTo("607226")
                .jsonPath("$[0].indicator")
                .isEqualTo("satisfactionRate")
                .jsonPath("$[0].reason")
                .isEqualTo("无理诉求")
                .jsonPath("$[0].unitIds[0]")
                .isEqualTo(HUIBIN);
        WebTestClient other = client(new Caller("zx", Role.DASHBOARD, Scope.unit("xlt-zhenxing")));
        other.get()
                .uri("/api/v1/exclusions?period=2020-09")
                .exchange()
                .expectBody()
                .json("[]");
        other.get()
                .uri("/api/v1/exclusions?unitId=" + HUIBIN)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void givenExclusionsAndAWithdrawalInAnyOrderTwiceThenTheLatestPerIndicatorStands() {
        Decision both = exclusion("a", T, List.of(Indicator.SATISFACTION_RATE, Indicator.RETURNS), true);
        Decision withdrawn = exclusion("b", T.plusSeconds(1), List.of(Indicator.SATISFACTION_RATE), false);
        Decision olderOnTime = exclusion("c", T.minusSeconds(1), List.of(Indicator.ON_TIME_RATE), true);
        List<ExcludedIndicator> expected = null;

        for (List<Decision> order : Orders.permutations(List.of(both, withdrawn, olderOnTime))) {
            Mono.from(mongo.database().getCollection("exclusions").drop()).block();
            Orders.twice(order).forEach(decision -> projection.apply(decision).block());

            List<ExcludedIndicator> stored = store.find("2020-09").collectList().block();
            assertThat(stored)
                    .extracting(
                            ExcludedIndicator::indicator, ExcludedIndicator::excluded, ExcludedIndicator::decisionId)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(Indicator.SATISFACTION_RATE, false, "b"),
                            org.assertj.core.groups.Tuple.tuple(Indicator.RETURNS, true, "a"),
                            org.assertj.core.groups.Tuple.tuple(Indicator.ON_TIME_RATE, true, "c"));
            if (expected == null) {
                expected = stored;
            }
            assertThat(stored).as("order %s", order).isEqualTo(expected);
        }
    }

    private static Decision exclusion(String id, Instant at, List<Indicator> indicators, boolean excluded) {
        return new Decision(
                id, "2020-09", "op", "operator", at, "剔除", new Exclusion("607226", indicators, excluded, null));
    }
}
