package io.minxin.gateway.accounts;

import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Accounts in memory: for a gateway without MongoDB (tests, {@code minxin.gateway.keys.store=memory}). */
final class InMemoryAccountStore implements AccountStore {
    private final ConcurrentMap<String, Account> accounts = new ConcurrentHashMap<>();

    @Override
    public Mono<Boolean> insert(Account account) {
        return Mono.fromSupplier(() -> accounts.putIfAbsent(account.username(), account) == null);
    }

    @Override
    public Mono<Account> find(String username) {
        return Mono.justOrEmpty(accounts.get(username));
    }

    @Override
    public Flux<Account> findAll() {
        return Flux.fromIterable(accounts.values())
                .sort(Comparator.comparing(Account::createdAt).thenComparing(Account::username));
    }

    @Override
    public Mono<Account> recordFailure(String username, int lockAfter, Instant lockedUntil) {
        return Mono.justOrEmpty(accounts.computeIfPresent(username, (name, account) -> {
            int failures = account.failedSignIns() + 1;
            return failures >= lockAfter
                    ? withLockout(account, 0, lockedUntil)
                    : withLockout(account, failures, account.lockedUntil());
        }));
    }

    @Override
    public Mono<Void> recordSuccess(String username) {
        return Mono.fromRunnable(
                () -> accounts.computeIfPresent(username, (name, account) -> withLockout(account, 0, null)));
    }

    @Override
    public Mono<Void> changePassword(String username, String passwordHash, Instant at) {
        return Mono.fromRunnable(() -> accounts.computeIfPresent(
                username,
                (name, account) -> new Account(
                        account.username(),
                        account.role(),
                        account.scope(),
                        passwordHash,
                        account.failedSignIns(),
                        account.lockedUntil(),
                        account.createdAt(),
                        at)));
    }

    private static Account withLockout(Account account, int failures, Instant lockedUntil) {
        return new Account(
                account.username(),
                account.role(),
                account.scope(),
                account.passwordHash(),
                failures,
                lockedUntil,
                account.createdAt(),
                account.passwordChangedAt());
    }
}
