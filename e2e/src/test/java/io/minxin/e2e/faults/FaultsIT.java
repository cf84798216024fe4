package io.minxin.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.e2e.support.Dashboard;
import io.minxin.e2e.support.DemoLoad;
import io.minxin.e2e.support.EventFeed;
import io.minxin.e2e.support.KafkaAdmin;
import io.minxin.e2e.support.Minxin;
import io.minxin.e2e.support.MinxinExtension;
import io.minxin.e2e.support.Pause;
import io.minxin.e2e.support.Response;
import io.minxin.e2e.support.Service;
import io.minxin.e2e.support.ServiceProcess;
import io.minxin.e2e.support.UnitMetricsWatch;
import io.minxin.events.Topics;
import io.minxin.events.demo.DemoMonth;
import io.minxin.localstack.LocalStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * nothing counted twice. A webhook receiver that is down is covered by notice-service's own test of its delivery
 * outbox ({@code WebhookDeliveryTest.webhookDownThenFailingThenBackGetsEverythingInOrderOnce}).
 */
@Order(3)
@ExtendWith(MinxinExtension.class)
class FaultsIT {
    private static final Logger log = LoggerFactory.getLogger(FaultsIT.class);
    private static final Duration BROKER_DOWN = Duration.ofSeconds(30);
    private static final Duration OUTAGE_NOTICED = Duration.ofSeconds(90);

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
                    .until(() -> postBatch(minxin.service(Service.INTAKE), null, probe), r -> r.status() == 503);
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
        Dashboard metricsDirect = new Dashboard(minxin.service(Service.METRICS).api(), null);
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
            new EventFeed(minxin.service(Service.INTAKE).api(), null)
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
