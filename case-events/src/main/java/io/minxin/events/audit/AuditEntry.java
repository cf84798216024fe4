package io.minxin.events.audit;

import io.minxin.events.EventJson;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.StdConverter;

/**
 * One audited operator action, as it is put on topic {@code audit} (key {@link #target()}, the JSON of
 * {@link EventJson#mapper()}) by the service where the action happened, once the action has succeeded.
 *
 * <p>Build entries with {@link #of}, which masks secrets ({@link AuditMasking}); the canonical constructor checks
 * presence only, so that a reader accepts what any producer wrote.
 *
 * @param id unique per entry (a random UUID); a consumer stores an entry once by it
 * @param at when the action succeeded
 * @param actorKeyId the key id of the verified caller (never its secret)
 * @param actorRole the role that authorized the action, in JSON its wire name ({@code operator})
 * @param service the service where the action happened, e.g. {@code ranking-service}
 * @param action what was done: an {@link AuditAction#wireName()}; kept as a string so that a reader older than
 *     the producer still reads an action it does not know
 * @param target what it was done to, {@code <kind>:<id>} ({@link AuditTargets})
 * @param change what changed, as JSON (before/after or the request's meaningful fields), secrets masked
 * @param summary one short sentence for people, e.g. {@code closed period 2020-09: PHONE revision 1, WEB revision 1}
 */
public record AuditEntry(
        String id,
        Instant at,
        String actorKeyId,

        @JsonSerialize(converter = RoleToWire.class) @JsonDeserialize(converter = WireToRole.class)
        Role actorRole,

        String service,
        String action,
        String target,
        ObjectNode change,
        String summary) {
    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorKeyId, "actorKeyId");
        Objects.requireNonNull(actorRole, "actorRole");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        change = change == null ? EventJson.mapper().createObjectNode() : change;
        summary = summary == null ? "" : summary;
    }

    /**
     * A new entry with a fresh id, its change and summary masked.
     *
     * @param actor the verified caller who did it
     * @param change any value Jackson can write (a record, a map, a JSON node); null: nothing to show
     */
    public static AuditEntry of(
            Caller actor,
            Instant at,
            String service,
            AuditAction action,
            String target,
            Object change,
            String summary) {
        JsonNode tree =
                change instanceof JsonNode node ? node : EventJson.mapper().valueToTree(change);
        return new AuditEntry(
                UUID.randomUUID().toString(),
                at,
                actor.keyId(),
                actor.role(),
                service,
                action.wireName(),
                target,
                AuditMasking.change(tree),
                AuditMasking.text(summary));
    }

    /** The Kafka record key: entries of one target stay in order. */
    public String key() {
        return target;
    }

    public byte[] toBytes() {
        return EventJson.mapper().writeValueAsBytes(this);
    }

    /**
     * Reads an entry from its topic value.
     *
     * @throws IllegalArgumentException when the bytes are not an audit entry
     */
    public static AuditEntry fromBytes(byte[] bytes) {
        try {
            return EventJson.mapper().readValue(bytes, AuditEntry.class);
        } catch (JacksonException | NullPointerException e) {
            throw new IllegalArgumentException("not an audit entry: " + e.getMessage(), e);
        }
    }

    static final class RoleToWire extends StdConverter<Role, String> {
        @Override
        public String convert(Role role) {
            return role.wireName();
        }
    }

    static final class WireToRole extends StdConverter<String, Role> {
        @Override
        public Role convert(String wire) {
            return Role.fromWireName(wire).orElseThrow(() -> new IllegalArgumentException("unknown role " + wire));
        }
    }
}
