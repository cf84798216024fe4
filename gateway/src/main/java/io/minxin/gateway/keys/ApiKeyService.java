package io.minxin.gateway.keys;

import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/** Issues, lists, revokes and checks API keys. */
public final class ApiKeyService {
    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);
    private static final int ID_COLLISION_RETRIES = 3;

    private final ApiKeyStore store;
    private final KeyCache cache;
    private final SecureRandom random;
    private final Clock clock;

    ApiKeyService(ApiKeyStore store, KeyCache cache, SecureRandom random, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.random = random;
        this.clock = clock;
    }

    /** Creates a city-wide key ({@link Scope#ALL}) with a fresh id and secret. */
    public Mono<IssuedKey> create(String name, Set<Role> roles) {
        return create(name, roles, Scope.ALL);
    }

    /**
     * Creates a key with a fresh id and secret.
     *
     * @throws IllegalArgumentException (in the Mono) when {@code roles} is empty or {@code scope} is not allowed for
     *     them (see {@link KeyScopes})
     */
    public Mono<IssuedKey> create(String name, Set<Role> roles, Scope scope) {
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
                        Retry.max(ID_COLLISION_RETRIES).filter(ApiKeyStore.DuplicateKeyIdException.class::isInstance));
    }

    public Flux<ApiKey> list() {
        return store.findAll();
    }

    public Mono<ApiKey> find(String id) {
        return store.findById(id);
    }

    /** Revokes the key at once on this instance; empty when there is no such key. */
    public Mono<ApiKey> revoke(String id) {
        return forgetting(id, store.revoke(id, now()));
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
