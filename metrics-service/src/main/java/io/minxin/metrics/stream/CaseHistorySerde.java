package io.minxin.metrics.stream;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventData;
import io.minxin.events.EventJson;
import io.minxin.events.EventType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** The distinct events of one case in the history store: a JSON array of the CloudEvents as published. */
final class CaseHistorySerde extends Serdes.WrapperSerde<List<CaseEvent>> {

    CaseHistorySerde() {
        super(new HistorySerializer(), new HistoryDeserializer());
    }

    private static final class HistorySerializer implements Serializer<List<CaseEvent>> {
        @Override
        public byte[] serialize(String topic, List<CaseEvent> events) {
            if (events == null) {
                return null;
            }
            ArrayNode array = EventJson.mapper().createArrayNode();
            events.forEach(e -> array.add(EventJson.toNode(e)));
            return EventJson.mapper().writeValueAsBytes(array);
        }
    }

    private static final class HistoryDeserializer implements Deserializer<List<CaseEvent>> {
        @Override
        public List<CaseEvent> deserialize(String topic, byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            try {
                JsonNode array = EventJson.mapper().readTree(bytes);
                List<CaseEvent> events = new ArrayList<>(array.size());
                for (JsonNode node : array) {
                    events.add(event(node));
                }
                return events;
            } catch (JacksonException | IllegalArgumentException e) {
                throw new SerializationException("unreadable case history: " + e.getMessage(), e);
            }
        }

        /** Events in the store were read from the topic before, so only their shape is restored here. */
        private static CaseEvent event(JsonNode node) {
            EventType type = EventType.fromCeType(node.path("type").asString(""))
                    .orElseThrow(() -> new IllegalArgumentException("unknown type " + node.path("type")));
            EventData data = EventJson.mapper().treeToValue(node.get("data"), type.dataClass());
            JsonNode time = node.get("time");
            return new CaseEvent(
                    node.path("id").asString(),
                    node.path("source").asString(),
                    type,
                    time == null || time.isNull()
                            ? null
                            : OffsetDateTime.parse(time.asString()).toInstant(),
                    data);
        }
    }
}
