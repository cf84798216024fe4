package io.minxin.intake.events;

import io.minxin.events.identity.Caller;
import io.minxin.events.problem.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * HTTP entry for the platform integrations. The body is read here as bytes under a size cap and parsed by
 * {@link EventBatchReader}, so every parse error becomes a precise problem report instead of a codec error.
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "events", description = "Publish citizen-appeal lifecycle events (CloudEvents 1.0)")
@ApiResponse(
        responseCode = "400",
        description = "invalid events (urn:minxin:problem:invalid-events): every bad item and field in "
                + "\"violations\" (index, id, field, message); nothing was published",
        content =
                @Content(
                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "413",
        description = "body over minxin.intake.max-event-bytes / max-batch-bytes, or more than "
                + "minxin.intake.max-batch-events events",
        content =
                @Content(
                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "415",
        description = "unsupported content type",
        content =
                @Content(
                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "503",
        description = "Kafka did not acknowledge in time; a batch was aborted (nothing of it is visible)",
        content =
                @Content(
                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        schema = @Schema(implementation = Problem.class)))
class EventsController {
    static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    static final String CLOUDEVENTS_BATCH_JSON = "application/cloudevents-batch+json";
    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private static final List<MediaType> SINGLE_EVENT_TYPES =
            List.of(MediaType.parseMediaType(CLOUDEVENTS_JSON), MediaType.APPLICATION_JSON);

    private static final int KEY_ID_LOG_MAX = 64;
    private static final String EVENT_EXAMPLE = """
            {"specversion":"1.0","id":"evt-1","source":"/platform/panjin-8890","type":"minxin.case.accepted",
             "time":"2020-09-01T09:00:00+08:00","datacontenttype":"application/json",
             "data":{"caseId":"614418","unitId":"u-01","unitName":"区住建局","channel":"PHONE",
                     "title":"小区供暖不热","occurredAt":"2020-09-01T09:00:00+08:00"}}""";

    private final EventIntake intake;
    private final IntakeProperties limits;

    EventsController(EventIntake intake, IntakeProperties limits) {
        this.intake = intake;
        this.limits = limits;
    }

    // no consumes: binary content mode carries any content type (the contract then refuses what is not JSON),
    // and a second mapping for it would turn the 415 of an unsupported type into a 404
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Publish one event",
            description = "Validates one CloudEvent and publishes it to Kafka with an idempotent producer. "
                    + "Answers 202 only after Kafka acknowledged it. Structured content mode (the event as JSON) "
                    + "or binary content mode of the CloudEvents HTTP binding, as the SDKs send it by default: "
                    + "the attributes as percent-encoded ce-* headers (ce-specversion, ce-id, ce-source, ce-type, "
                    + "ce-time, extensions), Content-Type application/json as the datacontenttype and the data "
                    + "object as the body. Both are checked alike: a missing ce-id is reported on field \"id\". "
                    + "The types and where each goes: schema CloudEventType.",
            parameters =
                    @Parameter(
                            in = ParameterIn.HEADER,
                            name = CloudEventHeaders.SPEC_VERSION,
                            description = "1.0 in binary content mode, with the other attributes as ce-* headers",
                            schema = @Schema(type = "string", allowableValues = "1.0")),
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = CLOUDEVENTS_JSON,
                                        schema = @Schema(type = "object", description = "a CloudEvent"),
                                        examples = @ExampleObject(value = EVENT_EXAMPLE)),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema =
                                                @Schema(
                                                        type = "object",
                                                        description = "a CloudEvent; in binary content mode "
                                                                + "(ce-specversion header) the event's data"))
                            }),
            responses = @ApiResponse(responseCode = "202", description = "published and acknowledged"))
    Mono<Receipt> publishEvent(ServerWebExchange exchange, Caller caller) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        boolean binary = CloudEventHeaders.isBinaryMode(headers);
        if (!binary) {
            checkStructured(headers);
        }
        presetReceiptType(exchange);
        String key = loggable(caller.keyId());
        if (binary) {
            CloudEventHeaders.Attributes attributes = CloudEventHeaders.read(headers);
            return body(exchange, limits.maxEventBytes(), key)
                    .flatMap(data -> intake.acceptBinaryEvent(attributes, data, key));
        }
        return body(exchange, limits.maxEventBytes(), key).flatMap(bytes -> intake.acceptEvent(bytes, key));
    }

    /**
     * Structured content mode takes what {@code consumes = {CLOUDEVENTS_JSON, APPLICATION_JSON}} took, and refuses
     * the rest with the 415 that Spring's mapping gave (a structured event may also carry {@code ce-} headers).
     */
    private static void checkStructured(HttpHeaders headers) {
        MediaType contentType;
        try {
            contentType = headers.getContentType();
        } catch (InvalidMediaTypeException e) {
            throw new UnsupportedMediaTypeStatusException(e.getMessage(), SINGLE_EVENT_TYPES);
        }
        if (contentType == null || SINGLE_EVENT_TYPES.stream().noneMatch(type -> type.includes(contentType))) {
            throw new UnsupportedMediaTypeStatusException(contentType, SINGLE_EVENT_TYPES, HttpMethod.POST);
        }
    }

    @PostMapping(
            path = "/batch",
            consumes = {CLOUDEVENTS_BATCH_JSON, NDJSON, CSV, MediaType.APPLICATION_JSON_VALUE})
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Publish a batch atomically",
            description = "Validates every item (a JSON array of CloudEvents, NDJSON, or CSV with one column per "
                    + "field) and publishes all of them in one Kafka transaction: all or nothing. Any bad item "
                    + "refuses the whole batch with every error listed. Answers 202 only after the commit.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = CLOUDEVENTS_BATCH_JSON,
                                        schema = @Schema(type = "array", description = "CloudEvents")),
                                @Content(
                                        mediaType = NDJSON,
                                        schema = @Schema(type = "string", description = "one CloudEvent per line")),
                                @Content(
                                        mediaType = CSV,
                                        schema =
                                                @Schema(
                                                        type = "string",
                                                        description = "header row with id, source, type, "
                                                                + "occurredAt and the data columns of the types used")),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(type = "array", description = "CloudEvents"))
                            }),
            responses = @ApiResponse(responseCode = "202", description = "committed"))
    Mono<Receipt> publishBatch(ServerWebExchange exchange, Caller caller) {
        presetReceiptType(exchange);
        String key = loggable(caller.keyId());
        MediaType contentType = exchange.getRequest().getHeaders().getContentType();
        Charset charset = contentType == null || contentType.getCharset() == null
                ? StandardCharsets.UTF_8
                : contentType.getCharset();
        BatchFormat format = formatOf(contentType);
        return body(exchange, limits.maxBatchBytes(), key)
                .flatMap(bytes -> intake.acceptBatch(format, bytes, charset, key));
    }

    /**
     * A client that accepts anything gets the receipt as JSON without a content negotiation per request (the
     * single-event path is taken thousands of times a second); refusals set their own type (problem JSON).
     */
    private static void presetReceiptType(ServerWebExchange exchange) {
        if (!exchange.getRequest().getHeaders().containsHeader(HttpHeaders.ACCEPT)) {
            exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
        }
    }

    private Mono<byte[]> body(ServerWebExchange exchange, DataSize limit, String keyId) {
        ServerHttpRequest request = exchange.getRequest();
        long max = limit.toBytes();
        long declared = request.getHeaders().getContentLength();
        if (declared > max) {
            return Mono.error(tooLarge("the body has " + declared + " bytes; at most " + max + " allowed", keyId));
        }
        // copied and released chunk by chunk rather than DataBufferUtils.join(body, max): that one releases
        // buffers twice on Reactor Netty when the limit is hit mid-stream
        return Mono.defer(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
            return request.getBody()
                    .<byte[]>handle((buffer, sink) -> {
                        try {
                            if (bytes.size() + (long) buffer.readableByteCount() > max) {
                                sink.error(tooLarge("the body exceeds the limit of " + max + " bytes", keyId));
                                return;
                            }
                            byte[] chunk = new byte[buffer.readableByteCount()];
                            buffer.read(chunk);
                            bytes.writeBytes(chunk);
                        } finally {
                            DataBufferUtils.release(buffer);
                        }
                    })
                    .then(Mono.fromSupplier(bytes::toByteArray));
        });
    }

    private PayloadTooLargeException tooLarge(String message, String keyId) {
        PayloadTooLargeException e = new PayloadTooLargeException(message);
        intake.tooLarge(keyId, e);
        return e;
    }

    static BatchFormat formatOf(MediaType contentType) {
        if (contentType != null && contentType.isCompatibleWith(MediaType.parseMediaType(NDJSON))) {
            return BatchFormat.NDJSON;
        }
        if (contentType != null && contentType.isCompatibleWith(MediaType.parseMediaType(CSV))) {
            return BatchFormat.CSV;
        }
        return BatchFormat.JSON_ARRAY;
    }

    /**
     * The key id of the verified caller (the token's {@code sub}, which the gateway signs): still no line breaks or
     * control characters into the log, and not too long.
     */
    static String loggable(String keyId) {
        if (keyId == null || keyId.isBlank()) {
            return "-";
        }
        String clean = keyId.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= KEY_ID_LOG_MAX ? clean : clean.substring(0, KEY_ID_LOG_MAX) + "…";
    }
}
