package io.minxin.events.identity;

import io.minxin.events.EventJson;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.core.JacksonException;

/**
 * An API key issued or revoked on one gateway instance, as it is put on topic {@code api-key-changes} (key
 * {@link #keyId()}, the JSON of {@link EventJson#mapper()}), so that every other instance drops what it has cached of
 * that key. It names the key only: never its secret or hash, the reader looks the key up again in the key store.
 *
 * @param keyId the key's public id
 * @param change what happened to it
 * @param at when
 */
public record ApiKeyChange(String keyId, Change change, Instant at) {
    /** What happened to a key. */
    public enum Change {
        ISSUED,
        REVOKED
    }

    public ApiKeyChange {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(at, "at");
    }

    public byte[] toBytes() {
        return EventJson.mapper().writeValueAsBytes(this);
    }

    /**
     * Reads a change from its topic value.
     *
     * @throws IllegalArgumentException when the bytes are not a key change
     */
    public static ApiKeyChange fromBytes(byte[] bytes) {
        try {
            return EventJson.mapper().readValue(bytes, ApiKeyChange.class);
        } catch (JacksonException | NullPointerException e) {
            throw new IllegalArgumentException("not an API key change: " + e.getMessage(), e);
        }
    }
}
