package io.minxin.e2e.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the services' JSON answers as trees: the tests check the wire format, not a copy of a DTO. */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public static JsonNode read(byte[] json) {
        return MAPPER.readTree(json);
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** {@link #write} as UTF-8 bytes, a request body. */
    public static byte[] body(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The items of a list answer: the array itself, or the first array field of an object that wraps it (e.g.
     * {@code {"items": [...]}}); none for anything else.
     */
    public static List<JsonNode> items(JsonNode answer) {
        JsonNode array = answer;
        if (answer.isObject()) {
            array = answer.values().stream()
                    .filter(JsonNode::isArray)
                    .findFirst()
                    .orElse(null);
        }
        List<JsonNode> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(items::add);
        }
        return items;
    }

    private Json() {}
}
