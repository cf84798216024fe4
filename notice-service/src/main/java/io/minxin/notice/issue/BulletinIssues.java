package io.minxin.notice.issue;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.EventJson;
import io.minxin.events.decision.BulletinIssued;
import io.minxin.events.decision.Decision;
import io.minxin.notice.bulletin.BulletinFacts;
import io.minxin.notice.decisions.DecisionProjection;
import io.minxin.notice.mongo.JsonDocuments;
import io.minxin.notice.mongo.MongoErrors;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collection {@code bulletins}, the projection of {@code BulletinIssued} decisions: one document per issued revision
 * (id {@code period|revision}), never replaced by a later decision: when two decisions issued the same revision,
 * the earlier one ({@code decidedAt}, then the smaller id) is the one that was issued, whatever order they are read
 * in. Also the numbering counters in {@code counters}: {@code bulletin-number-<year>} (发文字号) and {@code
 * bulletin-sequence} (第N期), which every issued revision moves up to its numbers, so that a replay of the
 * decisions into an empty database continues the numbering where it was. A jurisdiction's bulletin is kept and
 * numbered apart: id {@code period|jurisdiction|revision}, counters {@code bulletin-number-<year>|<jurisdiction>} and
 * {@code bulletin-sequence|<jurisdiction>}; the platform's (jurisdiction null) keeps the ids and counters it had.
 */
@Component
class BulletinIssues implements DecisionProjection {
    private static final String SEQUENCE = "bulletin-sequence";

    private final MongoCollection<Document> bulletins;
    private final MongoCollection<Document> counters;
    private final IssueSettings settings;

    BulletinIssues(MongoDatabase database, IssueSettings settings) {
        this.bulletins = database.getCollection("bulletins");
        this.counters = database.getCollection("counters");
        this.settings = settings;
    }

    @Override
    public Mono<Void> apply(Decision decision) {
        if (!(decision.body() instanceof BulletinIssued issued)) {
            return Mono.empty();
        }
        IssuedRevision revision = new IssuedRevision(
                issued.period(),
                issued.revision(),
                issued.documentNumber(),
                issued.changes(),
                decision.id(),
                decision.decidedBy(),
                decision.decidedAt(),
                decision.reason(),
                EventJson.mapper().treeToValue(issued.document(), IssuedDocument.class),
                issued.jurisdiction());
        return store(revision, decision).then(numbered(revision.document(), revision.jurisdiction()));
    }

