package io.minxin.intake.events;

import static io.minxin.intake.TestEvents.accepted;
import static io.minxin.intake.TestEvents.json;
import static io.minxin.intake.TestEvents.login;
import static io.minxin.intake.TestEvents.returned;
import static io.minxin.intake.TestEvents.visited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import io.minxin.events.EventType;
import io.minxin.events.identity.Role;
import io.minxin.intake.RecordingPublisher;
import io.minxin.intake.TestEvents;
import io.minxin.intake.publish.EventPublisher;
import io.minxin.servicekit.identity.ServicePortChecks;
import io.minxin.servicekit.identity.TestIdentity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
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
import tools.jackson.databind.JsonNode;
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
// imported, not only found as a nested configuration: the @Nested tests inherit imports, and so get it too
@Import(EventsApiTest.RecordingPublisherConfiguration.class)
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
        ObjectNode unknownType = json(accepted("e0", "c0")).put("type", "minxin.case.deleted");
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
                .jsonPath("$.paths['/api/v1/events'].post.parameters[?(@.name == 'ce-specversion')].in")
                .isEqualTo("header")
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
                .exists()
                .jsonPath("$.components.schemas.CloudEventType.enum")
                .value(
                        List.class,
                        types -> assertThat(types)
                                .containsExactlyElementsOf(Arrays.stream(EventType.values())
                                        .map(EventType::ceType)
                                        .toList()))
                .jsonPath("$.components.schemas.CloudEventType.description")
                .value(
                        String.class,
                        description -> assertThat(description)
                                .contains("minxin.case.signed (optional) → topic case-events, key caseId")
                                .contains("minxin.unit.registered (optional) → topic unit-activity, key unitId")
                                .contains("minxin.case.accepted → topic case-events, key caseId"));
    }

    /** The contract's optional types (issue 18) in every way an event comes in, taken and published like the five. */
    @Nested
    class OptionalTypes {
        /** At most the batch limit of this test (5) per request. */
        private static final int CHUNK = 4;

        private final List<CaseEvent> events = TestEvents.optionalTypes("o", "614418", "u-01");

        @Test
        void givenEachOptionalTypeWhenPostedAsOneStructuredEventThenEachIsPublishedAsItself() {
            for (CaseEvent event : events) {
                post("/api/v1/events", CLOUDEVENTS, json(event).toString())
                        .expectStatus()
                        .isAccepted()
                        .expectBody()
                        .json("{\"accepted\":1,\"ids\":[\"" + event.id() + "\"]}");
            }

            assertThat(publisher.singles()).containsExactlyElementsOf(events);
            assertThat(publisher.transactions()).isEmpty();
        }

        @Test
        void givenEveryOptionalTypeInJsonArrayNdjsonAndCsvBatchesThenEachFormatPublishesTheSameEventsInTransactions() {
            List<List<CaseEvent>> chunks = new ArrayList<>();
            for (int i = 0; i < events.size(); i += CHUNK) {
                chunks.add(events.subList(i, Math.min(events.size(), i + CHUNK)));
            }

            for (List<CaseEvent> chunk : chunks) {
                post("/api/v1/events/batch", BATCH, TestEvents.array(chunk))
                        .expectStatus()
                        .isAccepted();
            }
            for (List<CaseEvent> chunk : chunks) {
                post("/api/v1/events/batch", NDJSON, TestEvents.ndjson(chunk))
                        .expectStatus()
                        .isAccepted();
            }
            for (List<CaseEvent> chunk : chunks) {
                post("/api/v1/events/batch", CSV, TestEvents.csv(chunk))
                        .expectStatus()
                        .isAccepted();
            }

            List<List<CaseEvent>> transactions = publisher.transactions();
            assertThat(transactions).hasSize(3 * chunks.size());
            for (int format = 0; format < 3; format++) {
                assertThat(transactions.subList(format * chunks.size(), (format + 1) * chunks.size()).stream()
                                .flatMap(List::stream)
                                .toList())
                        .as("format %d", format)
                        .containsExactlyElementsOf(events);
            }
        }

        @Test
        void givenBadItemsOfOptionalTypesInABatchThenTheProblemNamesEachItemAndFieldAndNothingIsPublished() {
            ObjectNode noDispatcher = json(events.get(0));
            ((ObjectNode) noDispatcher.get("data")).remove("dispatcher");
            ObjectNode approvedWithoutDeadline = json(events.get(4));
            ((ObjectNode) approvedWithoutDeadline.get("data")).remove("dueAt");
            ObjectNode mergedIntoItself = json(events.get(8));
            ((ObjectNode) mergedIntoItself.get("data")).put("intoCaseId", "614418-dup");
            ObjectNode noJurisdiction = json(events.get(9));
            ((ObjectNode) noJurisdiction.get("data")).remove("jurisdiction");
            String csvWithoutDispatcher = TestEvents.csv(events.subList(0, 1)).replace(",dispatcher,", ",dispatch,");

            JsonNode problem = problemOf(post(
                    "/api/v1/events/batch",
                    BATCH,
                    TestEvents.array(
                            List.of(noDispatcher, approvedWithoutDeadline, mergedIntoItself, noJurisdiction))));
            JsonNode csvProblem = problemOf(post("/api/v1/events/batch", CSV, csvWithoutDispatcher));

            assertThat(problem.get("type").asString()).isEqualTo("urn:minxin:problem:invalid-events");
            assertThat(problem.get("violations"))
                    .extracting(
                            v -> v.get("index").asInt(),
                            v -> v.get("id").asString(),
                            v -> v.get("field").asString(),
                            v -> v.get("message").asString())
                    .containsExactly(
                            tuple(0, "o1", "data.dispatcher", "is required"),
                            tuple(1, "o5", "data.dueAt", "is required"),
                            tuple(2, "o9", "data.intoCaseId", "must name another case than data.caseId"),
                            tuple(3, "o10", "data.jurisdiction", "is required"));
            assertThat(csvProblem.get("violations"))
                    .extracting(v -> v.get("field").asString())
                    .containsExactly("csv.dispatcher");
            assertThat(publisher.nothingPublished()).isTrue();
        }

        private JsonNode problemOf(WebTestClient.ResponseSpec response) {
            return EventJson.mapper()
                    .readTree(response.expectStatus()
                            .isBadRequest()
                            .expectHeader()
                            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .expectBody()
                            .returnResult()
                            .getResponseBody());
        }
    }

    /**
     * What an integrator using the official CloudEvents Java SDK sends: its HTTP binding writes the request, in
     * binary content mode (the SDKs' default) and in structured mode, and intake must take both as one event.
     */
    @Nested
    class BinaryContentMode {
        private static final String EVENTS = "/api/v1/events";

        @Test
        void givenTheSdksBinaryAndStructuredFormsOfOneEventWhenPostedThenBothAreAcceptedAsTheSameEvent() {
            CaseEvent event = accepted("e1", "614418");
            CloudEvent sdkEvent = CloudEventBuilder.from(sdkEvent(event))
                    .withExtension("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                    .build();

            String binaryReceipt = send(binary(sdkEvent, UnaryOperator.identity()))
                    .expectStatus()
                    .isAccepted()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            String structuredReceipt = send(structured(sdkEvent))
                    .expectStatus()
                    .isAccepted()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();

            assertThat(binaryReceipt).isEqualTo(structuredReceipt).isEqualTo("{\"accepted\":1,\"ids\":[\"e1\"]}");
            assertThat(publisher.singles()).containsExactly(event, event);
            assertThat(publisher.transactions()).isEmpty();
        }

        @Test
        void givenABinaryEventWithoutCeIdWhenPostedThenTheProblemIsTheOneAStructuredEventWithoutIdGets() {
            CloudEvent sdkEvent = sdkEvent(login("e1", "u-01"));
            ObjectNode structuredWithoutId = json(login("e1", "u-01"));
            structuredWithoutId.remove("id");

            JsonNode binaryProblem = problem(send(binary(sdkEvent, without("ce-id"))));
            JsonNode structuredProblem = problem(client.post()
                    .uri(EVENTS)
                    .contentType(MediaType.parseMediaType(EventsController.CLOUDEVENTS_JSON))
                    .bodyValue(structuredWithoutId.toString())
                    .exchange());

            assertThat(binaryProblem).isEqualTo(structuredProblem);
            assertThat(binaryProblem.get("type").asString()).isEqualTo("urn:minxin:problem:invalid-events");
            assertThat(binaryProblem.at("/violations/0/field").asString()).isEqualTo("id");
            assertThat(binaryProblem.at("/violations/0/message").asString()).isEqualTo("is required");
            assertThat(publisher.nothingPublished()).isTrue();
        }

        @Test
        void givenABinaryEventOfAnUnknownTypeWhenPostedThenTheProblemNamesTypeAndTheEventsId() {
            CloudEvent sdkEvent = CloudEventBuilder.from(sdkEvent(login("e7", "u-01")))
                    .withType("minxin.case.deleted")
                    .build();

            JsonNode problem = problem(send(binary(sdkEvent, UnaryOperator.identity())));

            assertThat(problem.get("violations")).hasSize(1);
            assertThat(problem.at("/violations/0/index").asInt()).isZero();
            assertThat(problem.at("/violations/0/id").asString()).isEqualTo("e7");
            assertThat(problem.at("/violations/0/field").asString()).isEqualTo("type");
            assertThat(publisher.nothingPublished()).isTrue();
        }

        @Test
        void givenPercentEncodedHeaderValuesWhenPostedInBinaryModeThenTheEventCarriesTheDecodedText() {
            CaseEvent expected =
                    CaseEvent.of("e2", "/platform/盘锦 8890", login("e2", "u-01").data());

            client.post()
                    .uri(EVENTS)
                    .header("CE-SPECVERSION", "1.0")
                    .header("Ce-Id", "e2")
                    .header("ce-source", "/platform/%E7%9B%98%E9%94%A6%208890")
                    .header("ce-type", "minxin.unit.login")
                    // "+" needs no encoding; an encoding that was not needed is still decoded
                    .header("ce-time", "2024-09-02T09:00:00%2B08:00")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(dataOf(expected))
                    .exchange()
                    .expectStatus()
                    .isAccepted();

            assertThat(publisher.singles()).containsExactly(expected);
        }

        @Test
        void givenAHeaderThatIsNotPercentEncodedUtf8WhenPostedThenTheProblemNamesItsAttribute() {
            JsonNode problem = problem(send(binary(sdkEvent(login("e3", "u-01")), headers -> {
                headers.set("ce-source", "/platform/%C0%A0");
                return headers;
            })));

            assertThat(problem.get("violations")).hasSize(1);
            assertThat(problem.at("/violations/0/id").asString()).isEqualTo("e3");
            assertThat(problem.at("/violations/0/field").asString()).isEqualTo("source");
            assertThat(problem.at("/violations/0/message").asString()).contains("not UTF-8");
        }

        @Test
        void givenBinaryDataThatIsNotTheContractsJsonObjectWhenPostedThenTheProblemNamesDataOrDatacontenttype() {
            CloudEvent malformed = CloudEventBuilder.from(sdkEvent(login("e4", "u-01")))
                    .withData("application/json", "{\"unitId\":".getBytes(StandardCharsets.UTF_8))
                    .build();
            CloudEvent text = CloudEventBuilder.from(sdkEvent(login("e5", "u-01")))
                    .withData("text/plain", "u-01".getBytes(StandardCharsets.UTF_8))
                    .build();

            JsonNode malformedProblem = problem(send(binary(malformed, UnaryOperator.identity())));
            JsonNode textProblem = problem(send(binary(text, UnaryOperator.identity())));

            assertThat(malformedProblem.get("violations")).hasSize(1);
            assertThat(malformedProblem.at("/violations/0/field").asString()).isEqualTo("data");
            assertThat(malformedProblem.at("/violations/0/message").asString()).startsWith("malformed JSON at line 1");
            assertThat(textProblem.get("violations"))
                    .extracting(violation -> violation.get("field").asString())
                    .containsExactly("datacontenttype", "data");
            assertThat(publisher.nothingPublished()).isTrue();
        }

        @Test
        void givenCeHeadersOnAStructuredEventOrABatchThenTheContentTypeDecidesAsBefore() {
            CloudEvent sdkEvent = sdkEvent(login("e6", "u-01"));
            Request structured = structured(sdkEvent);
            structured.headers().set("ce-specversion", "1.0");
            Request batch = new Request(
                    new HttpHeaders(),
                    TestEvents.array(List.of(login("e7", "u-01"))).getBytes(StandardCharsets.UTF_8));
            batch.headers().set("ce-specversion", "1.0");
            batch.headers().setContentType(MediaType.parseMediaType(EventsController.CLOUDEVENTS_BATCH_JSON));

            send(structured).expectStatus().isAccepted();
            send(batch).expectStatus().isEqualTo(415).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

            assertThat(publisher.singles()).containsExactly(login("e6", "u-01"));
        }

        @Test
        void givenEachOptionalTypeFromTheSdkInBinaryModeWhenPostedThenEachIsPublishedAsItself() {
            List<CaseEvent> events = TestEvents.optionalTypes("b", "614418", "u-01");

            for (CaseEvent event : events) {
                send(binary(sdkEvent(event), UnaryOperator.identity()))
                        .expectStatus()
                        .isAccepted();
            }

            assertThat(publisher.singles()).containsExactlyElementsOf(events);
        }

        @Test
        void givenASignInWithoutUnitInBinaryModeWhenPostedThenTheProblemNamesTheEventAndDataUnitId() {
            CaseEvent signed = TestEvents.optionalTypes("b", "614418", "u-01").get(2);
            ObjectNode data = (ObjectNode) json(signed).get("data");
            data.remove("unitId");
            CloudEvent withoutUnit = CloudEventBuilder.from(sdkEvent(signed))
                    .withData(CaseEvent.DATA_CONTENT_TYPE, EventJson.mapper().writeValueAsBytes(data))
                    .build();

            JsonNode problem = problem(send(binary(withoutUnit, UnaryOperator.identity())));

            assertThat(problem.get("violations")).hasSize(1);
            assertThat(problem.at("/violations/0/id").asString()).isEqualTo("b3");
            assertThat(problem.at("/violations/0/field").asString()).isEqualTo("data.unitId");
            assertThat(publisher.nothingPublished()).isTrue();
        }

        /** The event as an integrator builds it with the SDK, its data the contract's JSON object. */
        private static CloudEvent sdkEvent(CaseEvent event) {
            ObjectNode json = json(event);
            return CloudEventBuilder.v1()
                    .withId(event.id())
                    .withSource(URI.create(event.source()))
                    .withType(event.type().ceType())
                    .withTime(OffsetDateTime.parse(json.get("time").asString()))
                    .withData(CaseEvent.DATA_CONTENT_TYPE, dataOf(event))
                    .build();
        }

        private static byte[] dataOf(CaseEvent event) {
            return EventJson.mapper().writeValueAsBytes(json(event).get("data"));
        }

        /** A request as the SDK's HTTP binding writes it. */
        private record Request(HttpHeaders headers, Object body) {}

        private static Request binary(CloudEvent event, UnaryOperator<HttpHeaders> change) {
            HttpHeaders headers = new HttpHeaders();
            AtomicReference<byte[]> body = new AtomicReference<>();
            HttpMessageFactory.createWriter(headers::add, body::set).writeBinary(event);
            assertThat(headers.getFirst("ce-specversion")).isEqualTo("1.0");
            return new Request(change.apply(headers), body.get());
        }

        private static Request structured(CloudEvent event) {
            HttpHeaders headers = new HttpHeaders();
            AtomicReference<byte[]> body = new AtomicReference<>();
            HttpMessageFactory.createWriter(headers::add, body::set).writeStructured(event, JsonFormat.CONTENT_TYPE);
            assertThat(headers.getContentType()).hasToString(JsonFormat.CONTENT_TYPE);
            return new Request(headers, body.get());
        }

        private static UnaryOperator<HttpHeaders> without(String header) {
            return headers -> {
                headers.headerNames().stream()
                        .filter(name -> name.toLowerCase(Locale.ROOT).equals(header))
                        .toList()
                        .forEach(headers::remove);
                return headers;
            };
        }

        private WebTestClient.ResponseSpec send(Request request) {
            return client.post()
                    .uri(EVENTS)
                    .headers(headers -> headers.addAll(request.headers()))
                    .bodyValue(request.body())
                    .exchange();
        }

        private static JsonNode problem(WebTestClient.ResponseSpec response) {
            byte[] body = response.expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
            return EventJson.mapper().readTree(body);
        }
    }

    private WebTestClient.ResponseSpec post(String path, MediaType type, String body) {
        return client.post()
                .uri(path)
                .contentType(type)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }
}
