package io.minxin.gateway.accounts;

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
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Accounts in the collection {@code accounts} of the gateway's own database, {@code _id} = username. */
final class MongoAccountStore implements AccountStore {
    static final String COLLECTION = "accounts";

    private final MongoCollection<Document> accounts;

    MongoAccountStore(MongoCollection<Document> accounts) {
        this.accounts = accounts;
    }

    @Override
    public Mono<Boolean> insert(Account account) {
        return Mono.from(accounts.insertOne(toDocument(account)))
                .thenReturn(true)
                .onErrorResume(
                        e -> e instanceof MongoWriteException write
                                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY,
                        e -> Mono.just(false));
    }

    @Override
    public Mono<Account> find(String username) {
        return Mono.from(accounts.find(Filters.eq("_id", username)).first()).map(MongoAccountStore::fromDocument);
    }

    @Override
    public Flux<Account> findAll() {
        return Flux.from(accounts.find().sort(Sorts.ascending("createdAt", "_id")))
                .map(MongoAccountStore::fromDocument);
    }

    @Override
    public Mono<Account> recordFailure(String username, int lockAfter, Instant lockedUntil) {
        // one atomic increment: two gateway instances counting the same attempts lose none
        return Mono.from(accounts.findOneAndUpdate(
                        Filters.eq("_id", username),
                        Updates.inc("failedSignIns", 1),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .flatMap(document -> {
                    if (document.getInteger("failedSignIns", 0) < lockAfter) {
                        return Mono.just(fromDocument(document));
                    }
                    return Mono.from(accounts.findOneAndUpdate(
                                    Filters.eq("_id", username),
                                    Updates.combine(
                                            Updates.set("failedSignIns", 0),
                                            Updates.set("lockedUntil", Date.from(lockedUntil))),
                                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                            .map(MongoAccountStore::fromDocument);
                });
    }

    @Override
    public Mono<Void> recordSuccess(String username) {
        return Mono.from(accounts.updateOne(
                        Filters.eq("_id", username),
                        Updates.combine(Updates.set("failedSignIns", 0), Updates.set("lockedUntil", null))))
                .then();
    }

    @Override
    public Mono<Void> changePassword(String username, String passwordHash, Instant at) {
        return Mono.from(accounts.updateOne(
                        Filters.eq("_id", username),
                        Updates.combine(
                                Updates.set("passwordHash", passwordHash),
                                Updates.set("passwordChangedAt", Date.from(at)))))
                .then();
    }

    private static Document toDocument(Account account) {
        return new Document("_id", account.username())
                .append("role", account.role().wireName())
                .append("scope", account.scope().wire())
                .append("passwordHash", account.passwordHash())
                .append("failedSignIns", account.failedSignIns())
                .append("lockedUntil", account.lockedUntil() == null ? null : Date.from(account.lockedUntil()))
                .append("createdAt", Date.from(account.createdAt()))
                .append("passwordChangedAt", Date.from(account.passwordChangedAt()));
    }

    private static Account fromDocument(Document document) {
        Date lockedUntil = document.getDate("lockedUntil");
        return new Account(
                document.getString("_id"),
                // a role this version does not know grants nothing: such an account cannot sign in
                Role.fromWireName(document.getString("role"))
                        .orElseThrow(() -> new IllegalStateException("account " + document.getString("_id")
                                + " has a role this gateway does not know: " + document.getString("role"))),
                Scope.parse(document.getString("scope")),
                document.getString("passwordHash"),
                document.getInteger("failedSignIns", 0),
                lockedUntil == null ? null : lockedUntil.toInstant(),
                document.getDate("createdAt").toInstant(),
                document.getDate("passwordChangedAt").toInstant());
    }
}
