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
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collection {@code bulletins}, the projection of {@code BulletinIssued} decisions: one document per issued revision
 * (id {@code period|revision}), never replaced by a later decision: when two decisions issued the same revision,
 * the earlier one ({@code decidedAt}, then the smaller id) is the one that was issued, whatever order they are read
 * in. Also the numbering counters in {@code counters}: {@code bulletin-number-<year>} (发文字号) and {@code
 * bulletin-sequence} (第N期), which every issued revision moves up to its numbers, so that a replay of the
 * decisions into an empty database continues the numbering where it was.
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
                EventJson.mapper().treeToValue(issued.document(), IssuedDocument.class));
        return store(revision, decision).then(numbered(revision.document()));
    }

    private Mono<Void> store(IssuedRevision revision, Decision decision) {
        String id = revision.period() + "|" + revision.revision();
        Date at = Date.from(decision.decidedAt());
        Document document = new Document("_id", id)
                .append("period", revision.period())
                .append("revision", revision.revision())
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

    private Mono<Void> numbered(IssuedDocument document) {
        if (document.correction() != null) {
            BulletinFacts.DocumentNumber number = document.correction().number();
            return takeNumber(number.year(), number.sequence()).then();
        }
        BulletinFacts.Issue issue = document.facts().issue();
        return takeNumber(issue.number().year(), issue.number().sequence())
                .then(takeSequence(issue.sequence()))
                .then();
    }

    /** Every issued revision of the period, revision 0 first. */
    Flux<IssuedRevision> revisions(String period) {
        return Flux.from(bulletins.find(eq("period", period)).sort(Sorts.ascending("revision")))
                .map(BulletinIssues::revision);
    }

    Mono<IssuedRevision> revision(String period, int revision) {
        return Mono.from(bulletins.find(eq("_id", period + "|" + revision)).first())
                .map(BulletinIssues::revision);
    }

    /** The latest issued revision of the period, if it was issued. */
    Mono<IssuedRevision> latest(String period) {
        return Mono.from(bulletins
                        .find(eq("period", period))
                        .sort(Sorts.descending("revision"))
                        .first())
                .map(BulletinIssues::revision);
    }

    /** Revision 0 of the period, if it was issued. */
    Mono<IssuedRevision> issued(String period) {
        return revision(period, 0);
    }

    private static IssuedRevision revision(Document document) {
        return JsonDocuments.fromDocument(document.get("issued", Document.class), IssuedRevision.class);
    }

    /** The 发文字号 sequence the next bulletin of {@code year} gets, without taking it. */
    Mono<Integer> peekNumber(int year) {
        return peek(numberCounter(year), settings.firstNumber());
    }

    Mono<Integer> peekSequence() {
        return peek(SEQUENCE, settings.firstSequence());
    }

    /** Takes the next 发文字号 sequence of {@code year}, or records {@code explicit} as taken. */
    Mono<Integer> takeNumber(int year, Integer explicit) {
        return take(numberCounter(year), settings.firstNumber(), explicit);
    }

    Mono<Integer> takeSequence(Integer explicit) {
        return take(SEQUENCE, settings.firstSequence(), explicit);
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

    private static String numberCounter(int year) {
        return "bulletin-number-" + year;
    }
}
