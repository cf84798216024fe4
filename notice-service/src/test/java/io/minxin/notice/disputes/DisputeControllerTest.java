package io.minxin.notice.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.Satisfaction;
import io.minxin.events.audit.AuditEntry;
import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.DisputeDecided;
import io.minxin.events.decision.DisputeFiled;
import io.minxin.events.decision.Exclusion;
import io.minxin.events.decision.Indicator;
import io.minxin.events.decision.PushbackRuling;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.events.notice.ReviewStatus;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.notice.MutableClock;
import io.minxin.notice.cases.CaseFacts;
import io.minxin.notice.cases.CaseFactsStore;
import io.minxin.notice.decisions.TestDecisionLog;
import io.minxin.notice.mongo.InMemoryMongo;
import io.minxin.notice.pushback.CaseStates;
import io.minxin.notice.review.ReviewFixture;
import io.minxin.notice.review.ReviewSettings.Mode;
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

/** Disputes through their API: who files what, the window, one open dispute, and what an acceptance brings. */
class DisputeControllerTest {
    static final String ZHENXING = "xlt-zhenxing";
    static final String HUIBIN = "xlt-huibin";
    static final Caller OPERATOR = new Caller("op-key", Role.OPERATOR, Scope.ALL);
    static final Caller ZHENXING_KEY = new Caller("zx-key", Role.DASHBOARD, Scope.unit(ZHENXING));
    static final Caller HUIBIN_KEY = new Caller("hb-key", Role.DASHBOARD, Scope.unit(HUIBIN));

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MutableClock clock = new MutableClock(Instant.parse("2020-10-09T02:00:00Z"));
    private final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
    private final CaseFactsStore cases = new CaseFactsStore(mongo.database());
    private final ReviewFixture review = new ReviewFixture(mongo.database(), clock, Mode.AUTOMATIC);
    private final TestDecisionLog decisions = new TestDecisionLog(
            clock, List.of(review.decisions(), new DisputeProjection(new DisputeStore(mongo.database()))));

