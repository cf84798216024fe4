package io.minxin.notice.letters;

import static io.minxin.notice.letters.LetterFixture.HUIBIN;
import static io.minxin.notice.letters.LetterFixture.HUIBIN_NAME;
import static io.minxin.notice.letters.LetterFixture.MISSED;
import static io.minxin.notice.letters.LetterFixture.ZHENXING;
import static io.minxin.notice.letters.LetterFixture.ZHENXING_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minxin.events.audit.AuditAction;
import io.minxin.events.audit.AuditEntry;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.LetterAcknowledged;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.notice.MutableClock;
import io.minxin.notice.bulletin.BulletinRenderer;
import io.minxin.notice.decisions.TestDecisionLog;
import io.minxin.notice.mongo.InMemoryMongo;
import io.minxin.notice.notices.NoticeStore;
import io.minxin.notice.notices.Notices;
import io.minxin.notice.web.TestClients;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.scope.Jurisdictions;
import io.minxin.servicekit.scope.UnitAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** 提示函 through their API: listed by scope, rendered, acknowledged once by their own unit. */
class LetterControllerTest {
    static final Caller CITY = new Caller("dash-key", Role.DASHBOARD, Scope.ALL);
    static final Caller OPERATOR = new Caller("op-key", Role.OPERATOR, Scope.ALL);
    static final Caller ZHENXING_KEY = new Caller("zx-key", Role.DASHBOARD, Scope.unit(ZHENXING));
    static final Caller HUIBIN_KEY = new Caller("hb-key", Role.DASHBOARD, Scope.unit(HUIBIN));

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MutableClock clock = new MutableClock(Instant.parse("2020-09-15T02:00:00Z"));
    private final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
    private final Notices notices =
            new Notices(new NoticeStore(mongo.database(), clock), List.of(), new SimpleMeterRegistry(), clock);
    private final Acknowledgements acknowledgements = new Acknowledgements(mongo.database());
    private final TestDecisionLog decisions = new TestDecisionLog(clock, List.of(acknowledgements));

    @BeforeEach
    void twoLettersOfTheSameDay() {
        // emitted in the order the duty check raises them: Zhenxing's first, then by unit id on the same day
        notices.emit(LetterFixture.letter(ZHENXING, ZHENXING_NAME, MISSED.subList(0, 4)))
                .block();
        notices.emit(LetterFixture.letter(HUIBIN, HUIBIN_NAME, MISSED.subList(0, 4)))
                .block();
        acknowledgements.ensureIndexes().block();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private WebTestClient client(Caller caller) {
        AuditTrail audit = new AuditTrail("notice-service", clock, audited::add, () -> {});
        Letters letters = new Letters(
                notices,
                acknowledgements,
                LetterFixture.composer(),
                decisions.log(),
                audit,
                new UnitAccess(Jurisdictions.UNKNOWN));
        return TestClients.of(new LetterController(letters, new BulletinRenderer()), caller);
    }

    private static WebTestClient.ResponseSpec acknowledge(WebTestClient web, String unitId, String month) {
        return web.post()
                .uri("/api/v1/letters/{unitId}/{month}/acknowledgement", unitId, month)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reply", "已安排专人值守"))
                .exchange();
    }

    @Test
    void givenTwoLettersOfOneDay_whenListedCityWide_thenNumberedByUnitAndBothIssued() {
        client(CITY)
                .get()
                .uri("/api/v1/letters?period=2020-09")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].unitId")
                .isEqualTo(HUIBIN)
                .jsonPath("$[0].documentNumber")
                .isEqualTo("兴隆营商提示〔2020〕1号")
                .jsonPath("$[1].documentNumber")
                .isEqualTo("兴隆营商提示〔2020〕2号")
                .jsonPath("$[1].status")
                .isEqualTo("ISSUED")
                .jsonPath("$[1].issueDate")
                .isEqualTo("2020-09-14")
                .jsonPath("$[1].html")
                .isEqualTo("/api/v1/letters/xlt-zhenxing/2020-09.html");
    }

