package io.minxin.e2e.support;

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

    private Json() {}
}
