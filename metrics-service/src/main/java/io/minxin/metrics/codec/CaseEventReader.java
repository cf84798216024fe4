package io.minxin.metrics.codec;

import io.minxin.events.Accepted;
import io.minxin.events.Assigned;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.EventData;
import io.minxin.events.EventJson;
import io.minxin.events.EventType;
import io.minxin.events.ExtensionDecided;
import io.minxin.events.ExtensionOutcome;
import io.minxin.events.ExtensionRequested;
import io.minxin.events.HandlingRole;
import io.minxin.events.Merged;
import io.minxin.events.Returned;
import io.minxin.events.Satisfaction;
import io.minxin.events.Signed;
import io.minxin.events.Visited;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a case-events value in one streaming pass, for the common shape: the envelope's strings, then
 * {@code data} after {@code type}, every field of the plain JSON type it is written with. Anything else
 * (another order, a number where a string is expected, a duplicate field, a unit's event, a case event of an
 * optional type other than dispatch, sign-in, extensions and merges, malformed JSON...)
 * is read by {@link EventJson#fromBytes}, the contract's reader, which also words every rejection. Both
 * give the same event wherever this one gives one; a tree and a data binding per event cost far more.
 */
public final class CaseEventReader {
    private static final Map<String, EventType> CASE_TYPES = new HashMap<>();
    private static final int CASE_ID = 0;
    private static final int UNIT_ID = 1;
    private static final int UNIT_NAME = 2;
    private static final int CHANNEL = 3;
    private static final int TITLE = 4;
    private static final int CATEGORY = 5;
    private static final int OCCURRED_AT = 6;
    private static final int DUE_AT = 7;
    private static final int ASSIGNED_AT = 8;
    private static final int REASON = 9;
    private static final int REPLY = 10;
    private static final int SATISFACTION = 11;
    private static final int EXCELLENT = 12;
    private static final int JURISDICTION = 13;
    private static final int ROLE = 14;
    private static final int DISPATCHER = 15;
    private static final int EXTENSION_ID = 16;
    private static final int REQUESTED_DUE_AT = 17;
    private static final int OUTCOME = 18;
    private static final int DECIDED_BY = 19;
    private static final int INTO_CASE_ID = 20;
    /** The data fields of the four case events and of dispatch, sign-in, extensions and merges, by name. */
    private static final Map<String, Integer> FIELDS = Map.ofEntries(
            Map.entry("caseId", CASE_ID),
            Map.entry("unitId", UNIT_ID),
            Map.entry("unitName", UNIT_NAME),
            Map.entry("channel", CHANNEL),
            Map.entry("title", TITLE),
            Map.entry("category", CATEGORY),
            Map.entry("occurredAt", OCCURRED_AT),
            Map.entry("dueAt", DUE_AT),
            Map.entry("assignedAt", ASSIGNED_AT),
            Map.entry("reason", REASON),
            Map.entry("reply", REPLY),
            Map.entry("satisfaction", SATISFACTION),
            Map.entry("excellent", EXCELLENT),
            Map.entry("jurisdiction", JURISDICTION),
            Map.entry("role", ROLE),
            Map.entry("dispatcher", DISPATCHER),
            Map.entry("extensionId", EXTENSION_ID),
            Map.entry("requestedDueAt", REQUESTED_DUE_AT),
            Map.entry("outcome", OUTCOME),
            Map.entry("decidedBy", DECIDED_BY),
            Map.entry("intoCaseId", INTO_CASE_ID));

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    static {
        for (EventType type : EventType.values()) {
            if (type.aboutCase()) {
                CASE_TYPES.put(type.ceType(), type);
            }
        }
    }

    /**
     * The event, as {@link EventJson#fromBytes} reads it.
     *
     * @throws io.minxin.events.EventFormatException when the bytes are not an event of the contract
     */
    public static CaseEvent read(byte[] bytes) {
        CaseEvent event = plain(bytes);
        return event != null ? event : EventJson.fromBytes(bytes);
    }

    /** The event when the bytes have the common shape, else null. */
    static CaseEvent plain(byte[] bytes) {
        try (JsonParser parser = EventJson.mapper().createParser(bytes)) {
            return envelope(parser);
        } catch (JacksonException | IllegalArgumentException e) {
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
                    if (token == JsonToken.VALUE_STRING) {
                        time = utcInstant(p.getString());
                        if (time == null) {
                            return null;
                        }
                    }
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

    /** The data object; null where the contract's reader must decide. */
    private static EventData data(JsonParser p, EventType type) {
        Object[] values = new Object[FIELDS.size()];
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken token = p.nextToken();
            Integer field = FIELDS.get(name);
            if (field == null) {
                p.skipChildren();
                continue;
            }
            if (values[field] != null) {
                return null;
            }
            switch (token) {
                case VALUE_STRING:
                    values[field] = p.getString();
                    break;
                case VALUE_TRUE:
                    values[field] = Boolean.TRUE;
                    break;
                case VALUE_FALSE:
                    values[field] = Boolean.FALSE;
                    break;
                case VALUE_NULL:
                    values[field] = Marker.NULL;
                    break;
                default:
                    p.skipChildren();
                    values[field] = Marker.OTHER;
            }
        }
        Fields f = new Fields(values);
        EventData data;
        switch (type) {
            case CASE_ACCEPTED:
                data = new Accepted(
                        f.string(CASE_ID),
                        f.string(UNIT_ID),
                        f.string(UNIT_NAME),
                        f.constant(CHANNEL, Channel.values()),
                        f.string(TITLE),
                        f.string(CATEGORY),
                        f.instant(OCCURRED_AT),
                        f.instant(DUE_AT),
                        f.instant(ASSIGNED_AT),
                        f.string(JURISDICTION));
                break;
            case CASE_RETURNED:
                data = new Returned(f.string(CASE_ID), f.string(UNIT_ID), f.string(REASON), f.instant(OCCURRED_AT));
                break;
            case CASE_CONCLUDED:
                data = new Concluded(f.string(CASE_ID), f.string(UNIT_ID), f.string(REPLY), f.instant(OCCURRED_AT));
                break;
            case CASE_VISITED:
                data = new Visited(
                        f.string(CASE_ID),
                        f.string(UNIT_ID),
                        f.constant(SATISFACTION, Satisfaction.values()),
                        f.flag(EXCELLENT),
                        f.instant(OCCURRED_AT));
                break;
            case CASE_ASSIGNED:
                data = new Assigned(
                        f.string(CASE_ID),
                        f.string(UNIT_ID),
                        f.string(UNIT_NAME),
                        f.constant(ROLE, HandlingRole.values()),
                        f.string(DISPATCHER),
                        f.instant(DUE_AT),
                        f.instant(OCCURRED_AT));
                break;
            case CASE_SIGNED:
                data = new Signed(f.string(CASE_ID), f.string(UNIT_ID), f.instant(OCCURRED_AT));
                break;
            case CASE_EXTENSION_REQUESTED:
                data = new ExtensionRequested(
                        f.string(CASE_ID),
                        f.string(UNIT_ID),
                        f.string(EXTENSION_ID),
                        f.instant(REQUESTED_DUE_AT),
                        f.string(REASON),
                        f.instant(OCCURRED_AT));
                break;
            case CASE_EXTENSION_DECIDED:
                data = new ExtensionDecided(
                        f.string(CASE_ID),
                        f.string(UNIT_ID),
                        f.string(EXTENSION_ID),
                        f.constant(OUTCOME, ExtensionOutcome.values()),
                        f.instant(DUE_AT),
                        f.string(DECIDED_BY),
                        f.string(REASON),
                        f.instant(OCCURRED_AT));
                break;
            case CASE_MERGED:
                data = new Merged(
                        f.string(CASE_ID),
                        f.string(INTO_CASE_ID),
                        f.string(UNIT_ID),
                        f.string(REASON),
                        f.instant(OCCURRED_AT));
                break;
            default:
                return null;
        }
        return f.plain ? data : null;
    }

    /** The known fields of one data object; {@code plain} turns false at the first unusual one. */
    private static final class Fields {
        private final Object[] values;
        private boolean plain = true;

        Fields(Object[] values) {
            this.values = values;
        }

        String string(int field) {
            Object value = values[field];
            if (value == null || value == Marker.NULL) {
                return null;
            }
            if (value instanceof String) {
                return (String) value;
            }
            plain = false;
            return null;
        }

        Instant instant(int field) {
            String text = string(field);
            if (text == null) {
                return null;
            }
            Instant instant = utcInstant(text);
            if (instant == null) {
                plain = false;
            }
            return instant;
        }

        <E extends Enum<E>> E constant(int field, E[] constants) {
            Object value = values[field];
            if (value == null) {
                return null;
            }
            for (E constant : constants) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            plain = false;
            return null;
        }

        boolean flag(int field) {
            Object value = values[field];
            if (value instanceof Boolean) {
                return (Boolean) value;
            }
            plain = false;
            return false;
        }
    }

    /**
     * An instant in the one form the contract writes, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, read without a
     * {@link java.time.format.DateTimeFormatter} (which costs more than the rest of the event); null for any
     * other form or an invalid date or time, which the contract's reader then judges.
     */
    private static Instant utcInstant(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || length == 21 || text.charAt(length - 1) != 'Z') {
            return null;
        }
        if (text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fraction = text.charAt(19) == '.' ? digits(text, 20, length - 1) : -1;
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * POWERS_OF_TEN[9 - (length - 21)];
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 if any of it is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A JSON null, or a value of another JSON type than the field is written with. */
    private enum Marker {
        NULL,
        OTHER
    }

    private CaseEventReader() {}
}
