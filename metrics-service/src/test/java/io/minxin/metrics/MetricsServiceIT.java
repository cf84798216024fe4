package io.minxin.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minxin.demo.DemoMonth;
import io.minxin.demo.ExpectedTotals;
import io.minxin.events.Accepted;
import io.minxin.events.CaseData;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.EventJson;
import io.minxin.events.Satisfaction;
import io.minxin.events.Topics;
import io.minxin.events.UnitRegistered;
import io.minxin.events.Visited;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.Exclusion;
import io.minxin.events.decision.Indicator;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.Counts;
import io.minxin.localstack.LocalStackExtension;
import io.minxin.metrics.query.Overview;
import io.minxin.metrics.query.OverviewMonths;
import io.minxin.metrics.query.Series;
import io.minxin.metrics.query.UnitMonths;
import io.minxin.metrics.query.UnitTable;
import io.minxin.metrics.stream.MetricsTopology;
import io.minxin.metrics.testing.BulletinFigures;
import io.minxin.servicekit.identity.ServicePortChecks;
import io.minxin.servicekit.identity.TestIdentity;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service on a real broker and MongoDB-wire server: the demo month delivered as a faulty integration
 * would (every event twice, each case's events shuffled) plus a poison record, with the application
 * stopped part-way and started again on an empty state directory (state restored from the changelogs).
 * The HTTP API must then report exactly the generator's totals: nothing lost, nothing counted twice.
 */
@ExtendWith(LocalStackExtension.class)
class MetricsServiceIT {
    private static final Logger log = LoggerFactory.getLogger(MetricsServiceIT.class);
    private static final String AUDIENCE = "metrics-service";
    private static final DemoMonth DEMO = DemoMonth.generate();
    /** Inside the demo month, so the rate gauges of the "current" period show it. */
    private static final Clock IN_DEMO_MONTH = Clock.fixed(Instant.parse("2020-09-20T04:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path stateDirs;

    private final String run = "it" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void messyDemoMonthAcrossARestartReportsTheGeneratorsTotals() {
        List<CaseEvent> messy = DEMO.messyEvents(17).stream()
                .filter(e -> e.data() instanceof CaseData)
                .toList();
        int half = messy.size() / 2;
        String poisonKey = run + "-poison";
        produce(messy.subList(0, half), Map.of(poisonKey, "{\"specversion\":".getBytes(StandardCharsets.UTF_8)));

        try (ConfigurableApplicationContext first = start("first")) {
            await().atMost(Duration.ofMinutes(3)).until(() -> processed(first) >= half / 4);
            log.info("stopping the first instance after {} of {} records", processed(first), half + 1);
        }
        produce(messy.subList(half, messy.size()), Map.of());

        try (ConfigurableApplicationContext second = start("second")) {
            WebTestClient http = http(second);
            ExpectedTotals expected = DEMO.expected();
            onItsOwnPortTheServiceRefusesCallsWithoutTheGatewaysTokenAndRolesTheGatewayWouldRefuse(anonymous(second));

            await().atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(
                                    BulletinFigures.of(overview(http).total().counts()))
                            .isEqualTo(expected.total().counts()));

            Overview overview = overview(http);
            assertThat(overview.total().cases()).isEqualTo(1316);
            assertThat(overview.total().units()).isEqualTo(expected.total().units());
            for (Channel channel : Channel.values()) {
                assertThat(BulletinFigures.of(overview.channels().get(channel).counts()))
                        .isEqualTo(expected.overview(channel).counts());
                assertThat(BulletinFigures.of(overview.channels().get(channel).rates()))
                        .isEqualTo(BulletinFigures.of(expected.overview(channel).rates()));
                assertHandlingCountsFitTheBulletinCounts(
                        overview.channels().get(channel).counts());
            }
            assertThat(unitTable(http)).isEqualTo(expectedUnitTable(expected));
            assertOverviewMonthsIsTheMonthsOverviewsWithGaps(http, overview);

            assertThat(deadLetterReason(poisonKey)).startsWith("not a Minxin CloudEvent");
            assertCaseTimeline(http);
            assertDecisionsOnTheirTopicReachTheCaseAndTheNumbers(http);
            assertARegistrationOnUnitActivityDividesTheViewsByJurisdiction(http);
            assertUnknownUnitsAndPeriodsAreNotFound(http);
            assertOperationsEndpoints(http);
        }
    }

    private void assertCaseTimeline(WebTestClient http) {
        CaseState pushedBack = get(http, "/api/v1/cases/614418", CaseState.class);
        assertThat(pushedBack.pushback()).isTrue();
        assertThat(pushedBack.history()).isNotEmpty();
        http.get()
                .uri("/api/v1/cases/{id}", run + "-unknown")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json");
    }

    /**
     * An exclusion on topic decisions, published before the case's events, is folded into the case (its timeline shows
     * it) and into the unit's counts, as the binder wires the topology (binding caseState-in-1). A period of its own,
     * so the demo month's totals stay the generator's.
     */
    private void assertDecisionsOnTheirTopicReachTheCaseAndTheNumbers(WebTestClient http) {
        String caseId = run + "-decided";
        String unitId = run + "-unit";
        Decision exclusion = new Decision(
                run + "-d1",
                "2019-03",
                "key-operator",
                "operator",
                Instant.parse("2019-04-03T02:00:00Z"),
                "经回访核实为不合理诉求",
                new Exclusion(caseId, List.of(Indicator.SATISFACTION_RATE), true, null));
        produceDecision(exclusion);
        Instant at = Instant.parse("2019-03-05T02:00:00Z");
        produce(
                List.of(
                        CaseEvent.of(
                                run + "-a",
                                "/platform/it",
                                new Accepted(caseId, unitId, "单位", Channel.WEB, "诉求", null, at, null, null)),
                        CaseEvent.of(
                                run + "-c", "/platform/it", new Concluded(caseId, unitId, "已办结", at.plusSeconds(3600))),
                        CaseEvent.of(
                                run + "-v",
                                "/platform/it",
                                new Visited(caseId, null, Satisfaction.UNSATISFIED, false, at.plusSeconds(7200)))),
                Map.of());

        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    CaseState state = get(http, "/api/v1/cases/" + caseId, CaseState.class);
                    assertThat(state.history()).hasSize(3);
                    assertThat(state.decisions()).containsExactly(exclusion);
                });
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Counts counts = get(http, "/api/v1/overview?period=2019-03", Overview.class)
                            .total()
                            .counts();
                    assertThat(counts.visited()).isEqualTo(1);
                    assertThat(counts.excludedParts().satisfactionRate()).isEqualTo(new Counts.Part(0, 1));
                    assertThat(counts.rates().satisfactionRate()).isNull();
                });
    }

    /**
     * The unit of the decided case (2019-03) registered on unit-activity in a jurisdiction of this run's own (the
     * topic outlives runs): the running service's directory picks it up, the overview and the unit table of the
     * jurisdiction are that unit's, its row names it, and it is listed; a jurisdiction nobody registered is not found.
     */
    private void assertARegistrationOnUnitActivityDividesTheViewsByJurisdiction(WebTestClient http) {
        String unitId = run + "-unit";
        String jurisdiction = run + "-district";
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.kafkaBootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            CaseEvent registration = CaseEvent.of(
                    run + "-r",
                    "/platform/it",
                    new UnitRegistered(unitId, "单位", jurisdiction, "测试区", Instant.parse("2020-01-01T00:00:00Z")));
            producer.send(
                    new ProducerRecord<>(Topics.UNIT_ACTIVITY, registration.key(), EventJson.toBytes(registration)));
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(get(
                                        http,
                                        "/api/v1/overview?period=2019-03&jurisdiction=" + jurisdiction,
                                        Overview.class)
                                .total()
                                .units())
                        .isEqualTo(1));
        UnitTable table = get(http, "/api/v1/units?period=2019-03&jurisdiction=" + jurisdiction, UnitTable.class);
        assertThat(table.units()).extracting(UnitTable.Row::unitId).containsExactly(unitId);
        assertThat(table.units()).extracting(UnitTable.Row::jurisdiction).containsExactly(jurisdiction);
        assertThat(get(http, "/api/v1/jurisdictions", String.class))
                .contains("{\"id\":\"" + jurisdiction + "\",\"name\":\"测试区\",\"units\":1}");
        http.get()
                .uri("/api/v1/overview?period=2019-03&jurisdiction=" + run + "-nowhere")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json");
    }

    private static void produceDecision(Decision decision) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.kafkaBootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                    Topics.DECISIONS, decision.key(), EventJson.mapper().writeValueAsBytes(decision)));
            producer.flush();
        }
    }

    /** The 12-month trend's single call: the demo month's own overview last, the quiet months before it without rates. */
    private static void assertOverviewMonthsIsTheMonthsOverviewsWithGaps(WebTestClient http, Overview september) {
        OverviewMonths months = get(http, "/api/v1/overview/months?from=2019-10&to=2020-09", OverviewMonths.class);
        assertThat(months.months()).hasSize(12);
        assertThat(months.months().get(11)).isEqualTo(september);
        assertThat(months.months().get(0).period()).isEqualTo("2019-10");
        assertThat(months.months().get(0).total().cases()).isZero();
        assertThat(months.months().get(0).total().rates().completionRate()).isNull();
        http.get()
                .uri("/api/v1/overview/months?from=2020-09&to=2019-10")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json");

        UnitTable table = get(http, "/api/v1/units?period=2020-09", UnitTable.class);
        String unitId = table.units().get(0).unitId();
        UnitMonths unit = get(http, "/api/v1/units/" + unitId + "/months?from=2020-08&to=2020-09", UnitMonths.class);
        assertThat(unit.months().get(0).units()).isEmpty();
        assertThat(unit.months().get(1).units())
                .isEqualTo(table.units().stream()
                        .filter(row -> row.unitId().equals(unitId))
                        .toList());
        http.get()
                .uri("/api/v1/units/nobody-at-all/months?from=2020-08&to=2020-09")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    /** A unit no event named and a period without metrics are not found; a known unit's quiet days are zeros. */
    private void assertUnknownUnitsAndPeriodsAreNotFound(WebTestClient http) {
        for (String uri : List.of(
                "/api/v1/units/" + run + "-nobody/series",
                "/api/v1/overview?period=2031-01",
                "/api/v1/units?period=2031-01&channel=PHONE")) {
            http.get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType("application/problem+json")
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:minxin:problem:not-found")
                    .jsonPath("$.instance")
                    .isEqualTo(uri.replaceFirst("\\?.*", ""));
        }
        String known = get(http, "/api/v1/units?period=2020-09", UnitTable.class)
                .units()
                .get(0)
                .unitId();
        Series quiet = get(http, "/api/v1/units/" + known + "/series?from=2019-01-01&to=2019-01-31", Series.class);
        assertThat(quiet.days())
                .hasSize(31)
                .allSatisfy(day -> assertThat(day.day().counts()).isEqualTo(Counts.NONE));
        assertThat(get(http, "/api/v1/overview", Overview.class).period()).isEqualTo("2020-09");
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath(
                        "$.paths['/api/v1/units/{unitId}/series'].get.responses['4XX'].content['application/problem+json']"
                                + ".schema['$ref']")
                .isEqualTo("#/components/schemas/Problem");
    }

    private void assertOperationsEndpoints(WebTestClient http) {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String prometheus = scrape(http);
            assertThat(prometheus)
                    .contains("minxin_unit_rate{application=\"metrics-service\",channel=\"PHONE\","
                            + "metric=\"completionRate\",unit=\"xlt-gongxin\"} 1.0")
                    .contains("minxin_metrics_events_processed_total{application=\"metrics-service\","
                            + "outcome=\"rejected\"}")
                    .contains("kafka_consumer_fetch_manager_records_lag_max");
        });
    }

    /**
     * The Prometheus page. A scrape that does not answer within the client's 20 s fails with every thread's stack
     * in the log, so a request that gets no answer is diagnosed, never retried away (it happened in three CI runs on
     * Reactor Netty 1.3.6: reactor-netty issues 4361 and 4347, fixed in 1.3.8).
     */
    private static String scrape(WebTestClient http) {
        try {
            return get(http, "/actuator/prometheus", String.class);
        } catch (IllegalStateException noAnswer) {
            StringBuilder threads = new StringBuilder();
            for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                threads.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
                if (thread.getLockName() != null) {
                    threads.append(" on ").append(thread.getLockName());
                }
                if (thread.getLockOwnerName() != null) {
                    threads.append(" held by ").append(thread.getLockOwnerName());
                }
                threads.append('\n');
                for (StackTraceElement frame : thread.getStackTrace()) {
                    threads.append("    at ").append(frame).append('\n');
                }
            }
            log.warn("/actuator/prometheus did not answer; threads:\n{}", threads);
            // not an AssertionError: the surrounding await must not try again
            throw noAnswer;
        }
    }

    private ConfigurableApplicationContext start(String stateDir) {
        return new SpringApplicationBuilder(MetricsApplication.class)
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean("fixedClock", Clock.class, () -> IN_DEMO_MONTH, bean -> bean.setPrimary(true)))
                // as command-line arguments, above application.yml: this run's own application id, state
                // directory, database and group, so no state of another run (or of another test) is ever reused.
                // The pre-0.1 names (STATE_DIR, …) are honoured from the environment only: passed here they were
                // ignored, and both instances shared the default state directory with every earlier run
                .run(
                        "--server.port=0",
                        "--minxin.metrics.streams.application-prefix=" + run,
                        "--minxin.metrics.streams.state-dir=" + stateDirs.resolve(stateDir),
                        "--minxin.mongodb.database=" + run,
                        "--minxin.metrics.projection.group-id=" + run + "-projection",
                        "--minxin.metrics.gauges.refresh=1s",
                        "--" + TestIdentity.PUBLIC_KEYS_PROPERTY + "="
                                + TestIdentity.shared().publicKeysLocation());
    }

    private static long processed(ConfigurableApplicationContext context) {
        return (long) context.getBean(MeterRegistry.class).find("minxin.metrics.events.processed").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static void onItsOwnPortTheServiceRefusesCallsWithoutTheGatewaysTokenAndRolesTheGatewayWouldRefuse(
            WebTestClient anonymous) {
        ServicePortChecks checks = new ServicePortChecks(anonymous, AUDIENCE);
        checks.refusesCallsWithoutAValidToken(HttpMethod.GET, "/api/v1/overview?period=2020-09");
        checks.refusesRole(Role.INTEGRATION, HttpMethod.GET, "/api/v1/units?period=2020-09");
        checks.refusesRole(Role.OPERATOR, HttpMethod.POST, "/api/v1/overview");
        checks.leavesProbesOpen();
    }

    /** Reads as a dashboard, with the gateway's token. */
    private static WebTestClient http(ConfigurableApplicationContext context) {
        return anonymous(context)
                .mutate()
                .defaultHeader(
                        HttpHeaders.AUTHORIZATION, TestIdentity.shared().bearer(Role.DASHBOARD, Scope.ALL, AUDIENCE))
                .build();
    }

    private static WebTestClient anonymous(ConfigurableApplicationContext context) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(20))
                // the Prometheus page lists every Kafka client metric: more than the default 256 KiB
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
    }

    private static Overview overview(WebTestClient http) {
        return get(http, "/api/v1/overview?period=2020-09", Overview.class);
    }

    private static Map<String, Counts> unitTable(WebTestClient http) {
        Map<String, Counts> rows = new TreeMap<>();
        for (Channel channel : Channel.values()) {
            UnitTable table =
                    get(http, "/api/v1/units?period=2020-09&sort=completionRate&channel=" + channel, UnitTable.class);
            table.units().forEach(row -> {
                assertHandlingCountsFitTheBulletinCounts(row.counts());
                rows.put(row.unitId() + "|" + row.channel(), BulletinFigures.of(row.counts()));
            });
        }
        return rows;
    }

    /** The demo month sends no re-handling; every owned case was handled, every returning unit handled its case. */
    private static void assertHandlingCountsFitTheBulletinCounts(Counts counts) {
        assertThat(counts.reopened()).isZero();
        assertThat(counts.handled()).isBetween(counts.received(), counts.received() + counts.returnedCases());
        assertThat(counts.returnedCases()).isBetween(counts.returns() > 0 ? 1L : 0L, counts.returns());
        assertThat(counts.rates().returnRate()).isEqualTo((double) counts.returnedCases() / counts.handled());
    }

    private static Map<String, Counts> expectedUnitTable(ExpectedTotals expected) {
        Map<String, Counts> rows = new TreeMap<>();
        expected.byUnit().forEach((key, counts) -> rows.put(key.toString(), counts));
        return rows;
    }

    private static <T> T get(WebTestClient http, String uri, Class<T> type) {
        byte[] body = http.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        return type == String.class
                ? type.cast(new String(body, StandardCharsets.UTF_8))
                : EventJson.mapper().readValue(body, type);
    }

    private static void produce(List<CaseEvent> events, Map<String, byte[]> raw) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.kafkaBootstrapServers());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            raw.forEach((key, value) -> producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, key, value)));
            for (CaseEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, event.key(), EventJson.toBytes(event)));
            }
            producer.flush();
        }
    }

    private String deadLetterReason(String key) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, run + "-dlq-reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CASE_EVENTS_DLQ));
            String[] reason = new String[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header header = record.headers().lastHeader(MetricsTopology.DLQ_REASON_HEADER);
                    if (key.equals(record.key()) && header != null) {
                        reason[0] = new String(header.value(), StandardCharsets.UTF_8);
                    }
                }
                return reason[0] != null;
            });
            return reason[0];
        }
    }
}
