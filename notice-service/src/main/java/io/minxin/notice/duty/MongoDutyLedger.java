package io.minxin.notice.duty;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.notice.units.UnitDirectory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The duty ledger in MongoDB: {@code duty_logins} (earliest log-in per unit and day), {@code duty_misses}
 * (one document per unit and missed day), {@code duty_state} (first and last checked day, and the progress of
 * the log-ins) and {@code duty_offsets} (per topic and partition, the next offset not yet consumed). Blocking, on purpose: the duty check is plain Java on its @Scheduled thread, and
 * {@link #recordLogin} runs on the unit-activity Kafka listener thread, whose offset must wait for the write.
 */
class MongoDutyLedger implements DutyLedger {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String STATE_ID = "duty-check";
    private static final String PROGRESS_ID = "login-progress";

    private final MongoCollection<Document> logins;
    private final MongoCollection<Document> misses;
    private final MongoCollection<Document> state;
    private final MongoCollection<Document> offsets;
    private final UnitDirectory directory;

    MongoDutyLedger(MongoDatabase database, UnitDirectory directory) {
        this.logins = database.getCollection("duty_logins");
        this.misses = database.getCollection("duty_misses");
        this.state = database.getCollection("duty_state");
        this.offsets = database.getCollection("duty_offsets");
        this.directory = directory;
    }

    @Override
    public void recordLogin(String unitId, Instant at, Instant consumedAt) {
        LocalDate day = LocalDate.ofInstant(at, WorkingCalendar.ZONE);
        await(logins.updateOne(
                eq("_id", unitId + "|" + day),
                Updates.combine(
                        Updates.setOnInsert("unitId", unitId),
                        Updates.setOnInsert("date", day.toString()),
                        Updates.min("firstLoginAt", Date.from(at))),
                new UpdateOptions().upsert(true)));
        // after the log-in itself: the watermark must never pass a log-in the ledger does not hold
        await(state.updateOne(
                eq("_id", PROGRESS_ID),
                Updates.combine(
                        Updates.max("watermark", Date.from(at)), Updates.max("lastConsumedAt", Date.from(consumedAt))),
                new UpdateOptions().upsert(true)));
    }

    @Override
    public LoginProgress loginProgress() {
        Document progress =
                Mono.from(state.find(eq("_id", PROGRESS_ID)).first()).block(TIMEOUT);
        if (progress == null) {
            return LoginProgress.NONE;
        }
        return new LoginProgress(
                progress.getDate("watermark").toInstant(),
                progress.getDate("lastConsumedAt").toInstant());
    }

    /** {@code $max}, one atomic write: two instances and records delivered again never move an offset back. */
    @Override
    public void recordConsumed(String topic, int partition, long nextOffset) {
        await(offsets.updateOne(
                eq("_id", topic + "|" + partition),
                Updates.combine(
                        Updates.setOnInsert("topic", topic),
                        Updates.setOnInsert("partition", partition),
                        Updates.max("next", nextOffset)),
                new UpdateOptions().upsert(true)));
    }

    @Override
    public Map<Integer, Long> consumedOffsets(String topic) {
        Map<Integer, Long> consumed = new TreeMap<>();
        Flux.from(offsets.find(eq("topic", topic)))
                .doOnNext(offset -> consumed.put(offset.getInteger("partition"), offset.getLong("next")))
                .then()
                .block(TIMEOUT);
        return consumed;
    }

    @Override
    public Set<String> unitsLoggedIn(LocalDate day, Instant deadline) {
        Set<String> units = new TreeSet<>();
        Flux.from(logins.find(and(eq("date", day.toString()), lt("firstLoginAt", Date.from(deadline)))))
                .doOnNext(login -> units.add(login.getString("unitId")))
                .then()
                .block(TIMEOUT);
        return units;
    }

    @Override
    public Set<String> knownUnits() {
        return directory.knownUnitIds();
    }

    @Override
    public Optional<String> unitName(String unitId) {
        return directory.currentName(unitId).blockOptional(TIMEOUT);
    }

    @Override
    public LocalDate firstDay(LocalDate proposed) {
        await(state.updateOne(
                eq("_id", STATE_ID),
                Updates.setOnInsert("firstDay", proposed.toString()),
                new UpdateOptions().upsert(true)));
        return LocalDate.parse(stateDocument().getString("firstDay"));
    }

    @Override
    public Optional<LocalDate> lastCheckedDay() {
        Document document = Mono.from(state.find(eq("_id", STATE_ID)).first()).block(TIMEOUT);
        return Optional.ofNullable(document == null ? null : document.getString("lastCheckedDay"))
                .map(LocalDate::parse);
    }

    /**
     * {@code $max} of ISO dates (their text sorts as the days do), one atomic write: two instances checking at the
     * same time cannot move the mark back, which would make one of them judge days again with a later list of
     * units than the first judgement had.
     */
    @Override
    public void markChecked(LocalDate day) {
        await(state.updateOne(
                eq("_id", STATE_ID), Updates.max("lastCheckedDay", day.toString()), new UpdateOptions().upsert(true)));
    }

    @Override
    public Set<String> recordMissed(LocalDate day, Set<String> unitIds) {
        // a day is recorded again on every later check of its month: write only the misses not stored yet
        Set<String> recorded = new java.util.HashSet<>();
        Flux.from(misses.find(eq("date", day.toString())))
                .doOnNext(miss -> recorded.add(miss.getString("unitId")))
                .then()
                .block(TIMEOUT);
        Set<String> added = new java.util.TreeSet<>(unitIds);
        added.removeAll(recorded);
        Flux.fromIterable(added)
                .concatMap(unitId -> misses.replaceOne(
                        eq("_id", unitId + "|" + day),
                        new Document("_id", unitId + "|" + day)
                                .append("unitId", unitId)
                                .append("date", day.toString())
                                .append("month", YearMonth.from(day).toString()),
                        new ReplaceOptions().upsert(true)))
                .then()
                .block(TIMEOUT);
        return added;
    }

    @Override
    public List<LocalDate> missedDays(String unitId, YearMonth month) {
        return Flux.from(misses.find(and(eq("unitId", unitId), eq("month", month.toString())))
                        .sort(Sorts.ascending("date")))
                .map(miss -> LocalDate.parse(miss.getString("date")))
                .collectList()
                .block(TIMEOUT);
    }

    private Document stateDocument() {
        return Mono.from(state.find(eq("_id", STATE_ID)).first()).block(TIMEOUT);
    }

    private static void await(Publisher<?> write) {
        Mono.from(write).block(TIMEOUT);
    }
}
