package io.minxin.notice.cases;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.notice.mongo.JsonDocuments;
import io.minxin.notice.mongo.MongoErrors;
import java.util.Collection;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collection {@code cases}: the {@link CaseFacts} of every case (id = caseId), from the newest case-state only: a
 * state replaces the stored one when its version is higher, so a redelivered older state changes nothing.
 */
@Component
public class CaseFactsStore {
    private final MongoCollection<Document> cases;

    public CaseFactsStore(MongoDatabase database) {
        this.cases = database.getCollection("cases");
    }

    public Mono<Void> put(CaseFacts facts) {
        Document document = new Document("_id", facts.caseId())
                .append("version", facts.version())
                .append("period", facts.period())
                .append("facts", JsonDocuments.toDocument(facts));
        // an older or equal stored version does not match, and the upsert then collides with its id: nothing to do
        return Mono.from(cases.replaceOne(
                        and(eq("_id", facts.caseId()), lt("version", facts.version())),
                        document,
                        new ReplaceOptions().upsert(true)))
                .then()
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty());
    }

    public Mono<CaseFacts> byId(String caseId) {
        return Mono.from(cases.find(eq("_id", caseId)).first()).map(CaseFactsStore::facts);
    }

    public Flux<CaseFacts> byIds(Collection<String> caseIds) {
        return Flux.from(cases.find(in("_id", caseIds))).map(CaseFactsStore::facts);
    }

    private static CaseFacts facts(Document document) {
        return JsonDocuments.fromDocument(document.get("facts", Document.class), CaseFacts.class);
    }
}
