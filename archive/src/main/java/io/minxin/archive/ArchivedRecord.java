package io.minxin.archive;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Kafka record as it is kept in an archive: one NDJSON line. Key and value are kept byte for byte: as text
 * ({@code key}, {@code value}) when they are UTF-8, as they always are for Minxin's JSON, otherwise as Base64
 * ({@code keyBase64}, {@code valueBase64}). Where it came from ({@code partition}, {@code offset}) is kept for the
 * reader; the import sends each record to the partition of its key, in the archive's order.
 *
 * @param headers the record's headers in order, each value byte for byte (null for a header without value)
 */
record ArchivedRecord(
        String topic, int partition, long offset, long timestamp, byte[] key, byte[] value, List<Header> headers) {

    record Header(String key, byte[] value) {}

    ArchivedRecord {
        headers = List.copyOf(headers);
    }

    /** Same key and value bytes: what the import compares with a record already on the target. */
    boolean sameContent(byte[] otherKey, byte[] otherValue) {
        return Arrays.equals(key, otherKey) && Arrays.equals(value, otherValue);
    }

    String toLine(JsonMapper mapper) {
        ObjectNode line = mapper.createObjectNode();
        line.put("topic", topic);
        line.put("partition", partition);
        line.put("offset", offset);
        line.put("timestamp", timestamp);
        putBytes(line, "key", key);
        putBytes(line, "value", value);
        if (!headers.isEmpty()) {
            ArrayNode array = line.putArray("headers");
            for (Header header : headers) {
                ObjectNode node = array.addObject();
                node.put("key", header.key());
                putBytes(node, "value", header.value());
            }
        }
        return mapper.writeValueAsString(line);
    }

    static ArchivedRecord fromLine(JsonMapper mapper, String text) {
        JsonNode line = mapper.readTree(text);
        List<Header> headers = line.path("headers")
                .valueStream()
                .map(node -> new Header(node.path("key").asString(), bytes(node, "value")))
                .toList();
        return new ArchivedRecord(
                line.required("topic").asString(),
                line.required("partition").asInt(),
                line.required("offset").asLong(),
                line.required("timestamp").asLong(),
                bytes(line, "key"),
                bytes(line, "value"),
                headers);
    }

    private static void putBytes(ObjectNode node, String field, byte[] bytes) {
        if (bytes == null) {
            return;
        }
        String text = utf8(bytes);
        if (text != null) {
            node.put(field, text);
        } else {
            node.put(field + "Base64", Base64.getEncoder().encodeToString(bytes));
        }
    }

    private static byte[] bytes(JsonNode node, String field) {
        JsonNode text = node.get(field);
        if (text != null && !text.isNull()) {
            return text.asString().getBytes(StandardCharsets.UTF_8);
        }
        JsonNode base64 = node.get(field + "Base64");
        return base64 == null || base64.isNull() ? null : Base64.getDecoder().decode(base64.asString());
    }

    /** The text of {@code bytes} when they are well-formed UTF-8 (so that the text gives the same bytes back). */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
