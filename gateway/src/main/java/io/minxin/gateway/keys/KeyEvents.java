package io.minxin.gateway.keys;

import io.minxin.events.audit.AuditEntry;
import io.minxin.events.identity.ApiKeyChange;
import reactor.core.publisher.Mono;

/** Tells every gateway instance (topic {@code api-key-changes}) and the audit trail (topic {@code audit}) of a key change. */
interface KeyEvents {
    /** Announces nothing: tests and benchmarks without Kafka ({@code minxin.gateway.keys.events.enabled=false}). */
    KeyEvents NONE = (change, audit) -> Mono.empty();

    /**
     * Completes once Kafka has taken the change and, when there is one, its audit entry; else fails with
     * {@link NotAnnouncedException}.
     *
     * @param audit the operator action to record, or null for a change made by the gateway itself or by code
     */
    Mono<Void> announce(ApiKeyChange change, AuditEntry audit);

    /** A key change that was made (stored) but that Kafka did not take. */
    final class NotAnnouncedException extends RuntimeException {
        NotAnnouncedException(ApiKeyChange change, Throwable cause) {
            super(
                    "API key " + change.keyId() + " " + change.change().name().toLowerCase() + " but not announced: "
                            + cause,
                    cause);
        }
    }
}