    private Mono<Void> store(IssuedRevision revision, Decision decision) {
        String id = id(revision.period(), revision.jurisdiction(), revision.revision());
        Date at = Date.from(decision.decidedAt());
        Document document = new Document("_id", id).append("period", revision.period());
        if (revision.jurisdiction() != null) {
            document.append("jurisdiction", revision.jurisdiction());
        }
        document.append("revision", revision.revision())
                .append("decidedAt", at)
                .append("decision", decision.id())
                .append("issued", JsonDocuments.toDocument(revision));
        // replaces only a later decision of the same revision; the same or an earlier one stays (duplicate key)
        return Mono.from(bulletins.replaceOne(
                        and(
                                eq("_id", id),
                                or(gt("decidedAt", at), and(eq("decidedAt", at), gt("decision", decision.id())))),
                        document,
                        new ReplaceOptions().upsert(true)))
                .then()
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty());
    }

    private Mono<Void> numbered(IssuedDocument document, String jurisdiction) {
        if (document.correction() != null) {
            BulletinFacts.DocumentNumber number = document.correction().number();
            return takeNumber(jurisdiction, number.year(), number.sequence()).then();
        }
        BulletinFacts.Issue issue = document.facts().issue();
        return takeNumber(jurisdiction, issue.number().year(), issue.number().sequence())
                .then(takeSequence(jurisdiction, issue.sequence()))
                .then();
    }

    private static String id(String period, String jurisdiction, int revision) {
        return jurisdiction == null ? period + "|" + revision : period + "|" + jurisdiction + "|" + revision;
    }

    /** The bulletins of the period and jurisdiction; eq null also matches the platform's, stored without the field. */
    private static Bson of(String period, String jurisdiction) {
        return and(eq("period", period), eq("jurisdiction", jurisdiction));
    }

    /** Every issued revision of the platform's bulletin of the period, revision 0 first. */
    Flux<IssuedRevision> revisions(String period) {
        return revisions(period, null);
    }

    /** Every issued revision of the period's bulletin of {@code jurisdiction} (null: the platform's). */
    Flux<IssuedRevision> revisions(String period, String jurisdiction) {
        return Flux.from(bulletins.find(of(period, jurisdiction)).sort(Sorts.ascending("revision")))
                .map(BulletinIssues::revision);
    }

    Mono<IssuedRevision> revision(String period, int revision) {
        return revision(period, null, revision);
    }

    Mono<IssuedRevision> revision(String period, String jurisdiction, int revision) {
        return Mono.from(bulletins
                        .find(eq("_id", id(period, jurisdiction, revision)))
                        .first())
                .map(BulletinIssues::revision);
    }

    /** The latest issued revision of the platform's bulletin of the period, if it was issued. */
    Mono<IssuedRevision> latest(String period) {
        return latest(period, null);
    }

    Mono<IssuedRevision> latest(String period, String jurisdiction) {
        return Mono.from(bulletins
                        .find(of(period, jurisdiction))
                        .sort(Sorts.descending("revision"))
                        .first())
                .map(BulletinIssues::revision);
    }

    /** Revision 0 of the platform's bulletin of the period, if it was issued. */
    Mono<IssuedRevision> issued(String period) {
        return revision(period, 0);
    }

    private static IssuedRevision revision(Document document) {
        return JsonDocuments.fromDocument(document.get("issued", Document.class), IssuedRevision.class);
    }

    /** The 发文字号 sequence the platform's next bulletin of {@code year} gets, without taking it. */
    Mono<Integer> peekNumber(int year) {
        return peekNumber(null, year);
    }

    /** The 发文字号 sequence the next bulletin of {@code jurisdiction} (null: the platform) of {@code year} gets. */
    Mono<Integer> peekNumber(String jurisdiction, int year) {
        return peek(numberCounter(jurisdiction, year), settings.firstNumber());
    }

    Mono<Integer> peekSequence() {
        return peekSequence(null);
    }

    Mono<Integer> peekSequence(String jurisdiction) {
        return peek(counter(SEQUENCE, jurisdiction), settings.firstSequence());
    }

    /** Takes the next 发文字号 sequence of {@code year}, or records {@code explicit} as taken. */
    Mono<Integer> takeNumber(String jurisdiction, int year, Integer explicit) {
        return take(numberCounter(jurisdiction, year), settings.firstNumber(), explicit);
    }

    Mono<Integer> takeSequence(String jurisdiction, Integer explicit) {
        return take(counter(SEQUENCE, jurisdiction), settings.firstSequence(), explicit);
    }

    /** A counter holds the last value taken. */
    private Mono<Integer> peek(String counter, int first) {
        return Mono.from(counters.find(eq("_id", counter)).first())
                .map(document -> ((Number) document.get("seq")).intValue() + 1)
                .defaultIfEmpty(first);
    }

    private Mono<Integer> take(String counter, int first, Integer explicit) {
        if (explicit != null) {
            return Mono.from(counters.updateOne(
                            eq("_id", counter), Updates.max("seq", explicit), new UpdateOptions().upsert(true)))
                    .thenReturn(explicit)
                    .onErrorResume(MongoErrors::isDuplicateKey, e -> take(counter, first, explicit));
        }
        // The first take starts the counter at first - 1, so it yields first.
        return Mono.from(counters.updateOne(
                        eq("_id", counter), Updates.setOnInsert("seq", first - 1), new UpdateOptions().upsert(true)))
                .then(Mono.from(counters.findOneAndUpdate(
                        eq("_id", counter),
                        Updates.inc("seq", 1),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                .map(document -> ((Number) document.get("seq")).intValue());
    }

    private static String numberCounter(String jurisdiction, int year) {
        return counter("bulletin-number-" + year, jurisdiction);
    }

    /** A counter of the jurisdiction's own: the platform's name and the jurisdiction. */
    private static String counter(String name, String jurisdiction) {
        return jurisdiction == null ? name : name + "|" + jurisdiction;
    }
}
