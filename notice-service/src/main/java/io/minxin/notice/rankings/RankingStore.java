package io.minxin.notice.rankings;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.Channel;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.notice.mongo.JsonDocuments;
import io.minxin.notice.mongo.MongoErrors;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Collection {@code rankings}: the latest published revision of each period and channel (id {@code period|channel})
 * and the latest live view of an open one (id {@code period|channel|LIVE}), for the bulletin.
 */
@Component
public class RankingStore {
    private final MongoCollection<Document> rankings;

    public RankingStore(MongoDatabase database) {
        this.rankings = database.getCollection("rankings");
    }

    /** Keeps the revision unless a later one is stored (a live view: unless a later computed one is). */
    public Mono<Void> save(RankingRevision revision) {
        if (revision.status() == RevisionStatus.LIVE) {
            return saveLive(revision);
        }
        Document document = new Document("_id", revision.key())
                .append("period", revision.period())
                .append("channel", revision.channel().name())
                .append("revision", revision.revision())
                .append("ranking", JsonDocuments.toDocument(revision));
        return Mono.from(rankings.replaceOne(
                        and(eq("_id", revision.key()), lt("revision", revision.revision())),
                        document,
                        new ReplaceOptions().upsert(true)))
                .then()
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty());
    }

    private Mono<Void> saveLive(RankingRevision view) {
        Date createdAt = Date.from(view.createdAt() == null ? Instant.EPOCH : view.createdAt());
        Document document = new Document("_id", view.key())
                .append("period", view.period())
                .append("channel", view.channel().name())
                .append("createdAt", createdAt)
                .append("ranking", JsonDocuments.toDocument(view));
        return Mono.from(rankings.replaceOne(
                        and(eq("_id", view.key()), lt("createdAt", createdAt)),
                        document,
                        new ReplaceOptions().upsert(true)))
                .then()
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty());
    }

    /** The latest live view of an open period's ranking, as ranking-service last put it on {@code rankings}. */
    public Mono<RankingRevision> live(String period, Channel channel) {
        return Mono.from(rankings.find(eq("_id", RankingRevision.liveKey(period, channel)))
                        .first())
                .map(document ->
                        JsonDocuments.fromDocument(document.get("ranking", Document.class), RankingRevision.class));
    }

    /** The latest published revision of a closed period's ranking. */
    public Mono<RankingRevision> latest(String period, Channel channel) {
        return Mono.from(rankings.find(eq("_id", RankingRevision.key(period, channel)))
                        .first())
                .map(document ->
                        JsonDocuments.fromDocument(document.get("ranking", Document.class), RankingRevision.class));
    }
}
