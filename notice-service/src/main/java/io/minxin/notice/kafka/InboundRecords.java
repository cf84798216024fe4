package io.minxin.notice.kafka;

import io.minxin.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/** Reading the values of the input topics, which other services wrote with the contract's JSON mapper. */
public final class InboundRecords {
    private static final Logger log = LoggerFactory.getLogger(InboundRecords.class);

    /** How long a consumer waits for the stores before the binder retries the record. */
    public static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The value as a {@code type}, or empty for a tombstone or a value that is not one: such a record can never
     * be processed, so it is logged and skipped rather than retried forever.
     */
    public static <T> Optional<T> read(Message<?> message, Class<T> type) {
        return read(message, EventJson.mapper().readerFor(type), type);
    }

    /** {@link #read(Message, Class)} with a reader of its own (one that skips fields, say). */
    public static <T> Optional<T> read(Message<?> message, ObjectReader reader, Class<T> type) {
        Object payload = message.getPayload();
        if (!(payload instanceof byte[])) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(type.cast(reader.readValue((byte[]) payload)));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            log.warn(
                    "Skipping a record of key {} that is not a {}: {}",
                    key(message),
                    type.getSimpleName(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** The record key as text, or null. */
    public static String key(Message<?> message) {
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        if (key instanceof byte[]) {
            return new String((byte[]) key, StandardCharsets.UTF_8);
        }
        return key == null ? null : key.toString();
    }

    private InboundRecords() {}
}
