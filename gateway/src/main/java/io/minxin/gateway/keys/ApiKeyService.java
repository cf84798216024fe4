package io.minxin.gateway.keys;

import io.minxin.events.audit.AuditAction;
import io.minxin.events.audit.AuditEntry;
import io.minxin.events.audit.AuditTargets;
import io.minxin.events.identity.ApiKeyChange;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Issues, lists, revokes and checks API keys. An issue or revocation is announced ({@link KeyEvents}) before it is
 * answered: to every gateway instance, which drops its cached look-up of the key, and, when an operator did it, to
 * the audit trail.
 */
public final class ApiKeyService {
    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);
    private static final int ID_COLLISION_RETRIES = 3;
    /** The service named in audit entries: the gateway's spring.application.name. */
    static final String SERVICE = "gateway";

    private final ApiKeyStore store;
    private final KeyCache cache;
    private final SecureRandom random;
    private final Clock clock;
    private final KeyEvents events;

    /** Without announcements: for tests of this class. */
    ApiKeyService(ApiKeyStore store, KeyCache cache, SecureRandom random, Clock clock) {
        this(store, cache, random, clock, KeyEvents.NONE);
    }

    ApiKeyService(ApiKeyStore store, KeyCache cache, SecureRandom random, Clock clock, KeyEvents events) {
        this.store = store;
        this.cache = cache;
        this.random = random;
        this.clock = clock;
        this.events = events;
    }

    /** Creates a city-wide key ({@link Scope#ALL}) with a fresh id and secret. */
    public Mono<IssuedKey> create(String name, Set<Role> roles) {
        return create(name, roles, Scope.ALL);
    }

    /** Creates a key with a fresh id and secret, announced to every gateway instance but not audited. */
    public Mono<IssuedKey> create(String name, Set<Role> roles, Scope scope) {
        return create(name, roles, scope, null);
    }

    /**
     * Creates a key with a fresh id and secret and announces it ({@link KeyEvents}); answers once Kafka has it.
     *
     * @param actor the operator who asked for it, named in the audit entry; null: no audit entry (code, tests)
     * @throws IllegalArgumentException (in the Mono) when {@code roles} is empty or {@code scope} is not allowed for
     *     them (see {@link KeyScopes})
     * @throws KeyEvents.NotAnnouncedException (in the Mono) when the key was stored but Kafka did not take the change
     */
    public Mono<IssuedKey> create(String name, Set<Role> roles, Scope scope, Caller actor) {
        if (roles.isEmpty()) {
            return Mono.error(new IllegalArgumentException("an API key needs at least one role"));
        }
        String refusal = KeyScopes.refusal(roles, scope);
        if (refusal != null) {
            return Mono.error(new IllegalArgumentException(refusal));
        }
        return Mono.fromCallable(() -> KeyToken.generate(random))
                // SecureRandom reads /dev/urandom (a file read): on a worker thread, never on the event loop
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(token -> {
                    ApiKey key = new ApiKey(token.id(), name, roles, scope, token.hash(), now(), null, false);
                    return store.insert(key).then(Mono.fromSupplier(() -> {
                        cache.invalidate(key.id());
                        return new IssuedKey(key, token.value());
                    }));
                })
                .retryWhen(
                        Retry.max(ID_COLLISION_RETRIES).filter(ApiKeyStore.DuplicateKeyIdException.class::isInstance))
                .flatMap(issued -> announce(issued.stored(), ApiKeyChange.Change.ISSUED, actor)
                        .thenReturn(issued));
    }

    public Flux<ApiKey> list() {
        return store.findAll();
    }

    public Mono<ApiKey> find(String id) {
        return store.findById(id);
    }

    /** {@link #revoke(String, Caller)} without an audit entry (code, tests). */
    public Mono<ApiKey> revoke(String id) {
        return revoke(id, null);
    }

    /**
     * Revokes the key: at once on this instance, and on every other once they read the announcement; answers once
     * Kafka has it. Empty when there is no such key.
     *
     * @param actor the operator who revoked it, named in the audit entry; null: no audit entry
     * @throws KeyEvents.NotAnnouncedException (in the Mono) when the key was revoked but Kafka did not take the change
     */
    public Mono<ApiKey> revoke(String id, Caller actor) {
        return forgetting(id, store.revoke(id, now()))
                .flatMap(
                        key -> announce(key, ApiKeyChange.Change.REVOKED, actor).thenReturn(key));
    }

    /** Stores a key handed to the gateway by its environment (see {@link ApiKeyStore#upsertBootstrap}). */
    public Mono<ApiKey> bootstrap(KeyToken token, String name, Set<Role> roles) {
        return forgetting(
                token.id(),
                store.upsertBootstrap(new ApiKey(token.id(), name, roles, Scope.ALL, token.hash(), now(), null, true)));
    }

    /**
     * The store's change, with the cached look-up of {@code id} dropped before the outcome is passed on: a caller
     * told "revoked" must find the key refused on its very next request ({@code doFinally} would run only after
     * the answer had gone out).
     */
    private Mono<ApiKey> forgetting(String id, Mono<ApiKey> change) {
        return change.doOnSuccess(key -> cache.invalidate(id)).doOnError(e -> cache.invalidate(id));
    }

    private Mono<Void> announce(ApiKey key, ApiKeyChange.Change change, Caller actor) {
        return Mono.defer(() -> events.announce(new ApiKeyChange(key.id(), change, now()), audit(key, change, actor)))
                // the audit entry's id is a random UUID, drawn from SecureRandom (a read of /dev/urandom), and the
                // store may answer on an event loop
                .subscribeOn(Schedulers.boundedElastic());
    }

    private AuditEntry audit(ApiKey key, ApiKeyChange.Change change, Caller actor) {
        return actor == null
                ? null
                : AuditEntry.of(
                        actor,
                        now(),
                        SERVICE,
                        change == ApiKeyChange.Change.ISSUED ? AuditAction.KEY_ISSUE : AuditAction.KEY_REVOKE,
                        AuditTargets.key(key.id()),
                        audited(key),
                        (change == ApiKeyChange.Change.ISSUED ? "issued" : "revoked") + " API key " + key.id() + " ("
                                + key.name() + ")");
    }

    /** What the audit trail shows of a key: never its secret or hash. */
    private static Map<String, Object> audited(ApiKey key) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("name", key.name());
        change.put("roles", key.roles().stream().map(Role::wireName).toList());
        change.put("scope", key.scope().wire());
        if (key.revoked()) {
            change.put("revokedAt", key.revokedAt().toString());
        }
        return change;
    }

    /** Checks an {@code X-Api-Key} header value (null when absent); never fails, a store outage is an outcome. */
    public Mono<Authentication> authenticate(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return Mono.just(Authentication.failed(Authentication.Failure.MISSING));
        }
        return KeyToken.parse(headerValue)
                .map(token -> lookup(token.id())
                        .map(lookup -> verdict(token, lookup.key()))
                        .onErrorResume(e -> {
                            log.warn("API key store unavailable: {}", e.toString());
                            return Mono.just(Authentication.failed(Authentication.Failure.STORE_UNAVAILABLE));
                        }))
                .orElseGet(() -> Mono.just(Authentication.failed(Authentication.Failure.MALFORMED)));
    }

    private Mono<KeyCache.Lookup> lookup(String id) {
        KeyCache.Lookup cached = cache.get(id);
        if (cached != null) {
            return Mono.just(cached);
        }
        return store.findById(id)
                .map(KeyCache.Lookup::new)
                .defaultIfEmpty(new KeyCache.Lookup(null))
                .doOnNext(lookup -> cache.put(id, lookup.key()));
    }

    private static Authentication verdict(KeyToken token, ApiKey stored) {
        if (stored == null) {
            return Authentication.failed(Authentication.Failure.UNKNOWN);
        }
        if (!token.matches(stored.hash())) {
            return Authentication.failed(Authentication.Failure.BAD_SECRET);
        }
        if (stored.revoked()) {
            return Authentication.failed(Authentication.Failure.REVOKED);
        }
        return Authentication.of(stored);
    }

    private Instant now() {
        // Millisecond precision: what MongoDB stores, so a key reads back equal to what was written.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
