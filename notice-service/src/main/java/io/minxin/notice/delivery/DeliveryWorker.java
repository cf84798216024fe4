package io.minxin.notice.delivery;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.minxin.events.EventJson;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Drains the outbox: per subscription, entries in {@code seq} order, one at a time, stopping at the first
 * failure so that nothing overtakes it. Each delivery is one call through the subscription's circuit breaker,
 * retried with exponential backoff (resilience4j); when that fails too, the entry waits for its next attempt
 * with a growing backoff. An entry is marked delivered only after a 2xx answer; the header
 * {@code X-Minxin-Notice-Id} lets a receiver drop the rare repeat (an answer lost after it was processed).
 */
class DeliveryWorker {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final SubscriptionStore subscriptions;
    private final Outbox outbox;
    private final ReactiveCircuitBreakerFactory<?, ?> breakers;
    private final RetryRegistry retries;
    private final WebClient client;
    private final DeliverySettings settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String instanceId = UUID.randomUUID().toString();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();

    DeliveryWorker(
            SubscriptionStore subscriptions,
            Outbox outbox,
            ReactiveCircuitBreakerFactory<?, ?> breakers,
            WebClient client,
            DeliverySettings settings,
            MeterRegistry meters,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.breakers = breakers;
        this.client = client;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.retryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryBackoff(), 2.0))
                // An open breaker is not a failure of this call: the entry waits for its next attempt instead.
                .ignoreExceptions(CallNotPermittedException.class)
                // A refused address stays refused for the moment; the entry's backoff retries it later.
                .retryOnException(error -> refusedAddress(error) == null)
                .build());
        Gauge.builder("minxin.webhook.outbox.pending", pending, AtomicLong::get)
                .description("Outbox entries not delivered yet")
                .register(meters);
    }

    /** One pass over every subscription; a pass still running makes this one a no-op. */
    @Scheduled(fixedDelayString = "${minxin.notice.delivery.poll-interval:PT1S}", initialDelayString = "PT5S")
    void drainOnce() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            // the @Scheduled thread: with a fixed delay the next pass starts only after this one has finished
            drainAll().block();
        } finally {
            draining.set(false);
        }
    }

    Mono<Void> drainAll() {
        return subscriptions
                .all()
                .flatMap(this::drainLeased, settings.concurrency())
                .then(outbox.countPending())
                .doOnNext(pending::set)
                .then();
    }

    private Mono<Void> drainLeased(Subscription subscription) {
        Instant now = clock.instant();
        return subscriptions
                .lease(subscription.id(), instanceId, now, now.plus(settings.lease()))
                .filter(Boolean::booleanValue)
                .flatMap(held -> drain(subscription, now));
    }

    private Mono<Void> drain(Subscription subscription, Instant now) {
        return outbox.pending(subscription.id(), settings.batchSize())
                .takeWhile(entry -> !entry.nextAttemptAt().isAfter(now))
                .concatMap(entry -> deliver(subscription, entry))
                .takeWhile(Boolean::booleanValue)
                .then();
    }

    /** Emits true when delivered, false when the entry has to wait (the drain of this subscription stops). */
    private Mono<Boolean> deliver(Subscription subscription, OutboxEntry entry) {
        Retry retry = retries.retry(subscription.breakerName());
        Mono<Void> call = Mono.defer(() -> post(subscription, entry));
        return breakers.create(subscription.breakerName(), "webhook")
                .run(call, Mono::error)
                .transformDeferred(RetryOperator.of(retry))
                .then(outbox.delivered(entry))
                .doOnSuccess(done -> count(subscription, "delivered"))
                .thenReturn(true)
                .onErrorResume(error -> {
                    WebhookAddressRefusedException refused = refusedAddress(error);
                    count(subscription, outcome(error, refused));
                    Instant next = clock.instant().plus(settings.redeliveryAfter(entry.attempts() + 1));
                    // the error names no URL: a refusal names the host and its addresses, the rest the cause
                    Throwable reported = refused != null ? refused : error;
                    log.warn(
                            "Delivery of {} to subscription {} failed (attempt {}), next attempt at {}: {}",
                            entry.notice().id(),
                            subscription.id(),
                            entry.attempts() + 1,
                            next,
                            reported.toString());
                    return outbox.failed(entry, next, String.valueOf(reported.getMessage()))
                            .thenReturn(false);
                });
    }

    /**
     * A refused address is a failed delivery like any other: the entry stays, waits its backoff and is tried
     * again (the name may point elsewhere by then), and the subscription is left as it is; the outcome
     * {@code refused} of {@code minxin.webhook.deliveries} and the warning tell the operator.
     */
    private static String outcome(Throwable error, WebhookAddressRefusedException refused) {
        if (error instanceof CallNotPermittedException) {
            return "circuit-open";
        }
        return refused != null ? "refused" : "failed";
    }

    /** The refusal of the connect-time address check, however the HTTP client wrapped it; else null. */
    static WebhookAddressRefusedException refusedAddress(Throwable error) {
        Throwable cause = error;
        // a few levels deep at most (WebClientRequestException over the connect's failure), never round a cycle
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            if (cause instanceof WebhookAddressRefusedException refused) {
                return refused;
            }
        }
        return null;
    }

    private Mono<Void> post(Subscription subscription, OutboxEntry entry) {
        WebhookRequests.Request request = WebhookRequests.build(subscription, entry.notice(), clock.instant());
        return client.post()
                .uri(request.uri())
                .headers(headers -> request.headers().forEach(headers::set))
                .bodyValue(request.body())
                .exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            if (response.statusCode().is3xxRedirection()) {
                                return Mono.error(new WebhookRejectedException(
                                        "HTTP " + response.statusCode().value() + ", a redirect (never followed)"));
                            }
                            if (!response.statusCode().is2xxSuccessful()) {
                                return Mono.error(new WebhookRejectedException(
                                        "HTTP " + response.statusCode().value()));
                            }
                            Optional<String> robotError = robotError(subscription, body);
                            return robotError.isPresent()
                                    ? Mono.<Void>error(new WebhookRejectedException(robotError.get()))
                                    : Mono.<Void>empty();
                        }));
    }

    /** The group robots answer 200 with {"errcode":…}; anything but 0 is a failed delivery. */
    private static Optional<String> robotError(Subscription subscription, String body) {
        if (subscription.kind() == WebhookKind.GENERIC || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode answer = EventJson.mapper().readTree(body);
            JsonNode code = answer.get("errcode");
            if (code != null && code.asInt(0) != 0) {
                return Optional.of(
                        "errcode " + code.asInt() + ": " + answer.path("errmsg").asString(""));
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private void count(Subscription subscription, String outcome) {
        Counter.builder("minxin.webhook.deliveries")
                .description("Webhook delivery attempts by subscription kind and outcome")
                .tag("kind", subscription.kind().name())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
