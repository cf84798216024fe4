package io.minxin.gateway.accounts;

import io.minxin.events.audit.AuditAction;
import io.minxin.events.audit.AuditEntry;
import io.minxin.events.audit.AuditTargets;
import io.minxin.events.identity.Caller;
import io.minxin.gateway.audit.AuditTrail;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The audit entries of people's accounts: an account opened (by which operator, with which role and scope) and a
 * sign-in to the console (with a password or through which identity provider). Never a password. An entry Kafka does
 * not take is logged and counted by the trail; the sign-in or the opening it records stands.
 */
final class AccountAudit {
    private static final String SERVICE = "gateway";

    private final AuditTrail trail;
    private final Clock clock;

    AccountAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    Mono<Void> opened(Caller operator, Account account) {
        return record(() -> AuditEntry.of(
                operator,
                clock.instant(),
                SERVICE,
                AuditAction.ACCOUNT_OPEN,
                AuditTargets.account(account.username()),
                shown(account, null),
                "opened account " + account.username() + " (" + account.role().wireName() + ", "
                        + account.scope().wire() + ")"));
    }

    /** @param method {@code password}, or {@code oidc:<provider>} */
    Mono<Void> signedIn(Account account, String method) {
        return record(() -> AuditEntry.of(
                new Caller(account.username(), account.role(), account.scope()),
                clock.instant(),
                SERVICE,
                AuditAction.ACCOUNT_SIGN_IN,
                AuditTargets.account(account.username()),
                shown(account, method),
                account.username() + " signed in to the console (" + method + ")"));
    }

    private Mono<Void> record(Supplier<AuditEntry> entry) {
        // the entry's id is a random UUID, drawn from SecureRandom (a read of /dev/urandom): off the event loop
        return Mono.defer(() -> trail.record(entry.get()))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(e -> Mono.empty());
    }

    private static Map<String, Object> shown(Account account, String method) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("role", account.role().wireName());
        change.put("scope", account.scope().wire());
        if (method != null) {
            change.put("method", method);
        }
        return change;
    }
}
