package io.minxin.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import io.minxin.events.UnitLogin;
import io.minxin.events.UnitRegistered;
import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.events.ranking.PolicyRef;
import io.minxin.events.ranking.RankingInputs;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RankingRow;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.localstack.LocalStackExtension;
import io.minxin.notice.duty.DutyLedger;
import io.minxin.notice.duty.LoginFeed;
import io.minxin.notice.pushback.CaseStates;
import io.minxin.servicekit.identity.ServicePortChecks;
import io.minxin.servicekit.identity.TestIdentity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** From case-state, unit-metrics and rankings records on a real broker to stored, published and served notices. */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "minxin.mongodb.database=minxin_notice_it",
            "minxin.notice.delivery.poll-interval=PT0.2S",
            // the test's webhook receiver listens on loopback, which webhooks reach only when allowed
            "minxin.notice.webhooks.allowed-networks=127.0.0.1/32"
        })
// rendering the first DOCX loads POI, which takes seconds on a busy machine
@AutoConfigureWebTestClient(timeout = "PT60S")
// closes the application before the shared stack stops at the end of the run
@DirtiesContext
class NoticeServiceIT {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String AUDIENCE = "notice-service";
    static final TestIdentity IDENTITY = TestIdentity.shared();

    private static KafkaProducer<String, byte[]> producer;
    private static KafkaConsumer<String, byte[]> noticesTopic;
    private static final Map<String, JsonNode> published = new ConcurrentHashMap<>();

    /** Calls without a token; {@link #web} calls as the gateway does for an operator. */
    @Autowired
    WebTestClient anonymous;

    WebTestClient web;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @Autowired
    DutyLedger dutyLedger;

