package io.minxin.gateway.accounts;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where accounts (password hashes, never passwords) are kept. */
interface AccountStore {
    /** Stores a new account; completes false when the username is taken. */
    Mono<Boolean> insert(Account account);

    Mono<Account> find(String username);

    /** Every account, oldest first. */
    Flux<Account> findAll();

    /**
     * Counts a failed sign-in; the {@code lockAfter}-th in a row locks the account until {@code lockedUntil} and
     * starts the count again. Answers the account as it is now.
     */
    Mono<Account> recordFailure(String username, int lockAfter, Instant lockedUntil);

    /** A successful sign-in: the count of failures starts again. */
    Mono<Void> recordSuccess(String username);

    Mono<Void> changePassword(String username, String passwordHash, Instant at);
}
