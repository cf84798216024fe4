package io.minxin.gateway.accounts;

import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * People's accounts: sign-in with lockout, password change, and accounts an operator opens. Hashing and checking a
 * password (bcrypt, deliberately slow) runs off the event loops.
 */
final class Accounts {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    /** How a sign-in ended. */
    enum Outcome {
        SIGNED_IN,
        /** Unknown username or wrong password: the person is not told which. */
        INVALID,
        LOCKED
    }

    record SignIn(Outcome outcome, Account account) {}

    /** How a password change ended. */
    enum PasswordChange {
        CHANGED,
        WRONG_PASSWORD,
        TOO_SHORT,
        UNCHANGED,
        LOCKED
    }

    /** An account just opened, with its first password: the only time it is shown. */
    record Opened(Account account, String password) {}

    private final AccountStore store;
    private final PasswordEncoder passwords;
    private final AccountSettings settings;
    private final SecureRandom random;
    private final Clock clock;
    /** Checked against when the username is unknown, so that an unknown name takes as long as a wrong password. */
    private final Mono<String> decoyHash;

    Accounts(
            AccountStore store, PasswordEncoder passwords, AccountSettings settings, SecureRandom random, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.settings = settings;
        this.random = random;
        this.clock = clock;
        this.decoyHash = Mono.fromCallable(() -> passwords.encode(newPassword()))
                .subscribeOn(Schedulers.boundedElastic())
                .cache();
    }

    Mono<SignIn> signIn(String username, String password) {
        String name = username == null ? "" : username.strip();
        String given = password == null ? "" : password;
        return store.find(name)
                .flatMap(account -> {
                    Instant now = clock.instant();
                    if (account.lockedAt(now)) {
                        return Mono.just(new SignIn(Outcome.LOCKED, account));
                    }
                    return matches(given, account.passwordHash())
                            .flatMap(match -> match
                                    ? store.recordSuccess(name).thenReturn(new SignIn(Outcome.SIGNED_IN, account))
                                    : store.recordFailure(name, settings.lockAfter(), now.plus(settings.lockFor()))
                                            .map(after -> new SignIn(
                                                    after.lockedAt(now) ? Outcome.LOCKED : Outcome.INVALID, after)));
                })
                .switchIfEmpty(Mono.defer(() -> decoyHash
                        .flatMap(decoy -> matches(given, decoy))
                        .thenReturn(new SignIn(Outcome.INVALID, null))));
    }

    /**
     * A person the city's identity provider vouched for (OIDC): signed in as the Minxin account of the same username,
     * which gives the role and scope, unless none exists ({@link Outcome#INVALID}) or it is locked out. The provider
     * proved who they are; a password lockout still holds, as an operator would expect of a locked account.
     */
    Mono<SignIn> signInVouched(String username) {
        String name = username == null ? "" : username.strip();
        return store.find(name)
                .map(account ->
                        new SignIn(account.lockedAt(clock.instant()) ? Outcome.LOCKED : Outcome.SIGNED_IN, account))
                .defaultIfEmpty(new SignIn(Outcome.INVALID, null));
    }

    Mono<PasswordChange> changePassword(String username, String current, String next) {
        if (next == null || next.length() < settings.minimumPasswordLength()) {
            return Mono.just(PasswordChange.TOO_SHORT);
        }
        if (next.equals(current)) {
            return Mono.just(PasswordChange.UNCHANGED);
        }
        // the current password is checked as a sign-in is: the same lockout guards both
        return signIn(username, current).flatMap(signIn -> switch (signIn.outcome()) {
            case LOCKED -> Mono.just(PasswordChange.LOCKED);
            case INVALID -> Mono.just(PasswordChange.WRONG_PASSWORD);
            case SIGNED_IN ->
                hash(next)
                        .flatMap(hash -> store.changePassword(username, hash, clock.instant()))
                        .thenReturn(PasswordChange.CHANGED);
        });
    }

    /** Opens an account with a generated first password; empty when the username is taken. */
    Mono<Opened> open(String username, Role role, Scope scope) {
        String password = newPassword();
        return create(username, role, scope, password).map(account -> new Opened(account, password));
    }

    /** Creates account {@code operator} with {@code password} unless it exists; completes whether it was created. */
    Mono<Boolean> bootstrapOperator(String password) {
        return create("operator", Role.OPERATOR, Scope.ALL, password).hasElement();
    }

    Mono<Account> find(String username) {
        return store.find(username);
    }

    Flux<Account> list() {
        return store.findAll();
    }

    private Mono<Account> create(String username, Role role, Scope scope, String password) {
        Instant now = clock.instant();
        return hash(password).flatMap(hash -> {
            Account account = new Account(username, role, scope, hash, 0, null, now, now);
            return store.insert(account).flatMap(inserted -> inserted ? Mono.just(account) : Mono.<Account>empty());
        });
    }

    private Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> passwords.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<String> hash(String password) {
        return Mono.fromCallable(() -> passwords.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    private String newPassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
