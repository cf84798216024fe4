package io.minxin.gateway.keys;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Keys in the collection {@code api_keys} of the gateway's own database: one document per key, {@code _id} = key id. */
final class MongoApiKeyStore implements ApiKeyStore {
    static final String COLLECTION = "api_keys";

    private final MongoCollection<Document> keys;

    MongoApiKeyStore(MongoCollection<Document> keys) {
        this.keys = keys;
    }

    @Override
    public Mono<Void> insert(ApiKey key) {
        return Mono.from(keys.insertOne(toDocument(key)))
                .onErrorMap(
                        e -> e instanceof MongoWriteException write
                                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY,
                        e -> new DuplicateKeyIdException(key.id()))
                .then();
    }

    @Override
    public Mono<ApiKey> findById(String id) {
        return Mono.from(keys.find(Filters.eq("_id", id)).first()).map(MongoApiKeyStore::fromDocument);
    }

    @Override
    public Flux<ApiKey> findAll() {
        return Flux.from(keys.find().sort(Sorts.ascending("createdAt", "_id"))).map(MongoApiKeyStore::fromDocument);
    }

    @Override
    public Mono<ApiKey> revoke(String id, Instant at) {
        return Mono.from(keys.findOneAndUpdate(
                        Filters.and(Filters.eq("_id", id), Filters.eq("revokedAt", null)),
                        Updates.set("revokedAt", Date.from(at)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(MongoApiKeyStore::fromDocument)
                .switchIfEmpty(findById(id));
    }

    @Override
    public Mono<ApiKey> upsertBootstrap(ApiKey key) {
        return Mono.from(keys.findOneAndUpdate(
                        Filters.eq("_id", key.id()),
                        Updates.combine(
                                Updates.set("name", key.name()),
                                Updates.set("roles", wireNames(key.roles())),
                                Updates.set("scope", key.scope().wire()),
                                Updates.set("hash", key.hash()),
                                Updates.set("bootstrap", true),
                                Updates.setOnInsert("createdAt", Date.from(key.createdAt()))),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)))
                .map(MongoApiKeyStore::fromDocument);
    }

    private static Document toDocument(ApiKey key) {
        return new Document("_id", key.id())
                .append("name", key.name())
                .append("roles", wireNames(key.roles()))
                .append("scope", key.scope().wire())
                .append("hash", key.hash())
                .append("createdAt", Date.from(key.createdAt()))
                .append("revokedAt", key.revokedAt() == null ? null : Date.from(key.revokedAt()))
                .append("bootstrap", key.bootstrap());
    }

    private static ApiKey fromDocument(Document document) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : document.getList("roles", String.class, List.of())) {
            // A role this version does not know grants nothing.
            Role.fromWireName(name).ifPresent(roles::add);
        }
        Date revokedAt = document.getDate("revokedAt");
        return new ApiKey(
                document.getString("_id"),
                document.getString("name"),
                roles,
                scope(document.getString("scope")),
                document.getString("hash"),
                document.getDate("createdAt").toInstant(),
                revokedAt == null ? null : revokedAt.toInstant(),
                document.getBoolean("bootstrap", false));
    }

    /**
     * A stored scope; a document written before keys had scopes has none and is city-wide. A scope this version
     * cannot read grants nothing wider: it is kept as a unit scope nobody has (fail closed), never read as all.
     */
    private static Scope scope(String wire) {
        try {
            return Scope.parse(wire);
        } catch (IllegalArgumentException e) {
            return Scope.unit("unreadable-scope");
        }
    }

    private static List<String> wireNames(Set<Role> roles) {
        return roles.stream().map(Role::wireName).toList();
    }
}
