package io.minxin.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One CloudEvent 1.0 of the contract. {@code specversion} is always 1.0 and {@code datacontenttype}
 * application/json, so they are not fields; {@link EventJson} writes them.
 */
public record CaseEvent(String id, String source, EventType type, Instant time, EventData data) {
    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public CaseEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (!type.dataClass().isInstance(data)) {
            throw new IllegalArgumentException(
                    "data of " + type.ceType() + " must be " + type.dataClass().getSimpleName());
        }
    }

    public static CaseEvent of(String id, String source, EventData data) {
        return new CaseEvent(id, source, typeOf(data), data.occurredAt(), data);
    }

    public static EventType typeOf(EventData data) {
        for (EventType type : EventType.values()) {
            if (type.dataClass().isInstance(data)) {
                return type;
            }
        }
        throw new IllegalArgumentException("no event type for " + data.getClass());
    }

    /** Kafka key: caseId, or unitId for a unit's event (log-in, registration). */
    public String key() {
        return data.key();
    }

    public String topic() {
        return type.topic();
    }

    /** CloudEvents identity: {@code id} is unique per {@code source}. */
    public String dedupeKey() {
        return source + "|" + id;
    }

    public Instant occurredAt() {
        return data.occurredAt();
    }
}
