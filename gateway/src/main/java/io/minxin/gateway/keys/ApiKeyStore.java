package io.minxin.gateway.keys;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where API keys (hashes, never keys) are kept. */
public interface ApiKeyStore {
    /** Stores a new key; fails with {@link DuplicateKeyIdException} when the id is taken. */
    Mono<Void> insert(ApiKey key);

    Mono<ApiKey> findById(String id);

    /** Every key, revoked ones included, oldest first. */
    Flux<ApiKey> findAll();

    /** Marks the key revoked (once: a second revocation keeps the first time); empty when there is no such key. */
    Mono<ApiKey> revoke(String id, Instant at);

    /**
     * Stores a key given to the gateway by its environment: created when missing, otherwise its name, roles and
     * hash are replaced. A revocation stays in force, so an operator can retire a leaked bootstrap key for good.
     */
    Mono<ApiKey> upsertBootstrap(ApiKey key);

    final class DuplicateKeyIdException extends RuntimeException {
        DuplicateKeyIdException(String id) {
            super("an API key with id " + id + " exists");
        }
    }
}
