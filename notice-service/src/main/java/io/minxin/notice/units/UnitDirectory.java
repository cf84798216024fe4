package io.minxin.notice.units;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The units this service has seen in {@code unit-metrics} or {@code unit-activity} (collection {@code units}):
 * the units the duty check expects to log in, and their names. A district has tens of units, so all of them
 * are kept in memory too.
 */
@Component
public class UnitDirectory {
    private static final String NO_NAME = "";

    private final MongoCollection<Document> units;
    private final Clock clock;
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    public UnitDirectory(MongoDatabase database, Clock clock) {
        this.units = database.getCollection("units");
        this.clock = clock;
    }

    /** Records that a unit exists; a non-blank name replaces the one known. */
    public Mono<Void> remember(String unitId, String unitName) {
        String name = unitName == null || unitName.isBlank() ? null : unitName;
        String known = names.get(unitId);
        if (known != null && (name == null || name.equals(known))) {
            return Mono.empty();
        }
        var update = name == null
                ? Updates.setOnInsert("firstSeenAt", Date.from(clock.instant()))
                : Updates.combine(
                        Updates.set("name", name), Updates.setOnInsert("firstSeenAt", Date.from(clock.instant())));
        return Mono.from(units.updateOne(eq("_id", unitId), update, new UpdateOptions().upsert(true)))
                .doOnSuccess(r ->
                        names.merge(unitId, name == null ? NO_NAME : name, (old, now) -> now.isEmpty() ? old : now))
                .then();
    }

    /** Every known unit id, sorted. */
    public Set<String> knownUnitIds() {
        load();
        return new TreeSet<>(names.keySet());
    }

    /** Never blocks: before the directory is loaded (at start) it may not know the name yet. */
    public Optional<String> name(String unitId) {
        String name = names.get(unitId);
        return name == null || name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /**
     * The unit's name as stored now: the cached one, else the stored document (another instance, or unit-metrics
     * consumed since this one last looked, may have named the unit). Empty while no name is known.
     */
    public Mono<String> currentName(String unitId) {
        Optional<String> cached = name(unitId);
        if (cached.isPresent()) {
            return Mono.just(cached.get());
        }
        return Mono.from(units.find(eq("_id", unitId)).first())
                .mapNotNull(unit -> unit.getString("name"))
                .filter(name -> !name.isBlank())
                .doOnNext(name -> names.put(unitId, name));
    }

    /** Loads the directory before the first duty check or Kafka record needs it. */
    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        if (loaded) {
            return;
        }
        Flux.from(units.find())
                .doOnNext(unit -> {
                    String name = unit.getString("name");
                    names.merge(unit.getString("_id"), name == null ? NO_NAME : name, (cached, stored) -> cached);
                })
                .then()
                // start-up (main thread) or the duty check's @Scheduled thread (knownUnitIds), never an event loop
                .block(Duration.ofSeconds(30));
        loaded = true;
    }
}
