package io.minxin.notice.targets;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.Channel;
import io.minxin.notice.mongo.MongoErrors;
import java.time.Clock;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Collection {@code period_closes}: the periods and channels known to be closed. A close is never undone. */
@Component
class PeriodCloseStore {
    private final MongoCollection<Document> closes;
    private final Clock clock;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    PeriodCloseStore(MongoDatabase database, Clock clock) {
        this.closes = database.getCollection("period_closes");
        this.clock = clock;
    }

    /** Records the close; {@code by} says what closed it (the ranking revision or the schedule). */
    Mono<Void> markClosed(String period, Channel channel, String by) {
        String key = key(period, channel);
        if (known.contains(key)) {
            return Mono.empty();
        }
        Document close = new Document("_id", key)
                .append("period", period)
                .append("channel", channel.name())
                .append("closedAt", Date.from(clock.instant()))
                .append("closedBy", by);
        return Mono.from(closes.insertOne(close))
                .then()
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty())
                .doOnSuccess(done -> known.add(key));
    }

    Mono<Boolean> isClosed(String period, Channel channel) {
        String key = key(period, channel);
        if (known.contains(key)) {
            return Mono.just(true);
        }
        return Mono.from(closes.find(eq("_id", key)).first())
                .map(found -> {
                    known.add(key);
                    return true;
                })
                .defaultIfEmpty(false);
    }

    private static String key(String period, Channel channel) {
        return period + "|" + channel;
    }
}
