package io.minxin.ranking.revision;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.Channel;
import io.minxin.events.audit.AuditAction;
import io.minxin.events.audit.AuditTargets;
import io.minxin.events.identity.Caller;
import io.minxin.events.ranking.Recomputation;
import io.minxin.ranking.mongo.MongoJson;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.problem.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An operator's recomputation of the closed rankings of a range of months under the policies effective for them now
 * (after a policy version was saved effective from a month already closed): every month and channel through
 * {@link RevisionKeeper#recompute}, one after another on a worker, its progress kept in collection
 * {@code recomputations} after each step, so that either instance answers how far it has come. The counts ranked are
 * the unit metrics folded from case-events, which no policy changes; the pending revisions it leaves are published by
 * an operator as any other.
 */
@Component
class Recomputations {
    private static final Logger log = LoggerFactory.getLogger(Recomputations.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Two years at most per request: a recomputation is a deliberate act about a policy's first months. */
    static final int MAX_MONTHS = 24;

    private final RevisionKeeper keeper;
    private final AuditTrail audit;
    private final Clock clock;
    private final MongoCollection<Document> store;

    Recomputations(RevisionKeeper keeper, AuditTrail audit, Clock clock, MongoDatabase database) {
        this.keeper = keeper;
        this.audit = audit;
        this.clock = clock;
        this.store = database.getCollection("recomputations");
    }

    /**
     * Starts recomputing the months {@code from} to {@code to}; answers once the start is stored and audited, the
     * work goes on in the background.
     */
    Mono<Recomputation> start(String from, String to, Caller operator) {
        YearMonth first = YearMonth.parse(from);
        YearMonth last = YearMonth.parse(to);
        if (last.isBefore(first)) {
            throw ProblemException.invalid("to", "must not be before from (" + from + "), was " + to);
        }
        int months = (int) (first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1);
        if (months > MAX_MONTHS) {
            throw ProblemException.invalid(
                    "to", "at most " + MAX_MONTHS + " months from " + from + " at once, was " + months);
        }
        Recomputation started = new Recomputation(
                from + ".." + to + "-" + UUID.randomUUID().toString().substring(0, 8),
                from,
                to,
                operator.keyId(),
                clock.instant(),
                months * Channel.values().length,
                0,
                Recomputation.State.RUNNING,
                List.of(),
                null,
                null);
        return save(started)
                .then(audit.recordLater(
                        operator,
                        AuditAction.RANKINGS_RECOMPUTE,
                        AuditTargets.recomputation(started.id()),
                        new Requested(from, to),
                        "rankings of " + from + " to " + to + " recomputed under the policies effective now"))
                .doOnSuccess(entry -> Schedulers.boundedElastic().schedule(() -> run(started, first, last)))
                .thenReturn(started);
    }

    /** What the operator asked for, as the audit trail keeps it. */
    record Requested(String from, String to) {}

    Mono<Recomputation> find(String id) {
        return Mono.from(store.find(eq("_id", id)).first())
                .map(document -> MongoJson.fromDocument(document, Recomputation.class));
    }

    /**
     * Blocks on purpose, on the boundedElastic thread {@link #start} hands it to: the months are ranked one after
     * another, and each progress is stored before the next, for {@code GET /api/v1/periods/recomputations/{id}}.
     */
    private void run(Recomputation started, YearMonth first, YearMonth last) {
        Recomputation progress = started;
        try {
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                for (Channel channel : Channel.values()) {
                    progress = progress.with(keeper.recompute(month.toString(), channel));
                    save(progress).block(TIMEOUT);
                }
            }
            save(progress.finished(Recomputation.State.DONE, null, clock.instant()))
                    .block(TIMEOUT);
            log.info("Recomputation {} done: {} rankings", progress.id(), progress.done());
        } catch (RuntimeException e) {
            log.error(
                    "Recomputation {} failed after {} of {} rankings",
                    progress.id(),
                    progress.done(),
                    progress.total(),
                    e);
            save(progress.finished(Recomputation.State.FAILED, e.toString(), clock.instant()))
                    .onErrorResume(error -> Mono.empty())
                    .block(TIMEOUT);
        }
    }

    private Mono<Void> save(Recomputation recomputation) {
        return Mono.from(store.replaceOne(
                        eq("_id", recomputation.id()),
                        MongoJson.toDocument(recomputation.id(), recomputation),
                        new ReplaceOptions().upsert(true)))
                .then();
    }
}
