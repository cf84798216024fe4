package io.minxin.notice.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minxin.notice.mongo.InMemoryMongo;
import io.minxin.notice.notices.Notice;
import io.minxin.notice.notices.NoticeType;
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

/** A webhook that is down, then failing, then back gets every notice, in order, each once. */
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
    private final DeliveryWorker worker;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger answeredWith500 = new AtomicInteger();
    private HttpServer webhook;

    record Received(String noticeId, String signature, byte[] body) {}

    WebhookDeliveryTest() {
        ReactiveResilience4JCircuitBreakerFactory breakers = new ReactiveResilience4JCircuitBreakerFactory(
                breakerRegistry, TimeLimiterRegistry.ofDefaults(), null, new Resilience4JConfigurationProperties());
        breakers.configureDefault(id -> DeliveryConfig.breakerConfig(id, settings));
        worker = new DeliveryWorker(
                subscriptions,
                outbox,
                breakers,
                DeliveryConfig.webhookClient(settings),
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
