package io.minxin.notice.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.notice.mongo.InMemoryMongo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;
import reactor.core.publisher.Mono;

/**
 * A webhook that is down, then failing, then back gets every notice, in order, each once; a webhook that
 * redirects or whose name now points at a denied address gets nothing and its notices wait.
 */
class WebhookDeliveryTest {
    static final int NOTICES = 20;
    static final String SECRET = "s3cret";

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final DeliverySettings settings = new DeliverySettings(
            Duration.ofMillis(50),
            Duration.ofSeconds(2),
            100,
            2,
            2,
            Duration.ofMillis(10),
            Duration.ofMillis(50),
            Duration.ofMillis(200),
            50,
            4,
            Duration.ofMillis(300),
            Duration.ofMinutes(1));
    private final CircuitBreakerRegistry breakerRegistry = CircuitBreakerRegistry.ofDefaults();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SubscriptionStore subscriptions = new SubscriptionStore(mongo.database());
    private final Outbox outbox = new Outbox(mongo.database(), subscriptions, Clock.systemUTC());
    private final ReactiveResilience4JCircuitBreakerFactory breakers;
    private final StaticNames names = new StaticNames();
    private final DeliveryWorker worker;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger answeredWith500 = new AtomicInteger();
    private HttpServer webhook;

    record Received(String noticeId, String signature, byte[] body) {}

    WebhookDeliveryTest() {
        breakers = new ReactiveResilience4JCircuitBreakerFactory(
                breakerRegistry, TimeLimiterRegistry.ofDefaults(), null, new Resilience4JConfigurationProperties());
        breakers.configureDefault(id -> DeliveryConfig.breakerConfig(id, settings));
        // the receivers of these tests listen on 127.0.0.1, which webhooks may reach only when allowed
        worker = worker(WebhookAddresses.allowing(List.of("127.0.0.1/32")));
    }

    private DeliveryWorker worker(WebhookAddresses addresses) {
        return new DeliveryWorker(
                subscriptions,
                outbox,
                breakers,
                DeliveryConfig.webhookClient(settings, addresses, names),
                settings,
                meters,
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (webhook != null) {
            webhook.stop(0);
        }
        mongo.close();
    }

    @Test
    void webhookDownThenFailingThenBackGetsEverythingInOrderOnce() throws IOException {
        int port = freePort();
        Subscription subscription = subscriptions
                .create(new Subscription(
                        "sub-1",
                        "ops",
                        WebhookKind.GENERIC,
                        "http://127.0.0.1:" + port + "/hook",
                        SECRET,
                        Set.of(),
                        Instant.now()))
                .block();
        List<String> ids = IntStream.rangeClosed(1, NOTICES)
                .mapToObj(i -> "pushback-alert|case-" + i + "|u|UNIT_RETURNS")
                .toList();
        for (String id : ids) {
            outbox.accept(notice(id)).block();
        }

        // down: connection refused until the breaker opens
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            worker.drainAll().block();
            return breaker(subscription).getState() == CircuitBreaker.State.OPEN;
        });
        assertThat(received).isEmpty();

