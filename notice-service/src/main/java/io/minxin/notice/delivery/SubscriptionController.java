package io.minxin.notice.delivery;

import io.minxin.events.audit.AuditAction;
import io.minxin.events.audit.AuditTargets;
import io.minxin.events.identity.Caller;
import io.minxin.events.notice.NoticeType;
import io.minxin.events.problem.FieldViolation;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Operator API of the webhook subscriptions. */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriptionStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final WebhookAddresses addresses;
    private final AuditTrail audit;

    SubscriptionController(
            SubscriptionStore store, Outbox outbox, Clock clock, WebhookAddresses addresses, AuditTrail audit) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.addresses = addresses;
        this.audit = audit;
    }

    /**
     * What an operator posts.
     *
     * @param secret for GENERIC the HMAC key (generated when absent, shown once in the answer); for DINGTALK the
     *     加签 secret, if the robot uses one
     * @param types notice types to receive; absent or empty: all
     */
    record SubscriptionRequest(String name, WebhookKind kind, String url, String secret, List<NoticeType> types) {}

    /**
     * A subscription as shown: the URL's query (robot keys) masked, the secret only in the answer to its creation.
     */
    record SubscriptionView(
            String id,
            String name,
            WebhookKind kind,
            String url,
            Set<NoticeType> types,
            boolean signed,
            String secret,
            Instant createdAt) {
        static SubscriptionView of(Subscription subscription, boolean showSecret) {
            return new SubscriptionView(
                    subscription.id(),
                    subscription.name(),
                    subscription.kind(),
                    masked(subscription.url()),
                    subscription.types(),
                    subscription.secret() != null,
                    showSecret ? subscription.secret() : null,
                    subscription.createdAt());
        }

        static String masked(String url) {
            int query = url.indexOf('?');
            return query < 0 ? url : url.substring(0, query) + "?…";
        }
    }

    @PostMapping
    @Operation(summary = "Subscribe a webhook (operator)")
    Mono<ResponseEntity<SubscriptionView>> create(@RequestBody SubscriptionRequest request, Caller caller) {
        return Mono.fromCallable(() -> validated(request))
                // the id and the secret come from SecureRandom, which reads /dev/urandom, and the URL's host is
                // looked up (the JDK resolver blocks): not on the event loop
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(store::create)
                .flatMap(created -> audit.recordLater(
                                caller,
                                AuditAction.SUBSCRIPTION_CREATE,
                                AuditTargets.subscription(created.id()),
                                audited(created),
                                "subscribed " + describe(created))
                        .thenReturn(created))
                .map(created -> ResponseEntity.created(URI.create("/api/v1/subscriptions/" + created.id()))
                        .body(SubscriptionView.of(created, true)));
    }

    @GetMapping
    @Operation(summary = "List the webhook subscriptions (operator)")
    Flux<SubscriptionView> list() {
        return store.all().map(subscription -> SubscriptionView.of(subscription, false));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One webhook subscription (operator)")
    Mono<SubscriptionView> get(@PathVariable String id) {
        return store.byId(id)
                .map(subscription -> SubscriptionView.of(subscription, false))
                .switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Unsubscribe a webhook; what it has not received yet is dropped (operator)")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id, Caller caller) {
        return store.byId(id)
                .switchIfEmpty(Mono.error(() -> notFound(id)))
                .flatMap(subscription -> store.delete(id)
                        .flatMap(existed -> existed
                                ? outbox.discard(id)
                                        .then(audit.recordLater(
                                                caller,
                                                AuditAction.SUBSCRIPTION_DELETE,
                                                AuditTargets.subscription(id),
                                                audited(subscription),
                                                "unsubscribed " + describe(subscription)))
                                        .thenReturn(ResponseEntity.noContent().<Void>build())
                                : Mono.error(notFound(id))));
    }

    /**
     * A subscription as the audit trail keeps it: whether it is signed, never its secret; the URL whole, for the
     * trail to mask its parameter values (robot tokens) and keep their names.
     */
    private static SubscriptionView audited(Subscription subscription) {
        return new SubscriptionView(
                subscription.id(),
                subscription.name(),
                subscription.kind(),
                subscription.url(),
                subscription.types(),
                subscription.secret() != null,
                null,
                subscription.createdAt());
    }

    private static String describe(Subscription subscription) {
        return (subscription.name() == null ? "" : subscription.name() + " ") + subscription.kind() + " "
                + SubscriptionView.masked(subscription.url());
    }

    private Subscription validated(SubscriptionRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        if (request.kind() == null) {
            violations.add(FieldViolation.of("kind", "required: GENERIC, WECOM or DINGTALK"));
        }
        urlViolation(request.url()).ifPresent(reason -> violations.add(FieldViolation.of("url", reason)));
        if (request.secret() != null && request.secret().isBlank()) {
            violations.add(FieldViolation.of("secret", "must not be blank"));
        }
        if (request.name() != null && request.name().length() > 200) {
            violations.add(FieldViolation.of("name", "is longer than 200 characters"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("subscription", violations);
        }
        String secret = request.secret();
        if (secret == null && request.kind() == WebhookKind.GENERIC) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            secret = HexFormat.of().formatHex(key);
        }
        Set<NoticeType> types = request.types() == null ? Set.of() : new LinkedHashSet<>(request.types());
        return new Subscription(
                UUID.randomUUID().toString(),
                request.name(),
                request.kind(),
                request.url(),
                secret,
                types,
                clock.instant());
    }

    /**
     * An absolute http(s) URL without user information whose host is, and resolves only to, addresses a webhook
     * may reach ({@link WebhookAddresses}). A name that does not resolve now is accepted: delivery checks the
     * address it connects to anyway, and refuses it then if it is not permitted.
     */
    private Optional<String> urlViolation(String url) {
        URI uri;
        try {
            uri = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null
                || !uri.isAbsolute()
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain user information (user:password@)");
        }
        List<InetAddress> resolved;
        try {
            resolved = List.of(InetAddress.getAllByName(uri.getHost()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        List<InetAddress> refused =
                resolved.stream().filter(address -> !addresses.permits(address)).toList();
        return refused.isEmpty()
                ? Optional.empty()
                : Optional.of("must be a public address: "
                        + new WebhookAddressRefusedException(uri.getHost(), refused).getMessage());
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("no subscription " + id);
    }
}
