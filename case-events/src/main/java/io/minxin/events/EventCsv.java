package io.minxin.events;

import io.minxin.events.problem.FieldViolation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * CSV form of the contract: a header row, then one event per row, one column per field (envelope fields
 * and data fields side by side). Rows become the same JSON objects that {@link EventValidator} checks.
 */
public final class EventCsv {
    public static final List<String> ENVELOPE_COLUMNS = List.of("specversion", "id", "source", "type", "time");
    public static final List<String> DATA_COLUMNS = List.of(
            "caseId",
            "unitId",
            "unitName",
            "channel",
            "title",
            "category",
            "occurredAt",
            "dueAt",
            "assignedAt",
            "reason",
            "reply",
            "satisfaction",
            "excellent",
            "role",
            "dispatcher",
            "extensionId",
            "requestedDueAt",
            "outcome",
            "decidedBy",
            "supervisor",
            "intoCaseId",
            "jurisdiction",
            "jurisdictionName");

    /** Columns every CSV needs, whatever its rows are. */
    public static final Set<String> REQUIRED_COLUMNS = Set.of("id", "source", "type", "occurredAt");

    /** Columns a row of a given type needs. */
    static final Map<EventType, List<String>> REQUIRED_BY_TYPE = Map.ofEntries(
            Map.entry(EventType.CASE_ACCEPTED, List.of("caseId", "unitId", "channel")),
            Map.entry(EventType.CASE_RETURNED, List.of("caseId", "unitId", "reason")),
            Map.entry(EventType.CASE_CONCLUDED, List.of("caseId", "unitId")),
            Map.entry(EventType.CASE_VISITED, List.of("caseId", "satisfaction")),
            Map.entry(EventType.UNIT_LOGIN, List.of("unitId")),
            Map.entry(EventType.CASE_ASSIGNED, List.of("caseId", "unitId", "role", "dispatcher")),
            Map.entry(EventType.CASE_SIGNED, List.of("caseId", "unitId")),
            Map.entry(EventType.CASE_EXTENSION_REQUESTED, List.of("caseId", "unitId", "requestedDueAt", "reason")),
            Map.entry(EventType.CASE_EXTENSION_DECIDED, List.of("caseId", "unitId", "outcome")),
            Map.entry(EventType.CASE_SUPERVISED, List.of("caseId", "unitId")),
            Map.entry(EventType.CASE_REOPENED, List.of("caseId", "unitId")),
            Map.entry(EventType.CASE_MERGED, List.of("caseId", "intoCaseId")),
            Map.entry(EventType.UNIT_REGISTERED, List.of("unitId", "jurisdiction")));

    private static final CsvMapper CSV = CsvMapper.builder().build();

    /** The rows as CloudEvent JSON objects, or the violations that stop the CSV from being read at all. */
    public record Rows(List<ObjectNode> items, List<FieldViolation> violations) {}

    public static Rows read(String csv) {
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> header;
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            header = new LinkedHashSet<>();
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
            CsvSchema schema = (CsvSchema) it.parser().getSchema();
            schema.forEach(c -> header.add(c.getName()));
        } catch (JacksonException e) {
            return new Rows(List.of(), List.of(FieldViolation.of("csv", "unreadable CSV: " + e.getOriginalMessage())));
        }
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> needed = new LinkedHashSet<>(REQUIRED_COLUMNS);
        for (Map<String, String> row : rows) {
            EventType.fromCeType(row.getOrDefault("type", "")).ifPresent(t -> needed.addAll(REQUIRED_BY_TYPE.get(t)));
        }
        for (String column : needed) {
            if (!header.contains(column)) {
                violations.add(FieldViolation.of("csv." + column, "the header has no column " + column));
            }
        }
        if (!violations.isEmpty()) {
            return new Rows(List.of(), violations);
        }
        List<ObjectNode> items = new ArrayList<>(rows.size());
        for (Map<String, String> row : rows) {
            items.add(toEvent(row));
        }
        return new Rows(items, List.of());
    }

    private static ObjectNode toEvent(Map<String, String> row) {
        ObjectNode event = EventJson.mapper().createObjectNode();
        event.put("specversion", blankToDefault(row.get("specversion"), CaseEvent.SPEC_VERSION));
        for (String column : ENVELOPE_COLUMNS) {
            String value = row.get(column);
            if (!"specversion".equals(column) && value != null && !value.isEmpty()) {
                event.put(column, value);
            }
        }
        ObjectNode data = event.putObject("data");
        for (String column : DATA_COLUMNS) {
            String value = row.get(column);
            if (value == null || value.isEmpty()) {
                continue;
            }
            if ("excellent".equals(column) && ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value))) {
                data.put(column, Boolean.parseBoolean(value));
            } else {
                data.put(column, value);
            }
        }
        return event;
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private EventCsv() {}
}
