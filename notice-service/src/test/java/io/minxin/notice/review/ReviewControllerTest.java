package io.minxin.notice.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.audit.AuditEntry;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.PushbackRuling;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.notice.MutableClock;
import io.minxin.notice.decisions.TestDecisionLog;
import io.minxin.notice.mongo.InMemoryMongo;
import io.minxin.notice.pushback.CaseStates;
import io.minxin.notice.review.ReviewSettings.Mode;
import io.minxin.notice.web.TestClients;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.scope.Jurisdictions;
import io.minxin.servicekit.scope.UnitAccess;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The review API: rulings validated field by field, 404 without a candidate, 409 once issued, scopes. */
class ReviewControllerTest {
    static final String ZHIFA = ReviewTest.ZHIFA;
    static final Caller OPERATOR = new Caller("op-key", Role.OPERATOR, Scope.ALL);

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MutableClock clock = new MutableClock(Instant.parse("2020-10-02T02:00:00Z"));
    private final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
    private final Set<String> issuedPeriods = new CopyOnWriteArraySet<>();
    private ReviewFixture fixture;
    private TestDecisionLog decisions;

    @AfterEach
    void stop() {
        mongo.close();
    }

    private WebTestClient client(Mode mode, Caller caller) {
        if (fixture == null) {
            fixture = new ReviewFixture(mongo.database(), clock, mode);
            decisions = new TestDecisionLog(clock, List.of(fixture.decisions()));
            fixture.consume(CaseStates.of("614418", "盘锦市民反映食品安全问题")
                    .accepted(ZHIFA, "盘锦市兴隆台区城市管理综合行政执法局")
                    .returned(ZHIFA, "无营业手续及食品安全问题均不在我局执法范围")
                    .accepted(ZHIFA, "盘锦市兴隆台区城市管理综合行政执法局")
                    .concludedAfterPushback(ZHIFA)
                    .state());
        }
        AuditTrail audit = new AuditTrail("notice-service", clock, audited::add, () -> {});
        IssuedBulletins issued = period -> Mono.just(issuedPeriods.contains(period));
        ReviewRulings rulings = new ReviewRulings(fixture.reviews, decisions.log(), audit, issued, fixture.directory);
        return TestClients.of(
                new ReviewController(fixture.reviews, rulings, new UnitAccess(Jurisdictions.UNKNOWN)), caller);
    }

