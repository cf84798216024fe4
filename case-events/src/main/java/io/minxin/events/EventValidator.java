package io.minxin.events;

import io.minxin.events.problem.FieldViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks untrusted input against the contract and reports every error at once, per item and field.
 * Text fields are only measured, never interpreted.
 */
public final class EventValidator {
    /** Events dated later than now plus this are refused as a clock or data error. */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofHours(24);

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final int ID_MAX = 128;
    private static final int SOURCE_MAX = 256;

    /** Longest text per data field; anything larger is an integration error, not an appeal. */
    static final Map<String, Integer> TEXT_MAX = Map.ofEntries(
            Map.entry("caseId", 64),
            Map.entry("unitId", 64),
            Map.entry("unitName", 200),
            Map.entry("title", 500),
            Map.entry("category", 100),
            Map.entry("reason", 2000),
            Map.entry("reply", 4000),
            Map.entry("dispatcher", 64),
            Map.entry("extensionId", 64),
            Map.entry("decidedBy", 200),
            Map.entry("supervisor", 200),
            Map.entry("intoCaseId", 64),
            Map.entry("jurisdiction", 64),
            Map.entry("jurisdictionName", 100));

    private final Clock clock;
    private final Duration maxClockSkew;

    public EventValidator(Clock clock, Duration maxClockSkew) {
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
    }

    public EventValidator() {
        this(Clock.systemUTC(), DEFAULT_MAX_CLOCK_SKEW);
    }

    /** The outcome for a batch: either every item is an event, or the list of violations is not empty. */
    public record Result(List<CaseEvent> events, List<FieldViolation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    public Result validate(List<? extends JsonNode> items) {
        List<CaseEvent> events = new ArrayList<>(items.size());
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = new Item(i, items.get(i), violations);
            CaseEvent event = item.read();
            if (event != null) {
                events.add(event);
            }
        }
        return new Result(violations.isEmpty() ? events : List.of(), violations);
    }

    public Result validate(JsonNode item) {
        return validate(List.of(item));
    }

    private final class Item {
        private final int index;
        private final JsonNode node;
        private final List<FieldViolation> violations;
        private final int violationsBefore;
        private final String eventId;

        Item(int index, JsonNode node, List<FieldViolation> violations) {
            this.index = index;
            this.node = node;
            this.violations = violations;
            this.violationsBefore = violations.size();
            JsonNode id = node == null ? null : node.get("id");
            this.eventId = id != null && id.isString() && id.asString().length() <= ID_MAX ? id.asString() : null;
        }

        CaseEvent read() {
            if (node == null || !node.isObject()) {
                fail("", "must be a JSON object (a CloudEvent)");
                return null;
            }
            String specversion = text(node, "specversion", 8, true);
            if (specversion != null && !CaseEvent.SPEC_VERSION.equals(specversion)) {
                fail("specversion", "must be \"1.0\"");
            }
            String id = text(node, "id", ID_MAX, true);
            String source = text(node, "source", SOURCE_MAX, true);
            EventType type = type();
            Instant time = timestamp(node, "time", false);
            String contentType = text(node, "datacontenttype", 100, false);
            if (contentType != null && !contentType.startsWith(CaseEvent.DATA_CONTENT_TYPE)) {
                fail("datacontenttype", "must be application/json");
            }
            JsonNode data = node.get("data");
            EventData eventData = null;
            if (data == null || data.isNull()) {
                fail("data", "is required");
            } else if (!data.isObject()) {
                fail("data", "must be a JSON object");
            } else if (type != null) {
                eventData = data(type, data);
            }
            if (violations.size() > violationsBefore) {
                return null;
            }
            return new CaseEvent(id, source, type, time, eventData);
        }

        private EventType type() {
            String type = text(node, "type", 100, true);
            if (type == null) {
                return null;
            }
            return EventType.fromCeType(type).orElseGet(() -> {
                fail(
                        "type",
                        "unknown type \"" + abbreviate(type) + "\"; expected one of "
                                + Arrays.stream(EventType.values())
                                        .map(EventType::ceType)
                                        .toList());
                return null;
            });
        }

        private EventData data(EventType type, JsonNode data) {
            Instant occurredAt = timestamp(data, "data.occurredAt", true);
            switch (type) {
                case CASE_ACCEPTED: {
                    String caseId = dataText(data, "caseId", true);
                    String unitId = dataText(data, "unitId", true);
                    String unitName = dataText(data, "unitName", false);
                    Channel channel = enumValue(data, "channel", Channel.class, true);
                    String title = dataText(data, "title", false);
                    String category = dataText(data, "category", false);
                    Instant dueAt = timestamp(data, "data.dueAt", false);
                    Instant assignedAt = timestamp(data, "data.assignedAt", false);
                    String jurisdiction = dataText(data, "jurisdiction", false);
                    return new Accepted(
                            caseId,
                            unitId,
                            unitName,
                            channel,
                            title,
                            category,
                            occurredAt,
                            dueAt,
                            assignedAt,
                            jurisdiction);
                }
                case CASE_RETURNED:
                    return new Returned(
                            dataText(data, "caseId", true),
                            dataText(data, "unitId", true),
                            dataText(data, "reason", true),
                            occurredAt);
                case CASE_CONCLUDED:
                    return new Concluded(
                            dataText(data, "caseId", true),
                            dataText(data, "unitId", true),
                            dataText(data, "reply", false),
                            occurredAt);
                case CASE_VISITED:
                    return new Visited(
                            dataText(data, "caseId", true),
                            dataText(data, "unitId", false),
                            enumValue(data, "satisfaction", Satisfaction.class, true),
                            bool(data, "excellent"),
                            occurredAt);
                case UNIT_LOGIN:
                    return new UnitLogin(dataText(data, "unitId", true), occurredAt);
                default:
                    return optionalData(type, data, occurredAt);
            }
        }