    @Test
    void givenAUnitKey_whenListing_thenOnlyItsOwnLettersAndAnotherUnitsIsForbidden() {
        client(ZHENXING_KEY)
                .get()
                .uri("/api/v1/letters")
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].unitId")
                .isEqualTo(ZHENXING);
        client(ZHENXING_KEY)
                .get()
                .uri("/api/v1/letters?unitId=" + HUIBIN)
                .exchange()
                .expectStatus()
                .isForbidden();
        client(ZHENXING_KEY)
                .get()
                .uri("/api/v1/letters/{unitId}/2020-09", HUIBIN)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void givenItsUnitsKey_whenAcknowledged_thenDecidedAuditedListedAndNotTwice() {
        acknowledge(client(ZHENXING_KEY), ZHENXING, "2020-09")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACKNOWLEDGED")
                .jsonPath("$.acknowledgement.reply")
                .isEqualTo("已安排专人值守")
                .jsonPath("$.acknowledgement.by")
                .isEqualTo("zx-key");

        assertThat(decisions.published())
                .singleElement()
                .satisfies(decision -> assertThat(decision.body())
                        .isEqualTo(new LetterAcknowledged("duty-letter|xlt-zhenxing|2020-09", ZHENXING)));
        assertThat(audited)
                .singleElement()
                .satisfies(entry -> assertThat(entry.action()).isEqualTo(AuditAction.LETTER_ACKNOWLEDGE.wireName()));
        acknowledge(client(ZHENXING_KEY), ZHENXING, "2020-09").expectStatus().isEqualTo(409);
        client(CITY)
                .get()
                .uri("/api/v1/letters?acknowledged=false")
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].unitId")
                .isEqualTo(HUIBIN);
    }

    @Test
    void givenAnotherCaller_whenAcknowledging_thenForbiddenAndAnUnknownLetterIsNotFound() {
        acknowledge(client(HUIBIN_KEY), ZHENXING, "2020-09").expectStatus().isForbidden();
        acknowledge(client(OPERATOR), ZHENXING, "2020-09").expectStatus().isForbidden();
        acknowledge(client(CITY), ZHENXING, "2020-09").expectStatus().isForbidden();
        acknowledge(client(ZHENXING_KEY), ZHENXING, "2020-10").expectStatus().isNotFound();
        assertThat(decisions.published()).isEmpty();
    }

    @Test
    void givenTheDecisionAppliedAgain_whenRead_thenOneAcknowledgement() {
        acknowledge(client(ZHENXING_KEY), ZHENXING, "2020-09").expectStatus().isCreated();
        Decision decision = decisions.published().get(0);

        decisions.replay(decision).block();
        decisions.replay(decision).block();

        assertThat(acknowledgements.all().block()).hasSize(1);
        assertThat(acknowledgements
                        .of("duty-letter|xlt-zhenxing|2020-09")
                        .block()
                        .decisionId())
                .isEqualTo(decision.id());
    }

    @Test
    void givenALetter_whenRendered_thenHtmlAndDocxInThe公文Layout() {
        client(ZHENXING_KEY)
                .get()
                .uri("/api/v1/letters/{unitId}/2020-09.html", ZHENXING)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains("兴隆营商提示〔2020〕2号")
                        .contains("<p class=\"addressee\">盘锦市兴隆台区振兴街道办事处：</p>")
                        .contains("9月3日、9月8日、9月10日、9月14日。")
                        .contains("每个月超过3天未登录"));
        client(ZHENXING_KEY)
                .mutate()
                // POI's first document in a JVM takes seconds on a loaded machine
                .responseTimeout(Duration.ofSeconds(60))
                .build()
                .get()
                .uri("/api/v1/letters/{unitId}/2020-09.docx", ZHENXING)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(LetterController.DOCX);
    }
}