    @Autowired
    LoginFeed loginFeed;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        TestIdentity.register(registry);
    }

    @BeforeEach
    void asOperator() {
        web = as(Role.OPERATOR);
    }

    private WebTestClient as(Role role) {
        return anonymous
                .mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, IDENTITY.bearer(role, Scope.ALL, AUDIENCE))
                .build();
    }

    @BeforeAll
    static void clients() {
        // the consumer of 'notices' is read from the awaiting thread only
        Awaitility.pollInSameThread();
        String brokers = LocalStackExtension.kafkaBootstrapServers();
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(),
                new ByteArraySerializer());
        noticesTopic = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        brokers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "notice-it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        noticesTopic.subscribe(List.of(Topics.NOTICES));
    }

    @AfterAll
    static void close() {
        producer.close();
        noticesTopic.close();
    }

    @Test
    void caseStatesBecomeStoredPublishedAndServedNotices() {
        String caseId = "it-" + UUID.randomUUID();
        CaseStates states = CaseStates.of(caseId, "盘锦市民反映电梯未开通问题")
                .accepted("xlt-zhenxing", "盘锦市兴隆台区振兴街道办事处")
                .returned("xlt-zhenxing", "请分派至住建部门")
                .reassignedAndReturned("xlt-zhenxing", "盘锦市兴隆台区振兴街道办事处", "请分派至住建部门");
        send(Topics.CASE_STATE, caseId, states.state());
        CaseState concluded = states.reassignedAndReturned("xlt-zhenxing", "盘锦市兴隆台区振兴街道办事处", "请分派至住建部门")
                .accepted("xlt-zhenxing", "盘锦市兴隆台区振兴街道办事处")
                .concludedAfterPushback("xlt-zhenxing")
                .state();
        send(Topics.CASE_STATE, caseId, concluded);
        send(Topics.CASE_STATE, caseId, concluded);
        Set<String> expected = Set.of(
                "pushback-alert|" + caseId + "|xlt-zhenxing|UNIT_RETURNS",
                "pushback-alert|" + caseId + "|xlt-zhenxing|CASE_RETURNS",
                "pushback-confirmed|" + caseId + "|xlt-zhenxing");

        await().atMost(WAIT).untilAsserted(() -> assertThat(publishedIds()).containsAll(expected));

        JsonNode confirmed = published.get("pushback-confirmed|" + caseId + "|xlt-zhenxing");
        assertThat(confirmed.path("type").asString()).isEqualTo("PUSHBACK_CONFIRMED");
        assertThat(confirmed.path("text").asString()).isEqualTo("振兴街道三次均以“请分派至住建部门”为由退件，目前该案件已由振兴街道结案。");
        List<JsonNode> stored = web.get()
                .uri("/api/v1/notices?period=2020-09&unitId=xlt-zhenxing")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(stored)
                .filteredOn(n -> n.path("caseId").asString().equals(caseId))
                .extracting(n -> n.path("id").asString())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aRankingRevisionClosesThePeriodAndRaisesMissedTargets() {
        String unitId = "it-unit-" + UUID.randomUUID();
        // forecasts are raised only while the period runs
        String period = AssessmentPeriod.calendarMonth().nameOf(Instant.now());
        UnitMetrics metrics = new UnitMetrics(
                unitId, "盘锦市兴隆台区测试街道办事处", Channel.PHONE, period, new Counts(30, 26, 25, 20, 20, 10, 0, 0), 3);
        send(Topics.UNIT_METRICS, metrics.key(), metrics);
        String forecast = "target-forecast|" + unitId + "|PHONE|" + period + "|ON_TIME";
        await().atMost(WAIT).untilAsserted(() -> assertThat(publishedIds()).contains(forecast));

        // the live ranking of the open period: shown by the draft, said to be live, and no close
        RankingRevision live = revision(period, unitId, RevisionStatus.LIVE);
        send(Topics.RANKINGS, live.key(), live);
        await().atMost(WAIT)
                .untilAsserted(() -> web.get()
                        .uri("/api/v1/bulletins/" + period)
                        .exchange()
                        .expectBody()
                        .jsonPath("$.facts.liveRanking")
                        .isEqualTo(true)
                        .jsonPath("$.facts.phoneTop[0].unitName")
                        .isEqualTo("盘锦市兴隆台区测试街道办事处"));
        assertThat(publishedIds()).doesNotContain("target-missed|" + unitId + "|PHONE|" + period + "|COMPLETION");

        send(Topics.RANKINGS, RankingRevision.key(period, Channel.PHONE), revision(period, unitId));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(publishedIds())
                        .contains(
                                "target-missed|" + unitId + "|PHONE|" + period + "|COMPLETION",
                                "target-missed|" + unitId + "|PHONE|" + period + "|ON_TIME")
                        .doesNotContain("target-missed|" + unitId + "|PHONE|" + period + "|SATISFACTION"));
        web.get()
                .uri("/api/v1/bulletins/" + period)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DRAFT")
                .jsonPath("$.facts.liveRanking")
                .isEqualTo(false)
                .jsonPath("$.facts.phoneTop[0].unitName")
                .isEqualTo("盘锦市兴隆台区测试街道办事处");
    }

    @Test
    void operatorRoutesNeedTheOperatorRole() {
        WebTestClient dashboard = as(Role.DASHBOARD);
        dashboard.get().uri("/api/v1/subscriptions").exchange().expectStatus().isForbidden();
        dashboard
                .post()
                .uri("/api/v1/bulletins/2020-07/issue")
                .exchange()
                .expectStatus()
                .isForbidden();

        web.post()
                .uri("/api/v1/subscriptions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "kind",
                        "WECOM",
                        "url",
                        "https://robot.example.invalid/cgi-bin/webhook/send?key=secret-key",
                        "types",
                        List.of("DUTY_LETTER")))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.url")
                .isEqualTo("https://robot.example.invalid/cgi-bin/webhook/send?…")
                .jsonPath("$.types[0]")
                .isEqualTo("DUTY_LETTER");
        web.post()
                .uri("/api/v1/subscriptions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "GENERIC", "url", "ftp://example.org"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void onItsOwnPortTheServiceRefusesCallsWithoutTheGatewaysTokenAndRolesTheGatewayWouldRefuse() {
        ServicePortChecks checks = new ServicePortChecks(anonymous, AUDIENCE);
        checks.refusesCallsWithoutAValidToken(HttpMethod.GET, "/api/v1/subscriptions");
        checks.refusesCallsWithoutAValidToken(HttpMethod.POST, "/api/v1/bulletins/2020-07/issue");
        checks.refusesRole(Role.INTEGRATION, HttpMethod.GET, "/api/v1/notices?period=2020-07");
        checks.refusesRole(Role.DASHBOARD, HttpMethod.DELETE, "/api/v1/subscriptions/any");
        checks.refusesRole(Role.DASHBOARD, HttpMethod.PATCH, "/api/v1/bulletins/2020-07/draft");
        checks.refusesRole(Role.DASHBOARD, HttpMethod.POST, "/api/v1/bulletins/2020-07/corrections");
        checks.leavesProbesOpen();
    }

    @Test
    void badSubscriptionIsRefusedWithItsViolations() {
        web.post()
                .uri("/api/v1/subscriptions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "ftp://example.org", "secret", " "))
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
                .isEqualTo("/api/v1/subscriptions")
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.violations[*].field")
                .value(fields -> assertThat((List<Object>) fields).containsExactly("kind", "url", "secret"));
        web.get()
                .uri("/api/v1/notices?limit=0")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("limit");
        as(Role.DASHBOARD)
                .get()
                .uri("/api/v1/subscriptions")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("about:blank")
                .jsonPath("$.instance")
                .isEqualTo("/api/v1/subscriptions");
    }

    @Test
    void bulletinOfAPeriodWithoutDataIsNotFound() {
        for (String path : List.of("/api/v1/bulletins/2039-01", "/api/v1/bulletins/2039-01.md")) {
            web.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:minxin:problem:not-found")
                    .jsonPath("$.instance")
                    .isEqualTo(path);
        }
        web.post()
                .uri("/api/v1/bulletins/2039-01/issue")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void bulletinIsRenderedIssuedOnceAndDeliveredToItsWebhook() throws IOException {
        List<String> delivered = new CopyOnWriteArrayList<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = "sha256=" + HexFormat.of().formatHex(hmac("it-secret", body));
            if (signature.equals(exchange.getRequestHeaders().getFirst("X-Minxin-Signature"))) {
                delivered.add(exchange.getRequestHeaders().getFirst("X-Minxin-Notice-Id"));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        try {
            String subscription = web.post()
                    .uri("/api/v1/subscriptions")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "kind",
                            "GENERIC",
                            "url",
                            "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook",
                            "secret",
                            "it-secret",
                            "types",
                            List.of("BULLETIN_ISSUED")))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody()
                    .path("id")
                    .asString();
            // a period without data has no bulletin: one unit's metrics of July, every target met
            UnitMetrics july = new UnitMetrics(
                    "it-july-" + UUID.randomUUID(),
                    "盘锦市兴隆台区测试街道办事处",
                    Channel.WEB,
                    "2020-07",
                    new Counts(10, 10, 10, 10, 10, 10, 0, 0),
                    1);
            send(Topics.UNIT_METRICS, july.key(), july);
            await().atMost(WAIT)
                    .untilAsserted(() -> web.get()
                            .uri("/api/v1/bulletins/2020-07")
                            .exchange()
                            .expectStatus()
                            .isOk());
            web.get()
                    .uri("/api/v1/bulletins/2020-07.md")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentTypeCompatibleWith("text/markdown")
                    .expectBody(String.class)
                    .value(md -> assertThat(md).contains("“评优评差”情况通报"));
            web.get()
                    .uri("/api/v1/bulletins/2020-07.html")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.TEXT_HTML);
            web.get()
                    .uri("/api/v1/bulletins/2020-07.docx")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                    .expectBody(byte[].class)
                    .value(docx -> assertThat(new String(docx, 0, 2, StandardCharsets.ISO_8859_1))
                            .isEqualTo("PK"));

            web.post()
                    .uri("/api/v1/bulletins/2020-07/issue")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("number", 7, "sequence", 5, "issueDate", "2020-10-29"))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("ISSUED")
                    .jsonPath("$.documentNumber")
                    .isEqualTo("兴隆营商督字〔2020〕7号")
                    .jsonPath("$.facts.issue.sequence")
                    .isEqualTo(5);
            web.post()
                    .uri("/api/v1/bulletins/2020-07/issue")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(409);
            // the issue is a decision on topic decisions, its projection the revision; nothing to correct yet
            web.post()
                    .uri("/api/v1/bulletins/2020-07/corrections")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("reason", "复核"))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(409);
            web.get()
                    .uri("/api/v1/bulletins/2020-07/revisions")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[0].documentNumber")
                    .isEqualTo("兴隆营商督字〔2020〕7号")
                    .jsonPath("$.length()")
                    .isEqualTo(1);

            await().atMost(WAIT).untilAsserted(() -> assertThat(publishedIds()).contains("bulletin-issued|2020-07"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(delivered).containsExactly("bulletin-issued|2020-07"));
            String breaker = "webhook-" + subscription;
            assertThat(breakers.getCircuitBreakerRegistry()
                            .circuitBreaker(breaker)
                            .getCircuitBreakerConfig()
                            .getSlidingWindowSize())
                    .as("the delivery settings configure every webhook breaker")
                    .isEqualTo(10);
            assertThat(breakers.getTimeLimiterRegistry()
                            .timeLimiter(breaker)
                            .getTimeLimiterConfig()
                            .getTimeoutDuration())
                    .isEqualTo(Duration.ofSeconds(20));
            // the delivery is counted once the outbox marked it, just after the webhook answered
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(prometheus())
                            .contains(
                                    "minxin_notices_total{",
                                    "type=\"BULLETIN_ISSUED\"",
                                    "minxin_webhook_outbox_pending",
                                    "minxin_webhook_deliveries_total{",
                                    "outcome=\"delivered\"",
                                    "resilience4j_circuitbreaker_state{",
                                    "webhook-" + subscription));
        } finally {
            // only at the end: stopping earlier could cut the answer to the delivery the test just saw
            webhook.stop(0);
        }
    }

    @Test
    void givenUnitsOfTwoJurisdictionsThenEachJurisdictionsBulletinListsItsOwnUnitsAndIsItsFirstIssue() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String xinglongtai = "211103-" + run;
        String shuangtaizi = "211102-" + run;
        String road = "it-road-" + run;
        String water = "it-water-" + run;
        Instant registered = Instant.parse("2020-01-01T00:00:00Z");
        send(
                Topics.UNIT_ACTIVITY,
                road,
                CaseEvent.of("reg-" + road, "/it", new UnitRegistered(road, "兴隆路政所", xinglongtai, "兴隆台区", registered)));
        send(
                Topics.UNIT_ACTIVITY,
                water,
                CaseEvent.of(
                        "reg-" + water, "/it", new UnitRegistered(water, "双台供水所", shuangtaizi, "双台子区", registered)));
        String period = "2020-05";
        for (UnitMetrics metrics : List.of(
                new UnitMetrics(road, "兴隆路政所", Channel.PHONE, period, new Counts(30, 26, 25, 20, 20, 10, 0, 0), 1),
                new UnitMetrics(water, "双台供水所", Channel.PHONE, period, new Counts(7, 7, 7, 7, 7, 7, 0, 0), 1))) {
            send(Topics.UNIT_METRICS, metrics.key(), metrics);
        }
        RankingRevision ranking =
                revision(period, RevisionStatus.PUBLISHED, List.of(row(1, road, "兴隆路政所"), row(2, water, "双台供水所")));
        send(Topics.RANKINGS, ranking.key(), ranking);

        await().atMost(WAIT)
                .untilAsserted(() -> web.get()
                        .uri("/api/v1/bulletins/" + period + "?jurisdiction=" + shuangtaizi)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.facts.phoneTop[*].unitName")
                        .isEqualTo(List.of("双台供水所"))
                        .jsonPath("$.facts.phoneTop[0].rank")
                        .isEqualTo(1)
                        .jsonPath("$.facts.overview.casesReceived")
                        .isEqualTo(7));
        await().atMost(WAIT)
                .untilAsserted(() -> web.get()
                        .uri("/api/v1/bulletins/" + period + "?jurisdiction=" + xinglongtai)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.facts.phoneTop[*].unitName")
                        .isEqualTo(List.of("兴隆路政所"))
                        .jsonPath("$.facts.overview.casesReceived")
                        .isEqualTo(30));

        for (String jurisdiction : List.of(xinglongtai, shuangtaizi)) {
            web.post()
                    .uri("/api/v1/bulletins/" + period + "/issue?jurisdiction=" + jurisdiction)
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.jurisdiction")
                    .isEqualTo(jurisdiction)
                    .jsonPath("$.facts.issue.sequence")
                    .isEqualTo(1)
                    .jsonPath("$.documentNumber")
                    .value(number -> assertThat((String) number).endsWith("〕1号"));
        }
        web.get()
                .uri("/api/v1/bulletins/" + period + ".md?jurisdiction=" + shuangtaizi)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(md -> assertThat(md)
                        .contains("双台子区 8890（民心网）工作")
                        .contains("双台供水所")
                        .doesNotContain("兴隆路政所"));
        web.get()
                .uri("/api/v1/bulletins/" + period + "?jurisdiction=211199-" + run)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void committedLoginsReachTheDutyLedgerAndTheFeedIsThenCaughtUp() {
        String unitId = "it-unit-" + UUID.randomUUID();
        String aborted = unitId + "-aborted";
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (KafkaProducer<String, byte[]> intake = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        LocalStackExtension.kafkaBootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "notice-it-" + UUID.randomUUID()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            intake.initTransactions();
            intake.beginTransaction();
            intake.send(login(aborted, at));
            intake.abortTransaction();
            intake.beginTransaction();
            intake.send(login(unitId, at));
            intake.commitTransaction();
        }
        LocalDate day = LocalDate.ofInstant(at, WorkingCalendar.ZONE);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(dutyLedger.unitsLoggedIn(day, at.plusSeconds(1))).contains(unitId);
            assertThat(dutyLedger.loginProgress().watermark()).isAfterOrEqualTo(at);
            // the binder hands the listener each record's partition and offset: the ledger's, not the group's, count
            assertThat(dutyLedger.consumedOffsets(Topics.UNIT_ACTIVITY)).isNotEmpty();
            assertThat(loginFeed.caughtUp()).isTrue();
        });
        assertThat(dutyLedger.unitsLoggedIn(day, at.plusSeconds(1))).doesNotContain(aborted);
    }

    private static ProducerRecord<String, byte[]> login(String unitId, Instant at) {
        CaseEvent event = CaseEvent.of("login-" + unitId, "/platform/notice-it", new UnitLogin(unitId, at));
        return new ProducerRecord<>(Topics.UNIT_ACTIVITY, unitId, EventJson.toBytes(event));
    }

    private String prometheus() {
        return web.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RankingRevision revision(String period, String unitId) {
        return revision(period, unitId, RevisionStatus.PUBLISHED);
    }

    private static RankingRevision revision(String period, String unitId, RevisionStatus status) {
        return revision(period, status, List.of(row(1, unitId, "盘锦市兴隆台区测试街道办事处")));
    }

    private static RankingRow row(int rank, String unitId, String unitName) {
        Counts counts = new Counts(30, 26, 25, 20, 20, 10, 0, 0);
        RankingInputs inputs = new RankingInputs(counts, counts.rates());
        return new RankingRow(
                rank, unitId, unitName, inputs, 0.9 - rank / 10.0, List.of(), null, null, null, List.of(), List.of());
    }

    private static RankingRevision revision(String period, RevisionStatus status, List<RankingRow> rows) {
        Instant now = Instant.now();
        return new RankingRevision(
                status == RevisionStatus.LIVE ? null : RankingRevision.idOf(period, Channel.PHONE, 1),
                period,
                Channel.PHONE,
                status == RevisionStatus.LIVE ? 0 : 1,
                status,
                new PolicyRef("phone-ranking", 1),
                5,
                now,
                now,
                now,
                rows,
                List.of(),
                null);
    }

    private static void send(String topic, String key, Object value) {
        producer.send(new ProducerRecord<>(topic, key, EventJson.mapper().writeValueAsBytes(value)));
        producer.flush();
    }

    private static Set<String> publishedIds() {
        for (ConsumerRecord<String, byte[]> record : noticesTopic.poll(Duration.ofMillis(200))) {
            published.put(record.key(), EventJson.mapper().readTree(record.value()));
        }
        return published.keySet();
    }
}
