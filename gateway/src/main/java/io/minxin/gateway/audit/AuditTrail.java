package io.minxin.gateway.audit;

import io.minxin.events.audit.AuditEntry;
import reactor.core.publisher.Mono;

/** Where the gateway records what people and operators did that no key change carries: topic {@code audit}. */
public interface AuditTrail {
    /** Records nothing: tests and benchmarks without Kafka ({@code minxin.gateway.keys.events.enabled=false}). */
    AuditTrail NONE = entry -> Mono.empty();

    /**
     * Completes once Kafka has taken {@code entry}; fails otherwise (the entry is then logged in full and counted
     * unsent, as every audited action's is).
     */
    Mono<Void> record(AuditEntry entry);
}
