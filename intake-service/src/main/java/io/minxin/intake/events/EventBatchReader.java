package io.minxin.intake.events;

import io.minxin.events.EventCsv;
import io.minxin.events.EventValidator;
import io.minxin.events.problem.FieldViolation;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a request body (one event, a JSON array, NDJSON or CSV, or the data of a binary-mode event) into events,
 * or into the list of everything wrong with it. Parse errors name the item and the position; the contract's
 * {@link EventValidator} names every bad field. Nothing here interprets text: fields are only parsed and measured.
 */
final class EventBatchReader {
    private static final String BODY = "body";

    private final JsonMapper mapper;
    /** Reads one element of an array at a time: what follows the element is the rest of the array. */
    private final ObjectReader elementReader;

    private final EventValidator validator;
    private final int maxEvents;

    /**
     * @param maxEvents most items a batch may have; more is {@link PayloadTooLargeException}
     * @param maxNestingDepth deepest JSON nesting accepted; an event needs 3, so anything deep is hostile
     */
    EventBatchReader(EventValidator validator, int maxEvents, int maxNestingDepth) {
        this.validator = validator;
        this.maxEvents = maxEvents;
        // The contract's mapper cannot be given another token factory, so this one repeats its read settings
        // and adds the limits that matter for untrusted bodies.
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.elementReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** One CloudEvent as a JSON object. */
    IntakeBatch readEvent(byte[] body) {
        JsonNode item;
        try {
            item = mapper.readTree(body);
        } catch (JacksonException e) {
            return IntakeBatch.unreadable(parseViolation(0, e));
        }
        if (item == null || item.isMissingNode()) {
            return IntakeBatch.unreadable(
                    FieldViolation.ofItem(0, null, BODY, "the body is empty; expected one CloudEvent"));
        }
        if (item.isArray()) {
            return IntakeBatch.unreadable(FieldViolation.ofItem(
                    0, null, BODY, "expected one CloudEvent as a JSON object; send arrays to /api/v1/events/batch"));
        }
        return validate(List.of(item));
    }

    /**
     * One CloudEvent in binary content mode, made into the JSON form a structured event has, so that the same
     * checks name the same fields. JSON data is read with this reader's limits; other data goes in as
     * {@code data_base64}, as the JSON format writes it, and the contract refuses it (data must be a JSON object).
     * A header that could not be read, or data that is not JSON, is reported on its own field instead of what
     * the contract would then say about the missing value.
     */
    IntakeBatch readBinaryEvent(CloudEventHeaders.Attributes attributes, byte[] data) {
        ObjectNode event = mapper.createObjectNode();
        attributes.values().forEach(event::put);
        List<FieldViolation> own = new ArrayList<>();
        attributes.errors().forEach((field, message) -> own.add(FieldViolation.ofItem(0, null, field, message)));
        if (!attributes.jsonData()) {
            if (data.length > 0) {
                event.put("data_base64", Base64.getEncoder().encodeToString(data));
            }
        } else {
            try {
                JsonNode json = mapper.readTree(data);
                if (json != null && !json.isMissingNode()) {
                    event.set("data", json);
                }
            } catch (JacksonException e) {
                own.add(parseViolation(0, "data", e));
            }
        }
        IntakeBatch checked = validate(List.of(event));
        if (own.isEmpty()) {
            return checked;
        }
        // the id as the contract reads it, so these violations name the item as its own do
        String id = checked.valid()
                ? checked.events().get(0).id()
                : checked.violations().get(0).id();
        Set<String> fields = own.stream().map(FieldViolation::field).collect(Collectors.toSet());
        List<FieldViolation> violations = new ArrayList<>();
        own.forEach(v -> violations.add(FieldViolation.ofItem(0, id, v.field(), v.message())));
        checked.violations().stream().filter(v -> !fields.contains(v.field())).forEach(violations::add);
        return new IntakeBatch(List.of(), violations, List.of(EventLabels.of(event)));
    }

    /** A batch; {@code charset} only matters for CSV (JSON detects its own UTF encoding). */
    IntakeBatch readBatch(BatchFormat format, byte[] body, Charset charset) {
        switch (format) {
            case JSON_ARRAY:
                return readArray(body);
            case NDJSON:
                return readLines(body);
            case CSV:
                return readCsv(body, charset);
            default:
                throw new IllegalArgumentException(format.name());
        }
    }

    private IntakeBatch readArray(byte[] body) {
        List<JsonNode> items = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return IntakeBatch.unreadable(emptyBatch());
            }
            if (first != JsonToken.START_ARRAY) {
                return IntakeBatch.unreadable(FieldViolation.of(
                        BODY, "expected a JSON array of CloudEvents; send a single event to /api/v1/events"));
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                checkCount(items.size() + 1);
                items.add(elementReader.readTree(parser));
            }
            if (parser.nextToken() != null) {
                return IntakeBatch.unreadable(FieldViolation.of(
                        BODY, "unexpected content after the array at " + position(parser.currentLocation())));
            }
        } catch (JacksonException e) {
            return IntakeBatch.unreadable(parseViolation(items.size(), e));
        }
        return items.isEmpty() ? IntakeBatch.unreadable(emptyBatch()) : validate(items);
    }

    /** NDJSON: a bad line is reported and the others are still checked, so one answer lists every problem. */
    private IntakeBatch readLines(byte[] body) {
        List<JsonNode> items = new ArrayList<>();
        List<FieldViolation> parseErrors = new ArrayList<>();
        List<EventLabels> unreadable = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '\n', start);
            lineNumber++;
            int length = lineLength(body, start, end);
            if (!isBlank(body, start, length)) {
                int index = items.size() + parseErrors.size();
                checkCount(index + 1);
                try {
                    items.add(mapper.readTree(body, start, length));
                } catch (JacksonException e) {
                    parseErrors.add(FieldViolation.ofItem(
                            index, null, BODY, "malformed JSON on line " + lineNumber + ": " + describe(e)));
                    unreadable.add(EventLabels.UNREADABLE);
                    items.add(null);
                }
            }
            start = end + 1;
        }
        if (items.isEmpty()) {
            return IntakeBatch.unreadable(emptyBatch());
        }
        if (parseErrors.isEmpty()) {
            return validate(items);
        }
        List<JsonNode> readable = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null) {
                readable.add(items.get(i));
                positions.add(i);
            }
        }
        List<FieldViolation> violations = new ArrayList<>(parseErrors);
        for (FieldViolation v : validator.validate(readable).violations()) {
            violations.add(FieldViolation.ofItem(positions.get(v.index()), v.id(), v.field(), v.message()));
        }
        violations.sort(Comparator.comparing(FieldViolation::index));
        List<EventLabels> labels = new ArrayList<>(unreadable);
        readable.forEach(item -> labels.add(EventLabels.of(item)));
        return new IntakeBatch(List.of(), violations, labels);
    }

    private IntakeBatch readCsv(byte[] body, Charset charset) {
        String text = new String(body, charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return IntakeBatch.unreadable(emptyBatch());
        }
        EventCsv.Rows rows = EventCsv.read(text);
        if (!rows.violations().isEmpty()) {
            return new IntakeBatch(List.of(), rows.violations(), List.of(EventLabels.UNREADABLE));
        }
        checkCount(rows.items().size());
        return rows.items().isEmpty() ? IntakeBatch.unreadable(emptyBatch()) : validate(rows.items());
    }

    private IntakeBatch validate(List<? extends JsonNode> items) {
        EventValidator.Result result = validator.validate(items);
        List<EventLabels> labels = result.valid()
                ? result.events().stream().map(EventLabels::of).toList()
                : items.stream().map(EventLabels::of).toList();
        return new IntakeBatch(result.events(), result.violations(), labels);
    }

    private void checkCount(int count) {
        if (count > maxEvents) {
            throw new PayloadTooLargeException(
                    "the batch has more than " + maxEvents + " events; split it into batches of at most " + maxEvents);
        }
    }

    private static FieldViolation emptyBatch() {
        return FieldViolation.of(BODY, "the batch has no events");
    }

    private static FieldViolation parseViolation(int index, JacksonException e) {
        return parseViolation(index, BODY, e);
    }

    private static FieldViolation parseViolation(int index, String field, JacksonException e) {
        return FieldViolation.ofItem(
                index, null, field, "malformed JSON at " + position(e.getLocation()) + ": " + describe(e));
    }

    private static String describe(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return "the JSON exceeds a parser limit (" + e.getOriginalMessage() + ")";
        }
        return e.getOriginalMessage();
    }

    private static String position(TokenStreamLocation location) {
        if (location == null) {
            return "an unknown position";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return bytes.length;
    }

    /** Length of the line without its line break, so CRLF input reads like LF input. */
    private static int lineLength(byte[] bytes, int start, int end) {
        int length = end - start;
        return length > 0 && bytes[end - 1] == '\r' ? length - 1 : length;
    }

    private static boolean isBlank(byte[] bytes, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
