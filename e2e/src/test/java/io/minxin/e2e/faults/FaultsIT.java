package io.minxin.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.demo.DemoMonth;
import io.minxin.e2e.support.Dashboard;
import io.minxin.e2e.support.DemoLoad;
import io.minxin.e2e.support.EventFeed;
import io.minxin.e2e.support.FreePort;
import io.minxin.e2e.support.KafkaAdmin;
import io.minxin.e2e.support.Minxin;
import io.minxin.e2e.support.MinxinExtension;
import io.minxin.e2e.support.Pause;
import io.minxin.e2e.support.Response;
import io.minxin.e2e.support.Scrape;
import io.minxin.e2e.support.Service;
import io.minxin.e2e.support.ServiceProcess;
import io.minxin.e2e.support.UnitMetricsWatch;
import io.minxin.e2e.support.WebhookReceiver;
import io.minxin.events.Topics;
import io.minxin.events.identity.Role;
import io.minxin.localstack.LocalStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults of the running system. Each test pushes its own demo month (case and event ids tagged so they meet no
 * other test's) and ends with the overview and both unit tables equal to the generator's totals: nothing lost,
 * nothing counted twice; the webhook test ends with every 较差件 of its month delivered, once.
 */
@Order(3)
@ExtendWith(MinxinExtension.class)
class FaultsIT {
    private static final Logger log = LoggerFactory.getLogger(FaultsIT.class);
    private static final Duration BROKER_DOWN = Duration.ofSeconds(30);
    private static final Duration OUTAGE_NOTICED = Duration.ofSeconds(90);
    /** From events accepted to their 较差件 on the way to the webhooks. */
    private static final Duration NOTICES_FLOW = Duration.ofMinutes(3);
    /** Redelivery waits double from 5 s after each failure, so a receiver back is served within about this. */
    private static final Duration WEBHOOK_BACK = Duration.ofMinutes(4);

    @Test
    void metricsServiceKilledDuringAReplayCountsEveryCaseOnce(Minxin minxin) {
        DemoMonth demo = DemoLoad.month(YearMonth.of(2020, 10));
        String period = demo.month().toString();
        ServiceProcess metrics = minxin.service(Service.METRICS);
        metrics.kill();
        try {
            DemoLoad.feed(minxin).send(EventFeed.lines(demo.events(), "kill"), DemoLoad.BATCH);
        } catch (RuntimeException | AssertionError e) {
            metrics.start();
            metrics.awaitHealthy();
            throw e;
        }

        try (UnitMetricsWatch watch = new UnitMetricsWatch(minxin.kafkaBootstrap(), false)) {
            metrics.start();
            await("metrics-service publishes its first result of " + period)
                    .atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ZERO)
                    .until(() -> !watch.poll(Duration.ofMillis(50), key -> key.endsWith("|" + period))
                            .isEmpty());
            metrics.kill();
            long unprocessed = KafkaAdmin.lag(minxin.kafkaBootstrap(), "minxin-metrics-case-state", Topics.CASE_EVENTS);
            log.info("metrics-service killed with {} case events not yet committed", unprocessed);
        } finally {
            metrics.start();
            metrics.awaitHealthy();
        }

        assertSameResultsAsTheDemo(minxin, demo);
    }

    @Test
    void brokerDownForThirtySecondsDuringIntakeLosesAndDoublesNothing(Minxin minxin) {
        DemoMonth demo = DemoLoad.month(YearMonth.of(2020, 11));
        List<String> lines = EventFeed.lines(demo.events(), "broker");
        List<String> firstHalf = lines.subList(0, lines.size() / 2);
        List<String> secondHalf = lines.subList(lines.size() / 2, lines.size());
        EventFeed client = DemoLoad.feed(minxin);
        client.send(firstHalf, DemoLoad.BATCH);
        LocalStack stack = minxin.stack();
        byte[] probe = ndjson(secondHalf.subList(0, 10));

        stack.kafka().stop();
        long stoppedAt = System.nanoTime();
        CompletableFuture<Integer> rest = CompletableFuture.supplyAsync(() -> client.send(secondHalf, DemoLoad.BATCH));
        Response direct;
        Response throughGateway;
        try {
            direct = await("intake answers 503 while the broker is down")
                    .atMost(OUTAGE_NOTICED)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> minxin.direct(Service.INTAKE, Role.INTEGRATION)
                                    .post("api/v1/events/batch", null, EventFeed.NDJSON, probe),
                            r -> r.status() == 503);
            throughGateway = await("the gateway answers 503 while the broker is down")
                    .atMost(OUTAGE_NOTICED)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> postBatch(
                                    minxin.service(Service.GATEWAY),
                                    minxin.keys().integration(),
                                    probe),
                            r -> r.status() == 503);
            Pause.lasting(BROKER_DOWN.minusNanos(System.nanoTime() - stoppedAt), "the broker down for " + BROKER_DOWN);
            assertThat(rest).as("the client is still retrying").isNotDone();
        } finally {
            stack.kafka().start();
        }
        int sent = rest.orTimeout(4, TimeUnit.MINUTES).join();

        assertThat(direct.contentType()).startsWith("application/problem+json");
        assertThat(throughGateway.contentType()).startsWith("application/problem+json");
        assertThat(sent).isEqualTo(secondHalf.size());
        assertThat(client.retriedStatuses()).contains(503);
        assertSameResultsAsTheDemo(minxin, demo);
    }

    @Test
    void mongoDownAnswers503ToQueriesAndTheProjectionsCatchUpAfterwards(Minxin minxin) {
        DemoMonth demo = DemoLoad.month(YearMonth.of(2020, 12));
        Dashboard dashboard = DemoLoad.dashboard(minxin);
        Dashboard metricsDirect = new Dashboard(minxin.direct(Service.METRICS, Role.DASHBOARD), null);
        LocalStack stack = minxin.stack();

        stack.mongo().stop();
        try (UnitMetricsWatch watch = new UnitMetricsWatch(minxin.kafkaBootstrap(), true)) {
            Response direct = await("metrics-service answers 503 while MongoDB is down")
                    .atMost(OUTAGE_NOTICED)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> metricsDirect.overviewResponse(demo.month()), r -> r.status() == 503);
            Response throughGateway = await("the gateway answers 503 while MongoDB is down")
                    .atMost(OUTAGE_NOTICED)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> dashboard.overviewResponse(demo.month()), r -> r.status() == 503);
            assertThat(direct.contentType()).startsWith("application/problem+json");
            assertThat(throughGateway.contentType()).startsWith("application/problem+json");

            // The gateway's key store is MongoDB too: the integration posts to intake itself meanwhile.
            new EventFeed(minxin.direct(Service.INTAKE, Role.INTEGRATION), null)
                    .send(EventFeed.lines(demo.events(), "mongo"), DemoLoad.BATCH);
            Map<String, Long> received = new HashMap<>();
            await("metrics-service published the month on unit-metrics while MongoDB is down")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ZERO)
                    .until(() -> {
                        watch.poll(Duration.ofMillis(200), key -> key.endsWith("|" + demo.month()))
                                .forEach(seen -> received.put(
                                        seen.key(),
                                        seen.value()
                                                .path("counts")
                                                .path("received")
                                                .asLong()));
                        return received.values().stream()
                                        .mapToLong(Long::longValue)
                                        .sum()
                                == demo.expected().total().counts().received();
                    });
            assertThat(metricsDirect.overviewResponse(demo.month()).status()).isEqualTo(503);
        } finally {
            stack.mongo().start();
        }

        assertSameResultsAsTheDemo(minxin, demo);
    }

    @Test
    void everyEventTwiceAndShuffledWithinItsCaseGivesTheCleanResult(Minxin minxin) {
        DemoMonth demo = DemoLoad.month(YearMonth.of(2020, 8));
        List<String> messy = EventFeed.lines(demo.messyEvents(20200801L), "messy");
        assertThat(messy).hasSize(2 * demo.events().size());

        DemoLoad.feed(minxin).send(messy, DemoLoad.BATCH);

        assertSameResultsAsTheDemo(minxin, demo);
    }

    @Test
    void webhookReceiverDownGetsEveryNoticeOnceWhenItIsBack(Minxin minxin) {
        DemoMonth demo = DemoLoad.month(YearMonth.of(2020, 7));
        String tag = "hook";
        Set<String> expected = new TreeSet<>();
        demo.expected().pushbacks().forEach(pushback -> expected.add(tag + "-" + pushback.caseId()));
        assertThat(expected).isNotEmpty();
        int port = FreePort.pick();
        Response subscribed = minxin.subscribeToPushbacks("receiver down", "http://127.0.0.1:" + port + "/hook");
        assertThat(subscribed.status()).as("subscription: %s", subscribed).isEqualTo(201);
        ServiceProcess notice = minxin.service(Service.NOTICE);
        double failedBefore = failedDeliveries(notice);

        // when the month's 较差件 are confirmed while nothing listens at the subscribed URL
        DemoLoad.feed(minxin).send(EventFeed.lines(demo.events(), tag), DemoLoad.BATCH);
        // (three failed attempts: the first and two redeliveries, waits of 5 and 10 s between them)
        await("notice-service fails three times to deliver to the receiver that is down")
                .atMost(NOTICES_FLOW)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> failedDeliveries(notice) >= failedBefore + 3);

        // then, once the receiver is back at its address, it gets every one of them, none twice
        log.info("receiver down: {} failed deliveries; starting it on port {}", failedDeliveries(notice), port);
        long back = System.nanoTime();
        try (WebhookReceiver receiver = WebhookReceiver.start(port)) {
            await("every 较差件 of " + demo.month() + " delivered after the receiver came back")
                    .atMost(WEBHOOK_BACK)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        List<String> delivered = receiver.received().stream()
                                .filter(n -> n.path("type").asString().equals("PUSHBACK_CONFIRMED"))
                                .map(n -> n.path("caseId").asString())
                                .filter(caseId -> caseId.startsWith(tag + "-"))
                                .toList();
                        assertThat(new TreeSet<>(delivered)).isEqualTo(expected);
                        assertThat(delivered).hasSameSizeAs(expected);
                    });
            log.info(
                    "receiver back: {} 较差件 delivered in {} ms",
                    expected.size(),
                    (System.nanoTime() - back) / 1_000_000);
        }
    }

    private static double failedDeliveries(ServiceProcess notice) {
        Scrape scrape = Scrape.of(notice);
        return scrape.sum("minxin_webhook_deliveries_total", "outcome", "failed")
                + scrape.sum("minxin_webhook_deliveries_total", "outcome", "circuit-open");
    }

    private static void assertSameResultsAsTheDemo(Minxin minxin, DemoMonth demo) {
        Dashboard dashboard = DemoLoad.dashboard(minxin);
        DemoLoad.awaitOverview(dashboard, demo);
        DemoLoad.awaitUnits(dashboard, demo);
    }

    private static Response postBatch(ServiceProcess service, String apiKey, byte[] body) {
        return service.api().post("api/v1/events/batch", apiKey, EventFeed.NDJSON, body);
    }

    private static byte[] ndjson(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