        /** The types a platform may send besides the five everyone sends. */
        private EventData optionalData(EventType type, JsonNode data, Instant occurredAt) {
            switch (type) {
                case CASE_ASSIGNED:
                    return new Assigned(
                            dataText(data, "caseId", true),
                            dataText(data, "unitId", true),
                            dataText(data, "unitName", false),
                            enumValue(data, "role", HandlingRole.class, true),
                            dataText(data, "dispatcher", true),
                            timestamp(data, "data.dueAt", false),
                            occurredAt);
                case CASE_SIGNED:
                    return new Signed(dataText(data, "caseId", true), dataText(data, "unitId", true), occurredAt);
                case CASE_EXTENSION_REQUESTED:
                    return new ExtensionRequested(
                            dataText(data, "caseId", true),
                            dataText(data, "unitId", true),
                            dataText(data, "extensionId", false),
                            timestamp(data, "data.requestedDueAt", true),
                            dataText(data, "reason", true),
                            occurredAt);
                case CASE_EXTENSION_DECIDED:
                    return extensionDecided(data, occurredAt);
                case CASE_SUPERVISED:
                    return new Supervised(
                            dataText(data, "caseId", true),
                            dataText(data, "unitId", true),
                            dataText(data, "supervisor", false),
                            dataText(data, "reason", false),
                            timestamp(data, "data.dueAt", false),
                            occurredAt);
                case CASE_REOPENED:
                    return new Reopened(
                            dataText(data, "caseId", true),
                            dataText(data, "unitId", true),
                            dataText(data, "reason", false),
                            timestamp(data, "data.dueAt", false),
                            occurredAt);
                case CASE_MERGED:
                    return merged(data, occurredAt);
                case UNIT_REGISTERED:
                    return new UnitRegistered(
                            dataText(data, "unitId", true),
                            dataText(data, "unitName", false),
                            dataText(data, "jurisdiction", true),
                            dataText(data, "jurisdictionName", false),
                            occurredAt);
                default:
                    throw new IllegalStateException(type.name());
            }
        }

        private ExtensionDecided extensionDecided(JsonNode data, Instant occurredAt) {
            ExtensionOutcome outcome = enumValue(data, "outcome", ExtensionOutcome.class, true);
            Instant dueAt = timestamp(data, "data.dueAt", outcome == ExtensionOutcome.APPROVED);
            if (outcome == ExtensionOutcome.REFUSED && dueAt != null) {
                fail("data.dueAt", "only an APPROVED extension has a new deadline");
            }
            return new ExtensionDecided(
                    dataText(data, "caseId", true),
                    dataText(data, "unitId", true),
                    dataText(data, "extensionId", false),
                    outcome,
                    dueAt,
                    dataText(data, "decidedBy", false),
                    dataText(data, "reason", false),
                    occurredAt);
        }

        private Merged merged(JsonNode data, Instant occurredAt) {
            String caseId = dataText(data, "caseId", true);
            String intoCaseId = dataText(data, "intoCaseId", true);
            if (caseId != null && caseId.equals(intoCaseId)) {
                fail("data.intoCaseId", "must name another case than data.caseId");
            }
            return new Merged(
                    caseId, intoCaseId, dataText(data, "unitId", false), dataText(data, "reason", false), occurredAt);
        }

        private String dataText(JsonNode data, String name, boolean required) {
            return text(data, "data." + name, TEXT_MAX.get(name), required);
        }

        private String text(JsonNode parent, String path, int max, boolean required) {
            JsonNode value = parent.get(leaf(path));
            if (value == null || value.isNull()) {
                if (required) {
                    fail(path, "is required");
                }
                return null;
            }
            if (!value.isString()) {
                fail(path, "must be a string");
                return null;
            }
            String text = value.asString();
            if (required && text.isBlank()) {
                fail(path, "must not be blank");
                return null;
            }
            if (text.length() > max) {
                fail(path, "is " + text.length() + " characters long; at most " + max + " allowed");
                return null;
            }
            return text;
        }

        private <E extends Enum<E>> E enumValue(JsonNode data, String name, Class<E> type, boolean required) {
            String path = "data." + name;
            String text = text(data, path, 64, required);
            if (text == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                fail(
                        path,
                        "invalid value \"" + abbreviate(text) + "\"; expected one of "
                                + Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        private boolean bool(JsonNode data, String name) {
            JsonNode value = data.get(name);
            if (value == null || value.isNull()) {
                return false;
            }
            if (!value.isBoolean()) {
                fail("data." + name, "must be true or false");
                return false;
            }
            return value.booleanValue();
        }

        private Instant timestamp(JsonNode parent, String path, boolean required) {
            String text = text(parent, path, 64, required);
            if (text == null) {
                return null;
            }
            Instant instant;
            try {
                instant = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                fail(path, "\"" + abbreviate(text) + "\" is not an RFC 3339 timestamp with offset");
                return null;
            }
            if (instant.isBefore(EARLIEST)) {
                fail(path, text + " is before " + EARLIEST);
                return null;
            }
            if (instant.isAfter(clock.instant().plus(maxClockSkew))) {
                fail(path, text + " is in the future (more than " + maxClockSkew.toHours() + " h ahead)");
                return null;
            }
            return instant;
        }

        private void fail(String field, String message) {
            violations.add(FieldViolation.ofItem(index, eventId, field, message));
        }
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
