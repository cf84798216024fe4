package io.minxin.notice.issue;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.decision.BulletinEdited;
import io.minxin.events.decision.Decision;
import io.minxin.notice.decisions.DecisionProjection;
import io.minxin.notice.mongo.JsonDocuments;
import io.minxin.notice.mongo.MongoErrors;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collection {@code bulletin_drafts}, the projection of {@code BulletinEdited} decisions: each edit once (id = the
 * decision's id), merged on reading ({@link DraftEdits}: per field the superseding edit), so that neither a
 * repeated nor a reordered edit changes the draft. Each jurisdiction's draft apart: an edit names its jurisdiction
 * (none: the platform's, as every edit recorded before bulletins were per jurisdiction).
 */
@Component
class BulletinDrafts implements DecisionProjection {
    private final MongoCollection<Document> drafts;

    BulletinDrafts(MongoDatabase database) {
        this.drafts = database.getCollection("bulletin_drafts");
    }

    @Override
    public Mono<Void> apply(Decision decision) {
        if (!(decision.body() instanceof BulletinEdited edit)) {
            return Mono.empty();
        }
        Document document = new Document("_id", decision.id()).append("period", edit.period());
        if (edit.jurisdiction() != null) {
            document.append("jurisdiction", edit.jurisdiction());
        }
        document.append("decision", JsonDocuments.toDocument(decision));
        return Mono.from(drafts.insertOne(document))
                .then()
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty());
    }

    /** The merged edits of the period's bulletin. */
    Mono<DraftEdits> edits(String period) {
        return edits(period, null);
    }

    /** The merged edits of the bulletin of the period and jurisdiction (null: the platform's). */
    Mono<DraftEdits> edits(String period, String jurisdiction) {
        // eq null also matches a document without the field: an edit stored before jurisdictions is the platform's
        return Flux.from(drafts.find(and(eq("period", period), eq("jurisdiction", jurisdiction))))
                .map(document -> JsonDocuments.fromDocument(document.get("decision", Document.class), Decision.class))
                .collectList()
                .map(DraftEdits::of);
    }
}
