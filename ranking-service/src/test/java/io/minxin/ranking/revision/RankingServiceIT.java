package io.minxin.ranking.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import io.minxin.events.UnitRegistered;
import io.minxin.events.decision.Indicator;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RankingRow;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.events.ranking.RowChange;
import io.minxin.events.state.Counts;
import io.minxin.events.state.ExcludedCase;
import io.minxin.events.state.UnitMetrics;
import io.minxin.localstack.LocalStackExtension;
import io.minxin.ranking.engine.ReferenceBulletin;
import io.minxin.ranking.live.LiveMetricsStore;
import io.minxin.ranking.policy.Policies;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.identity.ServicePortChecks;
import io.minxin.servicekit.identity.TestIdentity;
import io.minxin.servicekit.registry.UnitRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service on a real broker and the MongoDB-wire server: metrics in, a period closed over HTTP, the revision
 * read back from {@code rankings}; closing twice, a late change and its pending revision 2.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "minxin.ranking.auto-close.enabled=false",
            "spring.cloud.stream.kafka.binder.min-partition-count=1"
        })
class RankingServiceIT {
    private static final String AUDIENCE = "ranking-service";
    private static final TestIdentity IDENTITY = TestIdentity.shared();
    private static final String PERIOD = "2020-09";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ParameterizedTypeReference<List<RankingRevision>> REVISIONS =
            new ParameterizedTypeReference<>() {};