    @BeforeEach
    void casesOfSeptember() {
        // 625810: a 较差件 candidate of 振兴街道; 607226: concluded by 惠宾街道, visit unsatisfied
        var elevator = CaseStates.of("625810", "盘锦市民反映电梯未开通问题")
                .accepted(ZHENXING, "盘锦市兴隆台区振兴街道办事处")
                .returned(ZHENXING, "请分派至住建部门")
                .reassignedAndReturned(ZHENXING, "盘锦市兴隆台区振兴街道办事处", "请分派至住建部门")
                .accepted(ZHENXING, "盘锦市兴隆台区振兴街道办事处")
                .concludedAfterPushback(ZHENXING)
                .state();
        review.consume(elevator);
        cases.put(CaseFacts.of(elevator)).block();
        cases.put(new CaseFacts(
                        "607226",
                        "2020-09",
                        null,
                        "盘锦市某市民反映自来水有杂质问题",
                        HUIBIN,
                        List.of(HUIBIN),
                        Map.of(),
                        HUIBIN,
                        Instant.parse("2020-09-20T02:00:00Z"),
                        true,
                        Satisfaction.UNSATISFIED,
                        false,
                        4))
                .block();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private WebTestClient client(Caller caller) {
        AuditTrail audit = new AuditTrail("notice-service", clock, audited::add, () -> {});
        DisputeWindow window = new DisputeWindow(AssessmentPeriod.calendarMonth(), WorkingCalendar.china(), 5);
        Disputes disputes = new Disputes(
                new DisputeStore(mongo.database()),
                cases,
                review.reviews,
                decisions.log(),
                audit,
                window,
                new UnitAccess(Jurisdictions.UNKNOWN),
                clock);
        return TestClients.of(new DisputeController(disputes), caller);
    }

    private static WebTestClient.ResponseSpec post(WebTestClient web, String path, Map<String, ?> body) {
        return web.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static Map<String, ?> filing(String caseId, String subject) {
        return Map.of("caseId", caseId, "subject", subject, "reason", "住建部门负责电梯验收");
    }

    @Test
    void givenAKeyOfNoUnitThenFilingIsForbidden() {
        post(client(new Caller("dash", Role.DASHBOARD, Scope.ALL)), "/api/v1/disputes", filing("625810", "PUSHBACK"))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void givenMissingFieldsThenEachIsNamed() {
        post(client(ZHENXING_KEY), "/api/v1/disputes", Map.of("subject", "BOGUS"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[*].field")
                .value(fields -> assertThat((List<Object>) fields).containsExactly("caseId", "subject", "reason"));
    }

    @Test
    void givenAnUnknownCaseThenNotFoundAndAnotherUnitsCaseThenForbidden() {
        WebTestClient web = client(ZHENXING_KEY);

        post(web, "/api/v1/disputes", filing("999999", "PUSHBACK"))
                .expectStatus()
                .isNotFound();
        post(web, "/api/v1/disputes", filing("607226", "UNSATISFIED_VISIT"))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void givenASubjectThatDoesNotApplyThenSubjectIsNamed() {
        post(client(ZHENXING_KEY), "/api/v1/disputes", filing("625810", "LATE_CONCLUSION"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("subject");
        post(client(HUIBIN_KEY), "/api/v1/disputes", filing("607226", "PUSHBACK"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("subject");
    }

    @Test
    void givenTheWindowIsOverThenFilingIsAConflict() {
        clock.set(Instant.parse("2020-10-14T16:00:00Z"));

        post(client(ZHENXING_KEY), "/api/v1/disputes", filing("625810", "PUSHBACK"))
                .expectStatus()
                .isEqualTo(409);
        assertThat(decisions.published()).isEmpty();
    }

    @Test
    void givenAnUpheld较差件DisputeThenTheCandidateIsDismissedInTheSameDecisions() {
        WebTestClient unit = client(ZHENXING_KEY);
        String disputeId = post(unit, "/api/v1/disputes", filing("625810", "PUSHBACK"))
                .expectStatus()
                .isCreated()
                .expectBody(Dispute.class)
                .returnResult()
                .getResponseBody()
                .disputeId();
        post(unit, "/api/v1/disputes", filing("625810", "PUSHBACK"))
                .expectStatus()
                .isEqualTo(409);
        client(HUIBIN_KEY)
                .get()
                .uri("/api/v1/disputes/" + disputeId)
                .exchange()
                .expectStatus()
                .isForbidden();
        client(HUIBIN_KEY)
                .get()
                .uri("/api/v1/disputes?period=2020-09")
                .exchange()
                .expectBody()
                .json("[]");

        WebTestClient operator = client(OPERATOR);
        post(operator, "/api/v1/disputes/" + disputeId + "/decision", Map.of("accepted", true))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("reason");
        post(operator, "/api/v1/disputes/" + disputeId + "/decision", Map.of("accepted", true, "reason", "电梯属住建"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.decision.accepted")
                .isEqualTo(true);
        post(operator, "/api/v1/disputes/" + disputeId + "/decision", Map.of("accepted", false, "reason", "再议"))
                .expectStatus()
                .isEqualTo(409);
        post(operator, "/api/v1/disputes/none/decision", Map.of("accepted", false, "reason", "再议"))
                .expectStatus()
                .isNotFound();

        unit.get()
                .uri("/api/v1/disputes/" + disputeId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACCEPTED");
        List<Decision> published = decisions.published();
        assertThat(published)
                .extracting(decision -> decision.body().getClass().getSimpleName())
                .containsExactly("DisputeFiled", "DisputeDecided", "PushbackRuling");
        assertThat(published.get(0).body())
                .isEqualTo(new DisputeFiled(
                        disputeId, "625810", ZHENXING, io.minxin.events.decision.DisputeSubject.PUSHBACK));
        assertThat(published.get(1).body()).isEqualTo(new DisputeDecided(disputeId, "625810", ZHENXING, true));
        assertThat(published.get(2).body())
                .isEqualTo(new PushbackRuling(
                        "625810", PushbackRuling.Verdict.DISMISSED, ZHENXING, null, null, "", disputeId));
        assertThat(published.get(2).reason()).isEqualTo("申诉成立：电梯属住建");
        assertThat(review.reviews
                        .review("625810")
                        .map(r -> r.status(Mode.AUTOMATIC))
                        .block())
                .isEqualTo(ReviewStatus.DISMISSED);
        assertThat(audited).extracting(AuditEntry::action).containsExactly("dispute.file", "dispute.decide");
    }

    @Test
    void givenAnUpheldVisitDisputeThenTheCaseIsExcludedFromTheRateWithTheDisputeNamed() {
        String disputeId = post(client(HUIBIN_KEY), "/api/v1/disputes", filing("607226", "UNSATISFIED_VISIT"))
                .expectStatus()
                .isCreated()
                .expectBody(Dispute.class)
                .returnResult()
                .getResponseBody()
                .disputeId();

        post(
                        client(OPERATOR),
                        "/api/v1/disputes/" + disputeId + "/decision",
                        Map.of("accepted", true, "reason", "无理诉求"))
                .expectStatus()
                .isOk();

        Decision excluded = decisions.published().get(2);
        assertThat(excluded.body())
                .isEqualTo(new Exclusion("607226", List.of(Indicator.SATISFACTION_RATE), true, disputeId));
        assertThat(excluded.period()).isEqualTo("2020-09");
        assertThat(excluded.reason()).isEqualTo("申诉成立：无理诉求");
    }

    @Test
    void givenARejectionThenNothingElseIsDecided() {
        String disputeId = post(client(HUIBIN_KEY), "/api/v1/disputes", filing("607226", "UNSATISFIED_VISIT"))
                .expectBody(Dispute.class)
                .returnResult()
                .getResponseBody()
                .disputeId();

        post(
                        client(OPERATOR),
                        "/api/v1/disputes/" + disputeId + "/decision",
                        Map.of("accepted", false, "reason", "回访属实"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("REJECTED");
        assertThat(decisions.published()).hasSize(2);
    }
}