        // back, but answering 500 to its first three requests
        webhook = startWebhook(port, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            worker.drainAll().block();
            return received.size() >= NOTICES && outbox.countPending().block() == 0;
        });

        assertThat(answeredWith500).hasValue(3);
        assertThat(received).extracting(Received::noticeId).containsExactlyElementsOf(ids);
        for (Received delivery : received) {
            assertThat(delivery.signature())
                    .isEqualTo("sha256=" + HexFormat.of().formatHex(WebhookRequests.hmac(SECRET, delivery.body())));
        }
        assertThat(meters.counter("minxin.webhook.deliveries", "kind", "GENERIC", "outcome", "delivered")
                        .count())
                .isEqualTo(NOTICES);
        assertThat(meters.counter("minxin.webhook.deliveries", "kind", "GENERIC", "outcome", "failed")
                        .count())
                .isPositive();
        assertThat(meters.get("minxin.webhook.outbox.pending").gauge().value()).isZero();
    }

    @Test
    void aNoticeFannedOutTwiceIsQueuedOnce() {
        subscriptions
                .create(new Subscription(
                        "sub-2", null, WebhookKind.GENERIC, "http://127.0.0.1:1/hook", SECRET, Set.of(), Instant.now()))
                .block();

        outbox.accept(notice("duty-letter|u|2020-09")).block();
        outbox.accept(notice("duty-letter|u|2020-09")).block();

        assertThat(outbox.countPending().block()).isEqualTo(1);
    }

    @Test
    void subscriptionsReceiveOnlyTheirTypes() {
        subscriptions
                .create(new Subscription(
                        "sub-3",
                        null,
                        WebhookKind.WECOM,
                        "http://127.0.0.1:1/hook",
                        null,
                        Set.of(NoticeType.DUTY_LETTER),
                        Instant.now()))
                .block();

        outbox.accept(notice("pushback-alert|c|u|UNIT_RETURNS")).block();

        assertThat(outbox.countPending().block()).isZero();
    }

    @Test
    void aRedirectIsAFailedDeliveryAndIsNotFollowed() throws IOException {
        AtomicInteger redirectTargetHits = new AtomicInteger();
        HttpServer internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        internal.createContext("/", exchange -> {
            redirectTargetHits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        internal.start();
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders()
                    .set(
                            "Location",
                            "http://127.0.0.1:" + internal.getAddress().getPort() + "/api/v1/periods/2020-12/close");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        webhook.start();
        try {
            subscribe("sub-redirect", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
            outbox.accept(notice("pushback-alert|c|u|UNIT_RETURNS")).block();

            worker.drainAll().block();

            assertThat(redirectTargetHits).hasValue(0);
            assertThat(outbox.countPending().block()).isEqualTo(1);
            assertThat(lastError("sub-redirect")).isEqualTo("HTTP 302, a redirect (never followed)");
            assertThat(meters.counter("minxin.webhook.deliveries", "kind", "GENERIC", "outcome", "failed")
                            .count())
                    .isOne();
        } finally {
            internal.stop(0);
        }
    }

    @Test
    void aNameThatNowResolvesToADeniedAddressIsRefusedAtConnectTimeAndTheNoticeWaits() throws IOException {
        webhook = startWebhook(0, 0);
        int port = webhook.getAddress().getPort();
        // 127.0.0.1 is allowed, 127.0.0.2 is not: the name has been rebound to a denied address
        names.answer("hook.example.test", "127.0.0.2");
        subscribe("sub-rebound", "http://hook.example.test:" + port + "/hook");
        outbox.accept(notice("pushback-alert|c|u|UNIT_RETURNS")).block();

        worker.drainAll().block();

        assertThat(received).isEmpty();
        assertThat(outbox.countPending().block()).isEqualTo(1);
        assertThat(lastError("sub-rebound"))
                .isEqualTo("hook.example.test (127.0.0.2) is loopback, private, link-local or otherwise not public,"
                        + " and not in minxin.notice.webhooks.allowed-networks");
        assertThat(meters.counter("minxin.webhook.deliveries", "kind", "GENERIC", "outcome", "refused")
                        .count())
                .isOne();

        // a refused delivery is a failed one: kept, and tried again after its backoff
        names.answer("hook.example.test", "127.0.0.1");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            worker.drainAll().block();
            return received.size() == 1;
        });
        assertThat(outbox.countPending().block()).isZero();
    }

    @Test
    void theProductionResolverChecksANameOffTheEventLoopsBlockingPath() throws IOException {
        webhook = startWebhook(0, 0);
        String url = "http://localhost:" + webhook.getAddress().getPort() + "/hook";
        // Reactor Netty's own DNS resolver (hosts file: localhost is loopback), under BlockHound like every test
        DeliveryWorker refusing = new DeliveryWorker(
                subscriptions,
                outbox,
                breakers,
                DeliveryConfig.webhookClient(settings, WebhookAddresses.publicOnly()),
                settings,
                meters,
                Clock.systemUTC());
        subscribe("sub-localhost", url);
        outbox.accept(notice("pushback-alert|c|u|UNIT_RETURNS")).block();

        refusing.drainAll().block();

        assertThat(received).isEmpty();
        assertThat(lastError("sub-localhost")).startsWith("localhost (").contains("127.0.0.1");

        DeliveryWorker allowing = new DeliveryWorker(
                subscriptions,
                outbox,
                breakers,
                DeliveryConfig.webhookClient(settings, WebhookAddresses.allowing(List.of("127.0.0.1/32"))),
                settings,
                meters,
                Clock.systemUTC());
        subscribe("sub-localhost-allowed", url);
        outbox.accept(notice("duty-letter|u|2020-09")).block();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            allowing.drainAll().block();
            return received.size() == 1;
        });
    }

    @Test
    void anIpLiteralOfADeniedAddressIsRefusedAtConnectTime() throws IOException {
        webhook = startWebhook(0, 0);
        subscribe("sub-literal", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
        outbox.accept(notice("pushback-alert|c|u|UNIT_RETURNS")).block();

        worker(WebhookAddresses.publicOnly()).drainAll().block();

        assertThat(received).isEmpty();
        assertThat(lastError("sub-literal")).startsWith("127.0.0.1 is loopback");
    }

    private void subscribe(String id, String url) {
        subscriptions
                .create(new Subscription(id, null, WebhookKind.GENERIC, url, SECRET, Set.of(), Instant.now()))
                .block();
    }

    private String lastError(String subscriptionId) {
        return Mono.from(mongo.database()
                        .getCollection("outbox")
                        .find(Filters.eq("subscriptionId", subscriptionId))
                        .first())
                .map(entry -> entry.getString("lastError"))
                .block();
    }

    private CircuitBreaker breaker(Subscription subscription) {
        return breakerRegistry.circuitBreaker(subscription.breakerName());
    }

    private HttpServer startWebhook(int port, int failures) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (answeredWith500.get() < failures) {
                answeredWith500.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
            } else {
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("X-Minxin-Notice-Id"),
                        exchange.getRequestHeaders().getFirst("X-Minxin-Signature"),
                        body));
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    private static Notice notice(String id) {
        return Notice.builder(NoticeType.PUSHBACK_ALERT, id, Instant.parse("2020-09-10T02:00:00Z"))
                .period("2020-09")
                .title("推诿预警")
                .text("text of " + id)
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
