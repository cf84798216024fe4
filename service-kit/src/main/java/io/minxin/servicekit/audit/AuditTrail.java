package io.minxin.servicekit.audit;

import io.minxin.events.audit.AuditAction;
import io.minxin.events.audit.AuditEntry;
import io.minxin.events.identity.Caller;
import io.minxin.events.problem.ProblemType;
import io.minxin.servicekit.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Puts an operator action that succeeded on topic {@code audit} before the action is answered, so that no accepted
 * action goes unaudited. Each service makes one, with a {@link Sender} that writes to the topic and waits for the
 * broker's acknowledgement ({@code acks=all}).
 *
 * <p>When the broker does not take the entry, the action has happened but the caller gets {@code 503} problem JSON
 * ({@code event-log-unavailable}) saying so, and the entry is logged in full at ERROR (its secrets masked) so that
 * it can be re-sent by hand.
 */
public final class AuditTrail {
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** Writes an entry on topic {@code audit}, key {@link AuditEntry#key()}, blocking until the broker has it. */
    @FunctionalInterface
    public interface Sender {
        /**
         * @return false, or an exception, when the broker did not take the entry
         */
        boolean send(AuditEntry entry);
    }

    private final String service;
    private final Clock clock;
    private final Sender sender;
    private final Runnable onUnsent;

    /**
     * @param service the name entries give as {@link AuditEntry#service()}, e.g. {@code ranking-service}
     * @param onUnsent told of every entry the broker did not take (a counter, say)
     */
    public AuditTrail(String service, Clock clock, Sender sender, Runnable onUnsent) {
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.onUnsent = Objects.requireNonNull(onUnsent, "onUnsent");
    }

    /**
     * Records an action that succeeded, blocking until the broker has the entry; never on an event loop.
     *
     * @param change what changed; secrets are masked ({@link AuditEntry#of})
     * @throws ProblemException 503 when the broker does not take the entry
     */
    public AuditEntry record(Caller actor, AuditAction action, String target, Object change, String summary) {
        AuditEntry entry = AuditEntry.of(actor, clock.instant(), service, action, target, change, summary);
        boolean sent;
        try {
            sent = sender.send(entry);
        } catch (RuntimeException e) {
            throw unsent(entry, e);
        }
        if (!sent) {
            throw unsent(entry, null);
        }
        return entry;
    }

    /** {@link #record} on a worker thread, for a reactive chain. */
    public Mono<AuditEntry> recordLater(
            Caller actor, AuditAction action, String target, Object change, String summary) {
        return Mono.fromCallable(() -> record(actor, action, target, change, summary))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private ProblemException unsent(AuditEntry entry, RuntimeException cause) {
        onUnsent.run();
        log.error(
                "Audit entry not written, the action it records was done: {}",
                new String(entry.toBytes(), StandardCharsets.UTF_8),
                cause);
        return new ProblemException(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemType.EVENT_LOG_UNAVAILABLE,
                "the action was done (" + entry.summary() + "), but its audit entry could not be written: the"
                        + " event log is unavailable",
                List.of());
    }
}