    private static KafkaProducer<String, String> producer;
    private static KafkaConsumer<String, byte[]> rankings;
    private static final List<RankingRevision> published = new ArrayList<>();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        TestIdentity.register(registry);
    }

    @BeforeAll
    static void connect() {
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.kafkaBootstrapServers());
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer = new KafkaProducer<>(producerConfig);
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.kafkaBootstrapServers());
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        rankings = new KafkaConsumer<>(consumerConfig);
        TopicPartition partition = new TopicPartition(Topics.RANKINGS, 0);
        rankings.assign(List.of(partition));
        rankings.seekToBeginning(List.of(partition));
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        rankings.close();
    }

    @Test
    void closedPeriodIsPublishedOnceAndALateChangeMakesAPendingRevisionTwo() {
        // given the metrics of table 1 (phone) and two web units
        phoneMetrics(ReferenceBulletin.SHEBAO, new Counts(9, 9, 9, 6, 6, 4, 0, 0));
        phoneMetrics(ReferenceBulletin.ZHENXING, new Counts(40, 38, 34, 30, 28, 18, 2, 0));
        phoneMetrics(ReferenceBulletin.SHUIWU, new Counts(8, 8, 8, 5, 5, 5, 0, 0));
        phoneMetrics(ReferenceBulletin.YOUTIAN, new Counts(31, 31, 26, 44, 42, 35, 0, 0));
        phoneMetrics(ReferenceBulletin.SHICHANG, new Counts(150, 145, 142, 20, 20, 20, 0, 0));
        phoneMetrics(ReferenceBulletin.GONGXIN, new Counts(12, 12, 12, 7, 7, 7, 0, 0));
        send(new UnitMetrics("web-a", "web a", Channel.WEB, PERIOD, new Counts(5, 5, 5, 1, 1, 1, 0, 0), 1));
        send(new UnitMetrics("web-b", "web b", Channel.WEB, PERIOD, new Counts(3, 2, 2, 1, 1, 0, 1, 1), 1));
        producer.flush();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ranking(Channel.PHONE).rows()).hasSize(6));
        assertThat(ranking(Channel.PHONE).status()).isEqualTo(RevisionStatus.LIVE);

        // when the operator closes the period, twice
        List<RankingRevision> closed = close();
        List<RankingRevision> closedAgain = close();

        // then revision 1 of each channel is published once, in the order of table 1
        assertThat(closed).extracting(RankingRevision::revision).containsExactly(1, 1);
        assertThat(closedAgain).isEqualTo(closed);
        RankingRevision phone = awaitPublished(Channel.PHONE, 1);
        assertThat(phone.topRows()).extracting(RankingRow::unitId).isEqualTo(ReferenceBulletin.TABLE_1);
        assertThat(phone.policy().id()).isEqualTo("phone-ranking");
        assertThat(phone.diff()).isNull();
        assertThat(revisions(Channel.PHONE))
                .extracting(RankingRevision::revision)
                .containsExactly(1);
        assertThat(publishedOf(Channel.PHONE)).hasSize(1);

        // when a late visit raises the excellent rate of the fifth unit to 100%
        phoneMetrics(ReferenceBulletin.SHEBAO, new Counts(9, 9, 9, 6, 6, 6, 0, 0));
        producer.flush();

        // then a pending revision 2 lists the moves, and the published ranking stays revision 1
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(revisions(Channel.PHONE)).hasSize(2));
        RankingRevision pending = revisions(Channel.PHONE).get(1);
        assertThat(pending.status()).isEqualTo(RevisionStatus.PENDING);
        assertThat(pending.diff().previousRevision()).isEqualTo(1);
        assertThat(pending.diff().changes())
                .extracting(RowChange::unitId, RowChange::previousRank, RowChange::rank)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ReferenceBulletin.SHEBAO, 5, 2),
                        org.assertj.core.groups.Tuple.tuple(ReferenceBulletin.SHUIWU, 2, 3),
                        org.assertj.core.groups.Tuple.tuple(ReferenceBulletin.SHICHANG, 3, 4),
                        org.assertj.core.groups.Tuple.tuple(ReferenceBulletin.YOUTIAN, 4, 5));
        assertThat(ranking(Channel.PHONE).revision()).isEqualTo(1);

        // when the operator publishes it
        client().post()
                .uri("/api/v1/periods/{period}/revisions/2/publish?channel=PHONE", PERIOD)
                .exchange()
                .expectStatus()
                .isOk();

        // then revision 2 is on the topic and is the ranking shown
        assertThat(awaitPublished(Channel.PHONE, 2).diff().changes()).hasSize(4);
        assertThat(ranking(Channel.PHONE).revision()).isEqualTo(2);
        String metrics = client().get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(metrics)
                .contains("minxin_ranking_revisions_published_total{")
                .contains("minxin_ranking_live_units{")
                .contains("minxin_ranking_close_duration_seconds_count{");
    }

    @Test
    void givenAClosedPeriodWhenALateExclusionArrivesThenAPendingRevisionListsItInTheRowAndTheDiff() {
        String period = "2021-07";
        Counts unsatisfiedVisit = new Counts(10, 10, 10, 4, 3, 1, 0, 0);
        send(new UnitMetrics("excl-a", "excl a", Channel.WEB, period, unsatisfiedVisit, 1));
        send(new UnitMetrics("excl-b", "excl b", Channel.WEB, period, new Counts(10, 10, 10, 4, 4, 1, 0, 0), 1));
        producer.flush();
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(ranking(Channel.WEB, period).rows()).hasSize(2));
        client().post()
                .uri("/api/v1/periods/{period}/close", period)
                .exchange()
                .expectStatus()
                .isOk();

        // when the unsatisfied visit of one of excl-a's cases is excluded from 满意率 after the close
        ExcludedCase excluded = new ExcludedCase(
                "case-2021-07",
                List.of(Indicator.SATISFACTION_RATE),
                "经核实为不合理诉求",
                "decision-2021-07",
                Instant.parse("2021-08-03T02:00:00Z"),
                null);
        Counts assessed = unsatisfiedVisit.excluding(Counts.Excluded.from("satisfactionRate", new Counts.Part(0, 1)));
        send(new UnitMetrics("excl-a", "excl a", Channel.WEB, period, assessed, 2, List.of(excluded)));
        producer.flush();

        // then a pending revision 2 shows the exclusion in the unit's row and in the diff
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(revisions(Channel.WEB, period)).hasSize(2));
        RankingRevision pending = revisions(Channel.WEB, period).get(1);
        assertThat(pending.status()).isEqualTo(RevisionStatus.PENDING);
        assertThat(pending.rows())
                .filteredOn(row -> row.unitId().equals("excl-a"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.exclusions()).containsExactly(excluded);
                    assertThat(row.inputs().rates().satisfactionRate()).isEqualTo(1.0);
                });
        assertThat(pending.diff().changes())
                .filteredOn(change -> change.unitId().equals("excl-a"))
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.previousExclusions()).isEmpty();
                    assertThat(change.exclusions()).containsExactly(excluded);
                });
    }

    @Test
    void onItsOwnPortTheServiceRefusesCallsWithoutTheGatewaysTokenAndRolesTheGatewayWouldRefuse() {
        ServicePortChecks checks = new ServicePortChecks(anonymous(), AUDIENCE);
        checks.refusesCallsWithoutAValidToken(HttpMethod.POST, "/api/v1/periods/2020-11/close");
        checks.refusesCallsWithoutAValidToken(HttpMethod.GET, "/api/v1/rankings/2020-09?channel=PHONE");
        checks.refusesRole(Role.INTEGRATION, HttpMethod.GET, "/api/v1/rankings/2020-09?channel=PHONE");
        checks.refusesRole(Role.DASHBOARD, HttpMethod.POST, "/api/v1/periods/2020-11/close");
        checks.refusesRole(Role.DASHBOARD, HttpMethod.POST, "/api/v1/rankings/2020-09/what-if?channel=WEB");
        checks.leavesProbesOpen();
    }

    @Test
    void policyChangesNeedTheOperatorRoleAndNameEveryBadField() {
        client(IDENTITY.bearer(Role.DASHBOARD, Scope.ALL, AUDIENCE))
                .put()
                .uri("/api/v1/policies/WEB")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "effectiveFrom", "2031-01", "order", "LEXICOGRAPHIC", "rates", List.of("completionRate")))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.FORBIDDEN)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("about:blank")
                .jsonPath("$.title")
                .isEqualTo("Forbidden")
                .jsonPath("$.instance")
                .isEqualTo("/api/v1/policies/WEB");

        client().put()
                .uri("/api/v1/policies/WEB")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("effectiveFrom", "2031-1", "order", "LEXICOGRAPHIC", "top", 0))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.violations[*].field")
                .value(fields ->
                        assertThat((List<Object>) fields).containsExactlyInAnyOrder("effectiveFrom", "rates", "top"));

        client().put()
                .uri("/api/v1/policies/WEB")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of("effectiveFrom", "2031-01", "order", "LEXICOGRAPHIC", "rates", List.of("excellentRate")))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(2);

        client().get()
                .uri("/api/v1/policies?channel=WEB")
                .exchange()
                .expectBody()
                .jsonPath("$[*].version")
                .value(versions -> assertThat((List<Object>) versions).containsExactly(1, 2));
        client().get()
                .uri("/api/v1/policies?channel=WEB&period=2030-12")
                .exchange()
                .expectBody()
                .jsonPath("$[0].version")
                .isEqualTo(1);
        client().get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/rankings/{period}/what-if']")
                .exists()
                .jsonPath(
                        "$.paths['/api/v1/policies/{channel}'].put.responses['4XX'].content['application/problem+json']"
                                + ".schema['$ref']")
                .isEqualTo("#/components/schemas/Problem")
                .jsonPath("$.components.schemas.Problem.properties.violations")
                .exists();
    }

    @Test
    void badPolicyIsRefusedWithItsViolations() {
        client().put()
                .uri("/api/v1/policies/PHONE")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("order", "WEIGHTED", "weights", Map.of("completionRat", 1), "top", 0))
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
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.instance")
                .isEqualTo("/api/v1/policies/PHONE")
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.violations[*].field")
                .value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("effectiveFrom", "weights.completionRat", "top"))
                .jsonPath("$.violations[?(@.field == 'weights.completionRat')].message")
                .isEqualTo("unknown rate 'completionRat'; one of completionRate, onTimeRate, satisfactionRate,"
                        + " excellentRate, signInRate, validVisitRate, dispatchRate, feedbackRate")
                .jsonPath("$.violations[0].index")
                .doesNotExist();
    }

    @Test
    void policyWrittenWithTheNamesTheApiShowsIsStored() {
        Map<String, Object> shown = client().get()
                .uri("/api/v1/policies?channel=PHONE")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody()
                .get(0);
        assertThat((Map<String, Object>) shown.get("weights"))
                .containsOnlyKeys("completionRate", "onTimeRate", "satisfactionRate", "excellentRate");

        Map<String, Object> next = new java.util.HashMap<>(shown);
        next.put("effectiveFrom", "2032-01");
        client().put()
                .uri("/api/v1/policies/PHONE")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(next)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.weights.completionRate")
                .isEqualTo(0.2);
    }

    @Test
    void periodWithoutMetricsOrRankingIsNotFound() {
        for (String path : List.of(
                "/api/v1/rankings/2039-01?channel=PHONE",
                "/api/v1/rankings/2039-01/bottom?channel=WEB",
                "/api/v1/rankings/2039-01/revisions")) {
            notFound(path).jsonPath("$.instance").isEqualTo(path.replaceFirst("\\?.*", ""));
        }
    }

    @Test
    void whatIfRanksUnderTheGivenPolicyAndStoresNothing() {
        send(new UnitMetrics("what-a", "a", Channel.WEB, "2021-03", new Counts(1, 1, 1, 1, 1, 1, 0, 0), 1));
        send(new UnitMetrics("what-b", "b", Channel.WEB, "2021-03", new Counts(60, 58, 57, 50, 49, 45, 0, 0), 1));
        producer.flush();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ranking(Channel.WEB, "2021-03").rows())
                        .extracting(RankingRow::unitId)
                        .containsExactly("what-a", "what-b"));

        RankingRevision trial = client().post()
                .uri("/api/v1/rankings/2021-03/what-if?channel=WEB")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "order", "LEXICOGRAPHIC",
                        "rates", List.of("completionRate", "onTimeRate", "satisfactionRate", "excellentRate"),
                        "rateEstimator", "WILSON_LOWER_BOUND"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(RankingRevision.class)
                .returnResult()
                .getResponseBody();

        assertThat(trial.status()).isEqualTo(RevisionStatus.WHAT_IF);
        assertThat(trial.rows()).extracting(RankingRow::unitId).containsExactly("what-b", "what-a");
        assertThat(trial.diff().changes()).extracting(RowChange::unitId).containsExactly("what-b", "what-a");
        assertThat(revisions(Channel.WEB, "2021-03")).isEmpty();

        // and a tombstone removes a unit from the live ranking
        producer.send(
                new ProducerRecord<>(Topics.UNIT_METRICS, UnitMetrics.key("what-a", Channel.WEB, "2021-03"), null));
        producer.flush();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ranking(Channel.WEB, "2021-03").rows())
                        .extracting(RankingRow::unitId)
                        .containsExactly("what-b"));
    }

    @Test
    void givenAPolicyForClosedMonthsWhenRecomputedThenEachChangedRankingIsPendingUnderIt() {
        // given 2030-03 closed under the default phone policy: "pleasing" (every visit excellent, half late) first
        String period = "2030-03";
        send(new UnitMetrics("punctual", "按时单位", Channel.PHONE, period, new Counts(10, 10, 10, 10, 5, 0, 0, 0), 1));
        send(new UnitMetrics("pleasing", "满意单位", Channel.PHONE, period, new Counts(10, 10, 5, 10, 10, 10, 0, 0), 1));
        producer.flush();
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(ranking(Channel.PHONE, period).rows()).hasSize(2));
        client().post()
                .uri("/api/v1/periods/{p}/close", period)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(revisions(Channel.PHONE, period).get(0).rows())
                .extracting(RankingRow::unitId)
                .containsExactly("pleasing", "punctual");
        // and a phone policy saved since, effective from 2030-01, that weighs timeliness most
        Map<String, Object> saved = client().put()
                .uri("/api/v1/policies/PHONE")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "effectiveFrom",
                        "2030-01",
                        "order",
                        "WEIGHTED",
                        "weights",
                        Map.of(
                                "completionRate",
                                0.2,
                                "onTimeRate",
                                0.7,
                                "satisfactionRate",
                                0.05,
                                "excellentRate",
                                0.05)))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        int version = (Integer) saved.get("version");

        // when the operator recomputes February and March 2030
        var started = client().post()
                .uri("/api/v1/periods/recomputations?from=2030-02&to=2030-03")
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult();
        String location = started.getResponseHeaders().getLocation().toString();
        assertThat(started.getResponseBody()).containsEntry("total", 4).containsEntry("state", "RUNNING");

        // then its progress ends with the open month left alone and March's phone ranking pending under the new policy
        Map<String, Object> done = await().atMost(PATIENCE)
                .until(
                        () -> client().get()
                                .uri(location)
                                .exchange()
                                .expectStatus()
                                .isOk()
                                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                                .returnResult()
                                .getResponseBody(),
                        progress -> "DONE".equals(progress.get("state")));
        assertThat(done).containsEntry("done", 4);
        assertThat((List<Map<String, Object>>) done.get("results"))
                .extracting(result -> result.get("period") + " " + result.get("channel") + " " + result.get("outcome"))
                .containsExactly(
                        "2030-02 PHONE OPEN", "2030-02 WEB OPEN", "2030-03 PHONE PENDING", "2030-03 WEB UNCHANGED");
        RankingRevision pending = revisions(Channel.PHONE, period).get(1);
        assertThat(pending.status()).isEqualTo(RevisionStatus.PENDING);
        assertThat(pending.policy().version()).isEqualTo(version);
        assertThat(pending.rows()).extracting(RankingRow::unitId).containsExactly("punctual", "pleasing");
        assertThat(ranking(Channel.PHONE, period).revision())
                .as("published stays revision 1")
                .isEqualTo(1);

        // and a late change of the inputs keeps the pending revision under the policy it was recomputed under
        send(new UnitMetrics("punctual", "按时单位", Channel.PHONE, period, new Counts(10, 10, 10, 10, 6, 0, 0, 0), 2));
        producer.flush();
        await().atMost(PATIENCE).untilAsserted(() -> {
            RankingRevision revised = revisions(Channel.PHONE, period).get(1);
            assertThat(revised.rows().get(0).inputs().counts().satisfied()).isEqualTo(6);
            assertThat(revised.policy().version()).isEqualTo(version);
        });
    }

    @Test
    void givenAnOpenPeriodWhenNothingChangesThenItIsNotRankedAgainAndAStoredBatchRanksItAgain(
            @Autowired LiveMetricsStore live) {
        send(new UnitMetrics("same-a", "a", Channel.WEB, "2023-04", new Counts(4, 4, 4, 1, 1, 1, 0, 0), 1));
        producer.flush();
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(ranking(Channel.WEB, "2023-04").rows()).hasSize(1));
        String stamp = live.stamp("2023-04", Channel.WEB).block();
        Instant ranked = ranking(Channel.WEB, "2023-04").createdAt();

        // the view is refreshed every second; with the same inputs it answers the ranking it has, not a new one
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> ranked.equals(ranking(Channel.WEB, "2023-04").createdAt()));
        assertThat(live.stamp("2023-04", Channel.WEB).block()).isEqualTo(stamp);

        send(new UnitMetrics("same-b", "b", Channel.WEB, "2023-04", new Counts(2, 2, 2, 1, 1, 1, 0, 0), 1));
        producer.flush();
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(ranking(Channel.WEB, "2023-04").rows()).hasSize(2));
        assertThat(live.stamp("2023-04", Channel.WEB).block()).isNotEqualTo(stamp);
        assertThat(ranking(Channel.WEB, "2023-04").createdAt()).isAfter(ranked);
        assertThat(live.stamp("2023-04", Channel.PHONE).block()).isEmpty();
    }

    @Test
    void givenUnitsOfTwoJurisdictionsWhenTheRankingOfOneIsAskedForThenItsUnitsAreRankedAmongThemselvesLiveAndClosed(
            @Autowired UnitRegistry registry) {
        // given three web units of a period, two of 兴隆台区 and the best of the city in 双台子区
        String period = "2024-04";
        Instant registered = Instant.parse("2020-01-01T00:00:00Z");
        registry.register(new UnitRegistered("jur-a1", "a1", "211103", "兴隆台区", registered));
        registry.register(new UnitRegistered("jur-a2", "a2", "211103", "兴隆台区", registered));
        registry.register(new UnitRegistered("jur-b1", "b1", "211102", "双台子区", registered));
        send(new UnitMetrics("jur-b1", "b1", Channel.WEB, period, new Counts(10, 10, 10, 5, 5, 5, 0, 0), 1));
        send(new UnitMetrics("jur-a1", "a1", Channel.WEB, period, new Counts(10, 9, 9, 5, 5, 4, 0, 0), 1));
        send(new UnitMetrics("jur-a2", "a2", Channel.WEB, period, new Counts(10, 8, 7, 5, 4, 3, 0, 0), 1));
        producer.flush();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ranking(Channel.WEB, period).rows())
                        .extracting(RankingRow::unitId)
                        .containsExactly("jur-b1", "jur-a1", "jur-a2"));
        String ofXlt = "/api/v1/rankings/" + period + "?channel=WEB&jurisdiction=211103";

        // then the live ranking of 兴隆台区 ranks its two units 1 and 2 and names the jurisdiction
        ok(client(), ofXlt)
                .jsonPath("$.jurisdiction")
                .isEqualTo("211103")
                .jsonPath("$.status")
                .isEqualTo("LIVE")
                .jsonPath("$.rows[*].unitId")
                .value(units -> assertThat((List<Object>) units).containsExactly("jur-a1", "jur-a2"))
                .jsonPath("$.rows[*].rank")
                .value(ranks -> assertThat((List<Object>) ranks).containsExactly(1, 2));
        // and a unit's own dashboard sees its row with its rank within the jurisdiction (3rd of the city)
        ok(client(IDENTITY.bearer(Role.DASHBOARD, Scope.unit("jur-a2"), AUDIENCE)), ofXlt)
                .jsonPath("$.rows[*].unitId")
                .value(units -> assertThat((List<Object>) units).containsExactly("jur-a2"))
                .jsonPath("$.rows[0].rank")
                .isEqualTo(2);
        // and a trial policy is tried on the jurisdiction's units alone
        client().post()
                .uri("/api/v1/rankings/" + period + "/what-if?channel=WEB&jurisdiction=211102")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("order", "LEXICOGRAPHIC", "rates", List.of("completionRate")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.jurisdiction")
                .isEqualTo("211102")
                .jsonPath("$.rows[*].unitId")
                .value(units -> assertThat((List<Object>) units).containsExactly("jur-b1"));

        // when the period is closed
        client().post()
                .uri("/api/v1/periods/{period}/close", period)
                .exchange()
                .expectStatus()
                .isOk();

        // then the jurisdiction's ranking is the frozen revision 1 restricted to its units, its bottom and its
        // revisions
        ok(client(), ofXlt)
                .jsonPath("$.revision")
                .isEqualTo(1)
                .jsonPath("$.jurisdiction")
                .isEqualTo("211103")
                .jsonPath("$.rows[*].rank")
                .value(ranks -> assertThat((List<Object>) ranks).containsExactly(1, 2));
        ok(client(), "/api/v1/rankings/" + period + "/bottom?channel=WEB&n=1&jurisdiction=211102")
                .jsonPath("$.rows[*].unitId")
                .value(units -> assertThat((List<Object>) units).containsExactly("jur-b1"))
                .jsonPath("$.rows[0].rank")
                .isEqualTo(1);
        ok(client(), "/api/v1/rankings/" + period + "/revisions?channel=WEB&jurisdiction=211103")
                .jsonPath("$[*].jurisdiction")
                .value(ids -> assertThat((List<Object>) ids).containsExactly("211103"))
                .jsonPath("$[0].rows[*].unitId")
                .value(units -> assertThat((List<Object>) units).containsExactly("jur-a1", "jur-a2"));
        // and without the parameter the answer is the city's, without a jurisdiction field
        client().get()
                .uri("/api/v1/rankings/" + period + "?channel=WEB")
                .exchange()
                .expectBody()
                .jsonPath("$.jurisdiction")
                .doesNotExist()
                .jsonPath("$.rows[*].rank")
                .value(ranks -> assertThat((List<Object>) ranks).containsExactly(1, 2, 3));
        // and a jurisdiction no registration names is not found, named in the problem
        notFound("/api/v1/rankings/" + period + "?channel=WEB&jurisdiction=999999")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("999999"));
    }

    @Test
    void givenTwoJurisdictionsOneWithItsOwnPolicyWhenTheirRankingsAreReadThenEachIsRankedUnderItsPolicyInForce(
            @Autowired UnitRegistry registry) {
        // given two units in each of 大洼区 and 盘山县: the ones conclude all, 7 of 10 on time; the twos 9, all on time
        String period = "2025-02";
        Instant registered = Instant.parse("2020-01-01T00:00:00Z");
        registry.register(new UnitRegistered("own-a1", "a1", "211104", "大洼区", registered));
        registry.register(new UnitRegistered("own-a2", "a2", "211104", "大洼区", registered));
        registry.register(new UnitRegistered("own-b1", "b1", "211122", "盘山县", registered));
        registry.register(new UnitRegistered("own-b2", "b2", "211122", "盘山县", registered));
        for (String unit : List.of("own-a1", "own-b1")) {
            send(new UnitMetrics(unit, unit, Channel.WEB, period, new Counts(10, 10, 7, 5, 5, 5, 0, 0), 1));
        }
        for (String unit : List.of("own-a2", "own-b2")) {
            send(new UnitMetrics(unit, unit, Channel.WEB, period, new Counts(10, 9, 9, 5, 5, 5, 0, 0), 1));
        }
        producer.flush();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ranking(Channel.WEB, period).rows())
                        .extracting(RankingRow::unitId)
                        .containsExactly("own-a1", "own-b1", "own-a2", "own-b2"));
        WebTestClient daWa = client(IDENTITY.bearer(Role.OPERATOR, Scope.jurisdiction("211104"), AUDIENCE));
        Map<String, Object> onTimeFirst = Map.of(
                "effectiveFrom", "2025-01", "order", "LEXICOGRAPHIC", "rates", List.of("onTimeRate", "completionRate"));

        // when 大洼区's own operator stores its web policy, onTimeRate first
        daWa.put()
                .uri("/api/v1/policies/WEB?jurisdiction=211104")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(onTimeFirst)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo("web-ranking@211104")
                .jsonPath("$.jurisdiction")
                .isEqualTo("211104")
                .jsonPath("$.version")
                .isEqualTo(1);

        // then 大洼区 is ranked under it and 盘山县 under the platform's, each answer saying whose policy ranked it
        ok(client(), "/api/v1/rankings/" + period + "?channel=WEB&jurisdiction=211104")
                .jsonPath("$.rows[*].unitId")
                .value(units -> assertThat((List<Object>) units).containsExactly("own-a2", "own-a1"))
                .jsonPath("$.policy.id")
                .isEqualTo("web-ranking@211104")
                .jsonPath("$.policy.version")
                .isEqualTo(1)
                .jsonPath("$.policyOwner")
                .isEqualTo("JURISDICTION");
        ok(client(), "/api/v1/rankings/" + period + "?channel=WEB&jurisdiction=211122")
                .jsonPath("$.rows[*].unitId")
                .value(units -> assertThat((List<Object>) units).containsExactly("own-b1", "own-b2"))
                .jsonPath("$.policy.id")
                .isEqualTo("web-ranking")
                .jsonPath("$.policyOwner")
                .isEqualTo("PLATFORM");
        // and the platform's ranking and policies are as they were
        assertThat(ranking(Channel.WEB, period).policy().id()).isEqualTo("web-ranking");
        ok(client(), "/api/v1/policies?channel=WEB")
                .jsonPath("$[*].id")
                .value(ids -> assertThat((List<Object>) ids).containsOnly("web-ranking"));
        ok(client(), "/api/v1/policies?channel=WEB&jurisdiction=211104")
                .jsonPath("$[*].version")
                .value(versions -> assertThat((List<Object>) versions).containsExactly(1));
        ok(client(), "/api/v1/policies?channel=WEB&jurisdiction=211122&period=" + period)
                .jsonPath("$[0].id")
                .isEqualTo("web-ranking")
                .jsonPath("$[0].jurisdiction")
                .doesNotExist();

        // and its operator may change neither 盘山县's policy nor the platform's, and nobody an unknown jurisdiction's
        for (String path : List.of("/api/v1/policies/WEB?jurisdiction=211122", "/api/v1/policies/WEB")) {
            daWa.put()
                    .uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(onTimeFirst)
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).contains("jurisdiction:211104"));
        }
        client().put()
                .uri("/api/v1/policies/WEB?jurisdiction=999998")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(onTimeFirst)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("999998"));
        notFound("/api/v1/policies?jurisdiction=999998");

        // when the period is closed, the frozen revision is viewed under the policy stored before its freezing
        client().post()
                .uri("/api/v1/periods/{period}/close", period)
                .exchange()
                .expectStatus()
                .isOk();
        ok(client(), "/api/v1/rankings/" + period + "?channel=WEB&jurisdiction=211104")
                .jsonPath("$.revision")
                .isEqualTo(1)
                .jsonPath("$.rows[*].unitId")
                .value(units -> assertThat((List<Object>) units).containsExactly("own-a2", "own-a1"))
                .jsonPath("$.policyOwner")
                .isEqualTo("JURISDICTION");
        assertThat(revisions(Channel.WEB, period).get(0).policy().id()).isEqualTo("web-ranking");
    }

    @Test
    void openPeriodIsDueForClosingFiveDaysAfterItsEnd(@Autowired AutoCloser closer) {
        send(new UnitMetrics("due-a", "a", Channel.PHONE, "2022-02", new Counts(1, 1, 1, 0, 0, 0, 0, 0), 1));
        producer.flush();
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(ranking(Channel.PHONE, "2022-02").rows()).hasSize(1));

        assertThat(closer.due(Instant.parse("2022-03-05T15:59:59Z"))).doesNotContain("2022-02");
        assertThat(closer.due(Instant.parse("2022-03-05T16:00:00Z"))).contains("2022-02");
    }

    @Test
    void givenAnInstanceKilledAfterMarkingAPeriodClosedWhenTheAutoCloseChecksThenItFinishesTheClose(
            @Autowired AutoCloser closer, @Autowired PeriodStore periods) {
        // given a period with metrics that an instance marked closed and was killed before freezing its revisions
        send(new UnitMetrics("cut-a", "a", Channel.PHONE, "2022-05", new Counts(1, 1, 1, 0, 0, 0, 0, 0), 1));
        producer.flush();
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(ranking(Channel.PHONE, "2022-05").rows()).hasSize(1));
        periods.close("2022-05", Instant.parse("2022-06-10T00:00:00Z"), "auto").block(PATIENCE);
        Instant later = Instant.parse("2022-06-20T00:00:00Z");

        // then the period is still due, and a check's close freezes and publishes revision 1 of every channel
        assertThat(closer.due(later)).contains("2022-05");
        closer.close("2022-05");

        assertThat(closer.due(later)).doesNotContain("2022-05");
        assertThat(revisions(Channel.PHONE, "2022-05")).singleElement().satisfies(revision -> {
            assertThat(revision.revision()).isEqualTo(1);
            assertThat(revision.status()).isEqualTo(RevisionStatus.PUBLISHED);
            assertThat(revision.closedAt()).isEqualTo(Instant.parse("2022-06-10T00:00:00Z"));
        });
        assertThat(revisions(Channel.WEB, "2022-05"))
                .extracting(RankingRevision::revision)
                .containsExactly(1);
    }

    @Test
    void givenTwoInstancesWhenBothCloseAPeriodAtOnceThenOneCloseAndEachRevisionOneIsPublishedAsOneRecord(
            @Autowired RevisionKeeper keeper,
            @Autowired PeriodStore periods,
            @Autowired RevisionStore store,
            @Autowired LiveMetricsStore live,
            @Autowired Policies policies,
            @Autowired RevisionPublisher publisher,
            @Autowired AuditTrail audit,
            @Autowired MeterRegistry registry) {
        // given the metrics of a period and a second instance's keeper over the same database and topic
        send(new UnitMetrics("twin-a", "a", Channel.WEB, "2022-06", new Counts(4, 4, 4, 1, 1, 1, 0, 0), 1));
        send(new UnitMetrics("twin-b", "b", Channel.WEB, "2022-06", new Counts(2, 2, 1, 1, 1, 0, 0, 0), 1));
        producer.flush();
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(ranking(Channel.WEB, "2022-06").rows()).hasSize(2));
        RevisionKeeper other =
                new RevisionKeeper(periods, store, live, policies, publisher, audit, Clock.systemUTC(), registry);

        // when both close it at the same moment, as the two instances' auto-close checks do
        CompletableFuture<List<RankingRevision>> first =
                CompletableFuture.supplyAsync(() -> keeper.close("2022-06", "auto"));
        CompletableFuture<List<RankingRevision>> second =
                CompletableFuture.supplyAsync(() -> other.close("2022-06", "auto"));

        // then both answer the same revisions 1, stored once, and every record of them on the topic is the same
        assertThat(first.join()).isEqualTo(second.join());
        for (Channel channel : Channel.values()) {
            assertThat(revisions(channel, "2022-06"))
                    .extracting(RankingRevision::revision)
                    .containsExactly(1);
        }
        RankingRevision web = first.join().stream()
                .filter(revision -> revision.channel() == Channel.WEB)
                .findFirst()
                .orElseThrow();
        await().atMost(PATIENCE).untilAsserted(() -> {
            pollRankings();
            assertThat(published.stream()
                            .filter(each -> each.key().equals(RankingRevision.key("2022-06", Channel.WEB)))
                            .toList())
                    .isNotEmpty()
                    .containsOnly(web);
        });
    }

    @Test
    void givenACityOfTwelveHundredUnitsWhenThePeriodIsClosedThenItsRevisionOfOverOneMebibyteIsPublished()
            throws Exception {
        // given 1,200 phone units of one period: a revision with every row explained, over Kafka's default 1 MiB
        String period = "2024-07";
        for (int unit = 0; unit < 1_200; unit++) {
            send(new UnitMetrics(
                    "city-unit-" + unit,
                    "市直单位" + unit,
                    Channel.PHONE,
                    period,
                    new Counts(10 + unit % 7, 9, 8, 5, 4, 2, unit % 3, unit % 2),
                    1));
        }
        producer.flush();
        // (read with java.net.http: a ranking this size is over WebTestClient's 256 KB buffer)
        HttpClient http = HttpClient.newHttpClient();
        String bearer = IDENTITY.bearer(Role.OPERATOR, Scope.ALL, AUDIENCE);
        HttpRequest live = HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/rankings/" + period + "?channel=PHONE&top=2000"))
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .build();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(EventJson.mapper()
                                .readValue(
                                        http.send(live, BodyHandlers.ofByteArray())
                                                .body(),
                                        RankingRevision.class)
                                .rows())
                        .hasSize(1_200));

        // when the operator closes it
        HttpResponse<byte[]> closed = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/periods/" + period + "/close"))
                        .header(HttpHeaders.AUTHORIZATION, bearer)
                        .POST(BodyPublishers.noBody())
                        .build(),
                BodyHandlers.ofByteArray());

        // then the phone revision 1 with all 1,200 rows is on the rankings topic, as stored
        assertThat(closed.statusCode()).isEqualTo(200);
        RankingRevision phone = Arrays.stream(EventJson.mapper().readValue(closed.body(), RankingRevision[].class))
                .filter(revision -> revision.channel() == Channel.PHONE)
                .findFirst()
                .orElseThrow();
        assertThat(phone.rows()).hasSize(1_200);
        assertThat(EventJson.mapper().writeValueAsBytes(phone).length).isGreaterThan(1024 * 1024);
        await().atMost(PATIENCE).untilAsserted(() -> {
            pollRankings();
            assertThat(published.stream()
                            .filter(each -> each.key().equals(RankingRevision.key(period, Channel.PHONE)))
                            .toList())
                    .containsExactly(phone);
        });
    }

    /** A GET answered 200, its body to check. */
    private static WebTestClient.BodyContentSpec ok(WebTestClient client, String path) {
        return client.get().uri(path).exchange().expectStatus().isOk().expectBody();
    }

    /** A GET answered 404 with problem JSON of type not-found. */
    private WebTestClient.BodyContentSpec notFound(String path) {
        return client().get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:minxin:problem:not-found");
    }

    private void phoneMetrics(String unit, Counts counts) {
        send(new UnitMetrics(unit, unit, Channel.PHONE, PERIOD, counts, 1));
    }

    private static void send(UnitMetrics metric) {
        producer.send(new ProducerRecord<>(
                Topics.UNIT_METRICS, metric.key(), EventJson.mapper().writeValueAsString(metric)));
    }

    private List<RankingRevision> close() {
        return client().post()
                .uri("/api/v1/periods/{period}/close", PERIOD)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(REVISIONS)
                .returnResult()
                .getResponseBody();
    }

    private RankingRevision ranking(Channel channel) {
        return ranking(channel, PERIOD);
    }

    private RankingRevision ranking(Channel channel, String period) {
        return client().get()
                .uri("/api/v1/rankings/{period}?channel={channel}&top=100", period, channel)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(RankingRevision.class)
                .returnResult()
                .getResponseBody();
    }

    private List<RankingRevision> revisions(Channel channel) {
        return revisions(channel, PERIOD);
    }

    private List<RankingRevision> revisions(Channel channel, String period) {
        return client().get()
                .uri("/api/v1/rankings/{period}/revisions?channel={channel}", period, channel)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(REVISIONS)
                .returnResult()
                .getResponseBody();
    }

    private static RankingRevision awaitPublished(Channel channel, int revision) {
        return await().atMost(PATIENCE)
                .until(
                        () -> {
                            pollRankings();
                            return publishedOf(channel).stream()
                                    .filter(each -> each.revision() == revision)
                                    .findFirst();
                        },
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static List<RankingRevision> publishedOf(Channel channel) {
        pollRankings();
        return published.stream()
                .filter(each -> each.key().equals(RankingRevision.key(PERIOD, channel)))
                .toList();
    }

    private static void pollRankings() {
        for (ConsumerRecord<String, byte[]> record : rankings.poll(Duration.ofMillis(200))) {
            RankingRevision revision = EventJson.mapper().readValue(record.value(), RankingRevision.class);
            assertThat(record.key()).isEqualTo(revision.key());
            published.add(revision);
        }
    }

    /** An operator's calls, with the gateway's token. */
    private WebTestClient client() {
        return client(IDENTITY.bearer(Role.OPERATOR, Scope.ALL, AUDIENCE));
    }

    private WebTestClient client(String authorization) {
        return anonymous()
                .mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, authorization)
                .build();
    }

    private WebTestClient anonymous() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }
}