    private static WebTestClient.ResponseSpec rule(WebTestClient web, String caseId, Map<String, ?> body) {
        return web.post()
                .uri("/api/v1/reviews/" + caseId + "/ruling")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    @Test
    void givenNoVerdictThenEveryMissingFieldIsNamed() {
        WebTestClient web = client(Mode.REVIEW, OPERATOR);

        rule(web, "614418", Map.of())
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("verdict");
        rule(web, "614418", Map.of("verdict", "REASSIGNED"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[*].field")
                .value(fields -> assertThat((List<Object>) fields).containsExactly("ruling", "responsibleUnitId"));
        rule(web, "614418", Map.of("verdict", "DISMISSED"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[*].field")
                .value(fields -> assertThat((List<Object>) fields).containsExactly("reason"));
        rule(web, "614418", Map.of("verdict", "BOGUS"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("verdict");
        assertThat(decisions.published()).isEmpty();
    }

    @Test
    void givenAReassignmentToTheCandidateItselfThenResponsibleUnitIdIsRefused() {
        rule(
                        client(Mode.REVIEW, OPERATOR),
                        "614418",
                        Map.of("verdict", "REASSIGNED", "responsibleUnitId", ZHIFA, "ruling", "应由综合执法局处理"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("responsibleUnitId");
    }

    @Test
    void givenACaseWithoutACandidateThenNotFound() {
        rule(client(Mode.REVIEW, OPERATOR), "999999", Map.of("verdict", "CONFIRMED", "ruling", "应由某单位处理"))
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void givenTheBulletinIsIssuedThenARulingIsAConflict() {
        WebTestClient web = client(Mode.REVIEW, OPERATOR);
        issuedPeriods.add("2020-09");

        rule(web, "614418", Map.of("verdict", "CONFIRMED", "ruling", "应由综合执法局处理"))
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(decisions.published()).isEmpty();
    }

    @Test
    void givenReviewModeWhenConfirmedThenTheCaseEntersTable3WithTheRulingAndItsNoticeIsRaised() {
        WebTestClient web = client(Mode.REVIEW, OPERATOR);
        assertThat(fixture.reviews.poorCases("2020-09").block()).isEmpty();
        assertThat(confirmedNotices()).isEmpty();

        rule(web, "614418", Map.of("verdict", "CONFIRMED", "ruling", "该诉求实际问题为流动商贩问题，应由综合执法局处理", "reason", "与事实一致"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CONFIRMED")
                .jsonPath("$.ruling.decidedBy")
                .isEqualTo("op-key")
                .jsonPath("$.ruling.reason")
                .isEqualTo("与事实一致")
                .jsonPath("$.chargedUnitName")
                .isEqualTo("盘锦市兴隆台区城市管理综合行政执法局");

        String explanation = "综合执法局以“无营业手续及食品安全问题均不在我局执法范围”为由退件，该诉求实际问题为流动商贩问题，应由综合执法局处理，目前该案件已由综合执法局结案。";
        assertThat(fixture.reviews.poorCases("2020-09").block())
                .containsExactly(
                        new ReviewedPoorCase("614418", "盘锦市民反映食品安全问题", ZHIFA, "盘锦市兴隆台区城市管理综合行政执法局", "推诿", explanation));
        assertThat(confirmedNotices())
                .singleElement()
                .satisfies(notice -> assertThat(notice.text()).isEqualTo(explanation));
        Decision decision = decisions.published().get(0);
        assertThat(decision.body())
                .isEqualTo(new PushbackRuling(
                        "614418",
                        PushbackRuling.Verdict.CONFIRMED,
                        ZHIFA,
                        ZHIFA,
                        "盘锦市兴隆台区城市管理综合行政执法局",
                        "该诉求实际问题为流动商贩问题，应由综合执法局处理"));
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("pushback.rule");
            assertThat(entry.target()).isEqualTo("case:614418");
            assertThat(entry.change().path("decisionId").asString()).isEqualTo(decision.id());
            assertThat(entry.change().path("previousStatus").asString()).isEqualTo("PENDING");
        });
    }

    @Test
    void givenAutomaticModeWhenDismissedThenTheCaseLeavesTable3() {
        WebTestClient web = client(Mode.AUTOMATIC, OPERATOR);
        assertThat(fixture.reviews.poorCases("2020-09").block()).hasSize(1);
        assertThat(confirmedNotices()).hasSize(1);

        rule(web, "614418", Map.of("verdict", "DISMISSED", "reason", "退件理由成立"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DISMISSED")
                .jsonPath("$.chargedUnitId")
                .doesNotExist();

        assertThat(fixture.reviews.poorCases("2020-09").block()).isEmpty();
    }

    @Test
    void aUnitScopedDashboardSeesItsOwnCandidatesOnlyAndIsRefusedAnotherUnits() {
        client(Mode.REVIEW, OPERATOR);

        client(Mode.REVIEW, new Caller("own", Role.DASHBOARD, Scope.unit(ZHIFA)))
                .get()
                .uri("/api/v1/reviews?period=2020-09&status=PENDING")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].caseId")
                .isEqualTo("614418");
        WebTestClient other = client(Mode.REVIEW, new Caller("other", Role.DASHBOARD, Scope.unit("xlt-zhenxing")));
        other.get()
                .uri("/api/v1/reviews?period=2020-09")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("[]");
        other.get()
                .uri("/api/v1/reviews?unitId=" + ZHIFA)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        rule(other, "614418", Map.of("verdict", "CONFIRMED", "ruling", "应由综合执法局处理"))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void anUnknownStatusOrPeriodIsNamed() {
        WebTestClient web = client(Mode.REVIEW, OPERATOR);

        web.get()
                .uri("/api/v1/reviews?status=OPEN")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("status");
        web.get()
                .uri("/api/v1/reviews?period=2020-13")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("period");
    }

    private List<Notice> confirmedNotices() {
        return fixture.notices
                .find(NoticeType.PUSHBACK_CONFIRMED, null, "2020-09", 100)
                .collectList()
                .block();
    }
}
