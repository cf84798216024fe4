package io.minxin.gateway.keys;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Keys kept in this process only (lost on restart): for tests and benchmarks without MongoDB. */
final class InMemoryApiKeyStore implements ApiKeyStore {
    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> insert(ApiKey key) {
        return Mono.defer(() -> keys.putIfAbsent(key.id(), key) == null
                ? Mono.empty()
                : Mono.error(new DuplicateKeyIdException(key.id())));
    }

    @Override
    public Mono<ApiKey> findById(String id) {
        return Mono.fromSupplier(() -> keys.get(id));
    }

    @Override
    public Flux<ApiKey> findAll() {
        return Flux.defer(() -> Flux.fromIterable(keys.values().stream()
                .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id))
                .toList()));
    }

    @Override
    public Mono<ApiKey> revoke(String id, Instant at) {
        return Mono.fromSupplier(
                () -> keys.computeIfPresent(id, (ignored, key) -> key.revoked() ? key : key.revokedAt(at)));
    }

    @Override
    public Mono<ApiKey> upsertBootstrap(ApiKey key) {
        return Mono.fromSupplier(() -> keys.merge(
                key.id(),
                key,
                (stored, given) -> new ApiKey(
                        given.id(),
                        given.name(),
                        given.roles(),
                        given.scope(),
                        given.hash(),
                        stored.createdAt(),
                        stored.revokedAt(),
                        true)));
    }
}
