package io.minxin.intake.events;

import static io.minxin.intake.TestEvents.accepted;
import static io.minxin.intake.TestEvents.json;
import static io.minxin.intake.TestEvents.login;
import static io.minxin.intake.TestEvents.returned;
import static io.minxin.intake.TestEvents.visited;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.CaseEvent;
import io.minxin.events.identity.Role;
import io.minxin.intake.RecordingPublisher;
import io.minxin.intake.TestEvents;
import io.minxin.intake.publish.EventPublisher;
import io.minxin.servicekit.identity.ServicePortChecks;
import io.minxin.servicekit.identity.TestIdentity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import tools.jackson.databind.node.ObjectNode;

/** The HTTP contract of intake on the running app, with the Kafka side replaced by a recording publisher. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "minxin.intake.max-batch-events=5",
            "minxin.intake.max-batch-bytes=200KB",
            "management.health.kafka.enabled=false",
            "minxin.intake.publish.warm-up=false",
            "management.endpoint.health.group.readiness.include=readinessState"
        })
// the first call also loads the token verification (Spring Security, Nimbus): seconds on a busy machine
@AutoConfigureWebTestClient(timeout = "30s")
class EventsApiTest {
    private static final MediaType CLOUDEVENTS = MediaType.parseMediaType("application/cloudevents+json");
    private static final MediaType BATCH = MediaType.parseMediaType("application/cloudevents-batch+json");
    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @TestConfiguration
    static class RecordingPublisherConfiguration {
        @Bean
        @Primary
        RecordingPublisher recordingPublisher() {
            return new RecordingPublisher();
        }
    }

    /** Calls without a token; {@link #client} calls as the gateway does for an integration key. */
    @Autowired
    WebTestClient anonymous;

    WebTestClient client;

    @Autowired
    RecordingPublisher publisher;

    @Autowired
    EventPublisher injectedPublisher;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        TestIdentity.register(registry);
    }

    @BeforeEach
    void resetPublisher() {
        publisher.reset();
        client = anonymous
                .mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestEvents.integrationToken())
                .build();
    }

    @Test
    void onItsOwnPortTheServiceRefusesCallsWithoutTheGatewaysTokenAndRolesTheGatewayWouldRefuse() {
        ServicePortChecks checks = new ServicePortChecks(anonymous, TestEvents.AUDIENCE);
        checks.refusesCallsWithoutAValidToken(HttpMethod.POST, "/api/v1/events");
        checks.refusesCallsWithoutAValidToken(HttpMethod.POST, "/api/v1/events/batch");
        checks.refusesRole(Role.OPERATOR, HttpMethod.POST, "/api/v1/events");
        checks.refusesRole(Role.DASHBOARD, HttpMethod.GET, "/api/v1/events");
        checks.leavesProbesOpen();
        assertThat(publisher.singles()).isEmpty();
        assertThat(publisher.transactions()).isEmpty();
    }

    @Test
    void oneEventIsAcceptedWithoutATransactionUnderBothContentTypes() {
        CaseEvent first = accepted("e1", "614418");
        CaseEvent second = returned("e2", "614418");

        post("/api/v1/events", CLOUDEVENTS, json(first).toString())
                .expectStatus()
                .isAccepted()
                .expectBody()
                .json("{\"accepted\":1,\"ids\":[\"e1\"]}");
        post("/api/v1/events", MediaType.APPLICATION_JSON, json(second).toString())
                .expectStatus()
                .isAccepted();

        assertThat(injectedPublisher).isSameAs(publisher);
        assertThat(publisher.singles()).containsExactly(first, second);
        assertThat(publisher.transactions()).isEmpty();
    }

    @Test
    void aJsonArrayBatchIsOneTransaction() {
        List<CaseEvent> events = List.of(accepted("e1", "c1"), login("e2", "u-07"), visited("e3", "c1"));

        post("/api/v1/events/batch", BATCH, TestEvents.array(events))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .json("{\"accepted\":3,\"ids\":[\"e1\",\"e2\",\"e3\"]}");

        assertThat(publisher.transactions()).containsExactly(events);
    }

    @Test
    void ndjsonAndCsvBatchesAreOneTransactionEach() {
        List<CaseEvent> events = List.of(accepted("e1", "c1"), returned("e2", "c1"));
        String csv = "id,source,type,caseId,unitId,channel,occurredAt\n"
                + "e3,/platform/p,minxin.case.accepted,c9,u-01,WEB,2024-09-02T09:00:00+08:00\n"
                + "e4,/platform/p,minxin.unit.login,,u-01,,2024-09-02T09:05:00+08:00\n";

        post("/api/v1/events/batch", NDJSON, TestEvents.ndjson(events))
                .expectStatus()
                .isAccepted();
        post("/api/v1/events/batch", CSV, csv)
                .expectStatus()
                .isAccepted()
                .expectBody()
                .json("{\"accepted\":2,\"ids\":[\"e3\",\"e4\"]}");

        assertThat(publisher.transactions()).hasSize(2);
        assertThat(publisher.transactions().get(0)).containsExactlyElementsOf(events);
        assertThat(publisher.transactions().get(1)).extracting(CaseEvent::key).containsExactly("c9", "u-01");
    }

    @Test
    void malformedJsonIsAProblemNamingThePosition() {
        post("/api/v1/events", CLOUDEVENTS, "{\"id\": \"e1\",\n  \"type\": }")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.title")
                .isEqualTo("Invalid events")
                .jsonPath("$.violations[0].index")
                .isEqualTo(0)
                .jsonPath("$.violations[0].field")
                .isEqualTo("body")
                .jsonPath("$.violations[0].message")
                .value(String.class, v -> assertThat(v).startsWith("malformed JSON at line 2, column "));

        assertThat(publisher.nothingPublished()).isTrue();
    }

    @Test
    void aBatchWithBadItemsListsEveryErrorAndPublishesNothing() {
        ObjectNode unknownType = json(accepted("e0", "c0")).put("type", "minxin.case.reopened");
        ObjectNode missingCaseId = json(returned("e1", "c1"));
        ((ObjectNode) missingCaseId.get("data")).remove("caseId");
        ObjectNode unparseableTime = json(visited("e2", "c2")).put("time", "2024-13-45 25:00");
        ObjectNode farFuture = json(login("e3", "u-01"));
        ((ObjectNode) farFuture.get("data")).put("occurredAt", "2999-01-01T00:00:00+08:00");
        ObjectNode badEnums = json(visited("e4", "c4"));
        ((ObjectNode) badEnums.get("data")).put("satisfaction", "DELIGHTED");
        ObjectNode hugeString = json(returned("e5", "c5"));
        ((ObjectNode) hugeString.get("data")).put("reason", "x".repeat(100 * 1024));
        String body = TestEvents.array(List.of(unknownType, missingCaseId, unparseableTime, farFuture, badEnums))
                .replace("]", "," + hugeString + "]");

        post("/api/v1/events/batch", BATCH, body).expectStatus().isEqualTo(413);

        post("/api/v1/events/batch", BATCH, body.replace("," + hugeString, ""))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:minxin:problem:invalid-events")
                .jsonPath("$.title")
                .isEqualTo("Invalid events")
                .jsonPath("$.instance")
                .isEqualTo("/api/v1/events/batch")
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.detail")
                .value(String.class, v -> assertThat(v).contains("nothing was published"))
                .jsonPath("$.violations.length()")
                .isEqualTo(5)
                .jsonPath("$.violations[?(@.index == 0)].field")
                .isEqualTo("type")
                .jsonPath("$.violations[?(@.index == 1)].field")
                .isEqualTo("data.caseId")
                .jsonPath("$.violations[?(@.index == 1)].id")
                .isEqualTo("e1")
                .jsonPath("$.violations[?(@.index == 2)].field")
                .isEqualTo("time")
                .jsonPath("$.violations[3].message")
                .value(String.class, v -> assertThat(v).contains("in the future"))
                .jsonPath("$.violations[?(@.index == 4)].field")
                .isEqualTo("data.satisfaction");

        assertThat(publisher.nothingPublished()).isTrue();
    }

    @Test
    void aHundredKibibyteFieldIsRefusedByLength() {
        ObjectNode event = json(returned("e1", "c1"));
        ((ObjectNode) event.get("data")).put("reason", "长".repeat(100 * 1024));

        post("/api/v1/events", CLOUDEVENTS, event.toString())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("data.reason")
                .jsonPath("$.violations[0].message")
                .value(String.class, v -> assertThat(v).contains("102400 characters"));

        assertThat(publisher.nothingPublished()).isTrue();
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "{\"data\":".repeat(100) + "{}" + "}".repeat(100);

        post("/api/v1/events", CLOUDEVENTS, deep)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].message")
                .value(String.class, v -> assertThat(v).contains("nesting depth"));

        assertThat(publisher.nothingPublished()).isTrue();
    }

    @Test
    void aCsvWithoutARequiredColumnIsRefused() {
        String csv = "id,source,type,unitId,channel,occurredAt\n"
                + "e1,/platform/p,minxin.case.accepted,u-01,WEB,2024-09-02T09:00:00+08:00\n";

        post("/api/v1/events/batch", CSV, csv)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].index")
                .doesNotExist()
                .jsonPath("$.violations[0].field")
                .isEqualTo("csv.caseId");

        assertThat(publisher.nothingPublished()).isTrue();
    }

    @Test
    void anUnsupportedContentTypeIs415Problem() {
        post("/api/v1/events", MediaType.TEXT_PLAIN, json(login("e1", "u-01")).toString())
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post("/api/v1/events/batch", MediaType.APPLICATION_XML, "<events/>")
                .expectStatus()
                .isEqualTo(415);

        assertThat(publisher.nothingPublished()).isTrue();
    }

    @Test
    void aBodyOverTheByteLimitIs413WhetherDeclaredOrStreamed() {
        byte[] big = ("[" + "\"padding\",".repeat(30_000) + "1]").getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> chunked =
                Flux.range(0, 30).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[10_000]));

        post("/api/v1/events/batch", BATCH, new String(big, StandardCharsets.UTF_8))
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(String.class, v -> assertThat(v).contains("at most 204800 allowed"));
        client.post()
                .uri("/api/v1/events/batch")
                .contentType(NDJSON)
                .body(BodyInserters.fromDataBuffers(chunked))
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.detail")
                .value(String.class, v -> assertThat(v).contains("exceeds the limit of 204800 bytes"));

        assertThat(publisher.nothingPublished()).isTrue();
    }

    @Test
    void moreEventsThanTheLimitIs413() {
        List<CaseEvent> six = TestEvents.logins(6);

        post("/api/v1/events/batch", BATCH, TestEvents.array(six))
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.detail")
                .value(String.class, v -> assertThat(v).contains("more than 5 events"));

        assertThat(publisher.nothingPublished()).isTrue();
    }

    @Test
    void anUnavailableEventLogIs503ProblemWithRetryAfter() {
        publisher.unavailable();

        post("/api/v1/events/batch", BATCH, TestEvents.array(List.of(login("e1", "u1"))))
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Event log unavailable");
        post("/api/v1/events", CLOUDEVENTS, json(login("e2", "u1")).toString())
                .expectStatus()
                .isEqualTo(503);
    }

    @Test
    void anUnexpectedFailureIs500ProblemWithoutInternals() {
        publisher.failWith(new IllegalStateException("secret internals"));

        post("/api/v1/events", CLOUDEVENTS, json(login("e1", "u1")).toString())
                .expectStatus()
                .isEqualTo(500)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("Internal error").doesNotContain("secret"));
    }

    @Test
    void prometheusCountsAcceptedAndRejectedEventsByTypeChannelAndSource() {
        post("/api/v1/events", CLOUDEVENTS, json(accepted("m1", "c1")).toString())
                .expectStatus()
                .isAccepted();
        post(
                        "/api/v1/events/batch",
                        BATCH,
                        TestEvents.array(List.of(json(login("m2", "u1")).put("type", "x"))))
                .expectStatus()
                .isBadRequest();

        String scrape = client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(scrape)
                .containsPattern("minxin_intake_events_accepted_total\\{[^}]*channel=\"PHONE\",[^}]*"
                        + "source=\"/platform/test-8890\",type=\"minxin.case.accepted\"} [1-9]")
                .containsPattern("minxin_intake_events_rejected_total\\{[^}]*channel=\"none\",[^}]*"
                        + "source=\"/platform/test-8890\",type=\"unknown\"} [1-9]")
                .containsPattern("minxin_intake_publish_seconds_bucket\\{[^}]*mode=\"single\",outcome=\"success\"");
    }

    @Test
    void onlyHealthAndPrometheusAreExposed() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        for (String hidden : List.of("/actuator/env", "/actuator/metrics", "/actuator/beans", "/actuator/info")) {
            client.get().uri(hidden).exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void theOpenApiDocumentDescribesBothOperations() {
        client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.info.title")
                .isEqualTo("Minxin intake")
                .jsonPath("$.paths['/api/v1/events'].post.summary")
                .isEqualTo("Publish one event")
                .jsonPath("$.paths['/api/v1/events/batch'].post.requestBody.content['text/csv']")
                .exists()
                .jsonPath("$.paths['/api/v1/events/batch'].post.responses['413']")
                .exists()
                .jsonPath("$.paths['/api/v1/events/batch'].post.responses['400'].content['application/problem+json']"
                        + ".schema['$ref']")
                .isEqualTo("#/components/schemas/Problem")
                .jsonPath("$.paths['/api/v1/events'].post.responses['4XX']")
                .exists()
                .jsonPath("$.components.schemas.Problem.properties.violations")
                .exists()
                .jsonPath("$.components.schemas.FieldViolation.properties.index")
                .exists();
    }

    private WebTestClient.ResponseSpec post(String path, MediaType type, String body) {
        return client.post()
                .uri(path)
                .contentType(type)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }
}
