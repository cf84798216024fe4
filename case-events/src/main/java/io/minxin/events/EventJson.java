package io.minxin.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of the contract: structured-mode CloudEvents, the same on HTTP and as Kafka values. */
public final class EventJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The mapper of the contract (nulls omitted, unknown properties ignored, ISO-8601 instants). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode toNode(CaseEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("specversion", CaseEvent.SPEC_VERSION);
        node.put("id", event.id());
        node.put("source", event.source());
        node.put("type", event.type().ceType());
        if (event.time() != null) {
            node.put("time", event.time().toString());
        }
        node.put("datacontenttype", CaseEvent.DATA_CONTENT_TYPE);
        node.set("data", MAPPER.valueToTree(event.data()));
        return node;
    }

    public static String toJson(CaseEvent event) {
        return MAPPER.writeValueAsString(toNode(event));
    }

    public static byte[] toBytes(CaseEvent event) {
        return toJson(event).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads an event that was validated before it was published (a Kafka value). Untrusted input goes
     * through {@link EventValidator} instead, which names every bad field.
     *
     * @throws EventFormatException when the bytes are not an event of the contract
     */
    public static CaseEvent fromBytes(byte[] bytes) {
        try {
            return fromNode(MAPPER.readTree(bytes));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new EventFormatException("not a Minxin CloudEvent: " + e.getMessage(), e);
        }
    }

    static CaseEvent fromNode(JsonNode node) {
        EventType type = EventType.fromCeType(node.path("type").asString(""))
                .orElseThrow(() -> new IllegalArgumentException("unknown type " + node.path("type")));
        EventData data = MAPPER.treeToValue(node.get("data"), type.dataClass());
        JsonNode time = node.get("time");
        return new CaseEvent(
                node.path("id").asString(),
                node.path("source").asString(),
                type,
                time == null || time.isNull()
                        ? null
                        : java.time.OffsetDateTime.parse(time.asString()).toInstant(),
                data);
    }

    private EventJson() {}
}
