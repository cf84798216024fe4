package io.minxin.metrics.stream;

import io.minxin.events.Accepted;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.EventData;
import io.minxin.events.EventJson;
import io.minxin.events.EventType;
import io.minxin.events.Returned;
import io.minxin.events.Satisfaction;
import io.minxin.events.Visited;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a case-events value in one streaming pass, for the common shape: the envelope's strings, then
 * {@code data} after {@code type}, every field of the plain JSON type it is written with. Anything else
 * (another order, a number where a string is expected, a duplicate field, a log-in, malformed JSON...)
 * is read by {@link EventJson#fromBytes}, the contract's reader, which also words every rejection. Both
 * give the same event wherever this one gives one; a tree and a data binding per event cost far more.
 */
final class CaseEventReader {
    private static final Map<String, EventType> CASE_TYPES = new HashMap<>();

    static {
        for (EventType type : EventType.values()) {
            if (type != EventType.UNIT_LOGIN) {
                CASE_TYPES.put(type.ceType(), type);
            }
        }
    }

    /**
     * The event, as {@link EventJson#fromBytes} reads it.
     *
     * @throws io.minxin.events.EventFormatException when the bytes are not an event of the contract
     */
    static CaseEvent read(byte[] bytes) {
        CaseEvent event = plain(bytes);
        return event != null ? event : EventJson.fromBytes(bytes);
    }

    /** The event when the bytes have the common shape, else null. */
    static CaseEvent plain(byte[] bytes) {
        try (JsonParser parser = EventJson.mapper().createParser(bytes)) {
            return envelope(parser);
        } catch (JacksonException | DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The event, or null where the contract's reader must decide. */
    private static CaseEvent envelope(JsonParser p) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String id = null;
        String source = null;
        EventType type = null;
        Instant time = null;
        boolean timeSeen = false;
        EventData data = null;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "id":
                    if (id != null || token != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    id = p.getString();
                    break;
                case "source":
                    if (source != null || token != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    source = p.getString();
                    break;
                case "type":
                    if (type != null || token != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    type = CASE_TYPES.get(p.getString());
                    if (type == null) {
                        return null;
                    }
                    break;
                case "time":
                    if (timeSeen || token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL) {
                        return null;
                    }
                    timeSeen = true;
                    time = token == JsonToken.VALUE_NULL
                            ? null
                            : OffsetDateTime.parse(p.getString()).toInstant();
                    break;
                case "data":
                    if (data != null || type == null || token != JsonToken.START_OBJECT) {
                        return null;
                    }
                    data = data(p, type);
                    if (data == null) {
                        return null;
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
        if (id == null || source == null || data == null || p.nextToken() != null) {
            return null;
        }
        return new CaseEvent(id, source, type, time, data);
    }

    /** The fields of {@code data}, by name; null where the contract's reader must decide. */
    private static EventData data(JsonParser p, EventType type) {
        Map<String, Object> fields = new HashMap<>(16);
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken token = p.nextToken();
            Object value;
            switch (token) {
                case VALUE_STRING:
                    value = p.getString();
                    break;
                case VALUE_TRUE:
                    value = Boolean.TRUE;
                    break;
                case VALUE_FALSE:
                    value = Boolean.FALSE;
                    break;
                case VALUE_NULL:
                    value = Null.VALUE;
                    break;
                default:
                    p.skipChildren();
                    value = Other.VALUE;
            }
            if (fields.put(name, value) != null) {
                return null;
            }
        }
        Fields f = new Fields(fields);
        EventData data;
        switch (type) {
            case CASE_ACCEPTED:
                data = new Accepted(
                        f.string("caseId"),
                        f.string("unitId"),
                        f.string("unitName"),
                        f.constant("channel", Channel.class),
                        f.string("title"),
                        f.string("category"),
                        f.instant("occurredAt"),
                        f.instant("dueAt"),
                        f.instant("assignedAt"));
                break;
            case CASE_RETURNED:
                data = new Returned(
                        f.string("caseId"), f.string("unitId"), f.string("reason"), f.instant("occurredAt"));
                break;
            case CASE_CONCLUDED:
                data = new Concluded(
                        f.string("caseId"), f.string("unitId"), f.string("reply"), f.instant("occurredAt"));
                break;
            case CASE_VISITED:
                data = new Visited(
                        f.string("caseId"),
                        f.string("unitId"),
                        f.constant("satisfaction", Satisfaction.class),
                        f.flag("excellent"),
                        f.instant("occurredAt"));
                break;
            default:
                return null;
        }
        return f.plain ? data : null;
    }

    /** The known fields of one data object; {@code plain} turns false at the first unusual one. */
    private static final class Fields {
        private final Map<String, Object> values;
        private boolean plain = true;

        Fields(Map<String, Object> values) {
            this.values = values;
        }

        String string(String name) {
            Object value = values.get(name);
            if (value == null || value == Null.VALUE) {
                return null;
            }
            if (value instanceof String) {
                return (String) value;
            }
            plain = false;
            return null;
        }

        /** Only the form the contract writes (ISO-8601 in UTC, {@code Z}); any other goes to the contract's reader. */
        Instant instant(String name) {
            String text = string(name);
            if (text == null) {
                return null;
            }
            if (!isUtcInstant(text)) {
                plain = false;
                return null;
            }
            return Instant.parse(text);
        }

        <E extends Enum<E>> E constant(String name, Class<E> type) {
            Object value = values.get(name);
            if (value == null) {
                return null;
            }
            if (value instanceof String) {
                for (E constant : type.getEnumConstants()) {
                    if (constant.name().equals(value)) {
                        return constant;
                    }
                }
            }
            plain = false;
            return null;
        }

        boolean flag(String name) {
            Object value = values.get(name);
            if (value instanceof Boolean) {
                return (Boolean) value;
            }
            plain = false;
            return false;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, nothing else. */
    static boolean isUtcInstant(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z') {
            return false;
        }
        String shape = "dddd-dd-ddTdd:dd:dd";
        for (int i = 0; i < shape.length(); i++) {
            char expected = shape.charAt(i);
            char c = text.charAt(i);
            if (expected == 'd' ? c < '0' || c > '9' : c != expected) {
                return false;
            }
        }
        if (length == 20) {
            return true;
        }
        if (text.charAt(19) != '.' || length == 21) {
            return false;
        }
        for (int i = 20; i < length - 1; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private enum Null {
        VALUE
    }

    private enum Other {
        VALUE
    }

    private CaseEventReader() {}
}
