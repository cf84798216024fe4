package io.minxin.notice.disputes;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.DisputeSubject;
import io.minxin.notice.mongo.JsonDocuments;
import io.minxin.notice.mongo.MongoErrors;
import io.minxin.notice.review.Rulings;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collection {@code disputes}: one document per dispute (id = disputeId) with its filing and the decision that
 * stands (the latest, {@code decisionOrder}); both writes idempotent and order-independent.
 */
@Component
class DisputeStore {
    private final MongoCollection<Document> disputes;

    DisputeStore(MongoDatabase database) {
        this.disputes = database.getCollection("disputes");
    }

    Mono<Void> ensureIndexes() {
        return Flux.concat(
                        disputes.createIndex(Indexes.ascending("period", "filedAt")),
                        disputes.createIndex(Indexes.ascending("caseId", "subject")))
                .then();
    }

    /** A {@code DisputeFiled} decision; a filing is never changed, so storing it again writes the same. */
    Mono<Void> filed(Decision decision) {
        Dispute dispute = Dispute.filed(decision);
        Bson update = Updates.combine(
                Updates.set("caseId", dispute.caseId()),
                Updates.set("unitId", dispute.unitId()),
                Updates.set("subject", dispute.subject().name()),
                Updates.set("period", dispute.period()),
                Updates.set("filedAt", Date.from(dispute.filedAt())),
                Updates.set("filing", JsonDocuments.toDocument(dispute)));
        return Mono.from(disputes.updateOne(eq("_id", dispute.disputeId()), update, new UpdateOptions().upsert(true)))
                .then();
    }

    /** A {@code DisputeDecided} decision, stored unless a newer one stands. */
    Mono<Void> decided(String disputeId, Decision decision) {
        String order = Rulings.order(decision.decidedAt(), decision.id());
        Bson newer = and(eq("_id", disputeId), or(exists("decisionOrder", false), lt("decisionOrder", order)));
        Bson update = Updates.combine(
                Updates.set("decisionOrder", order),
                Updates.set("decision", JsonDocuments.toDocument(Dispute.Decided.of(decision))));
        return Mono.from(disputes.updateOne(newer, update, new UpdateOptions().upsert(true)))
                .then()
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty());
    }

    Mono<Dispute> byId(String disputeId) {
        return Mono.from(disputes.find(and(eq("_id", disputeId), exists("filing")))
                        .first())
                .map(DisputeStore::dispute);
    }

    /** The filed disputes matching every given criterion (null = any), oldest first. */
    Flux<Dispute> find(String period, String unitId, String caseId, DisputeSubject subject) {
        List<Bson> criteria = new ArrayList<>();
        criteria.add(exists("filing"));
        if (period != null) {
            criteria.add(eq("period", period));
        }
        if (unitId != null) {
            criteria.add(eq("unitId", unitId));
        }
        if (caseId != null) {
            criteria.add(eq("caseId", caseId));
        }
        if (subject != null) {
            criteria.add(eq("subject", subject.name()));
        }
        return Flux.from(disputes.find(and(criteria)).sort(Sorts.ascending("filedAt", "_id")))
                .map(DisputeStore::dispute);
    }

    private static Dispute dispute(Document document) {
        Dispute filed = JsonDocuments.fromDocument(document.get("filing", Document.class), Dispute.class);
        Document decided = document.get("decision", Document.class);
        if (decided == null) {
            return filed;
        }
        return new Dispute(
                filed.disputeId(),
                filed.caseId(),
                filed.unitId(),
                filed.subject(),
                filed.period(),
                filed.reason(),
                filed.filedBy(),
                filed.filedAt(),
                filed.filingId(),
                JsonDocuments.fromDocument(decided, Dispute.Decided.class));
    }
}
