package io.minxin.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.demo.DemoUnit;
import io.minxin.e2e.support.Api;
import io.minxin.e2e.support.Cases;
import io.minxin.e2e.support.Dashboard;
import io.minxin.e2e.support.DemoLoad;
import io.minxin.e2e.support.E2eSettings;
import io.minxin.e2e.support.EventFeed;
import io.minxin.e2e.support.Minxin;
import io.minxin.e2e.support.MinxinExtension;
import io.minxin.e2e.support.Pause;
import io.minxin.e2e.support.Response;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Satisfaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sustained load through the gateway: 1,000 events/s from an integration for {@code e2e.load.seconds} (60 by
 * default; 300 for the five-minute run), after {@code e2e.load.warmup.seconds} (240) of the same load, while 20
 * dashboards poll the query APIs. A probe unit gets one new case
 * every 200 ms; its freshness is the time from intake's 202 until a {@code read_committed} reader of
 * {@code unit-metrics} sees the new received count. Passes with no error, freshness p99 under 1 s, and no
 * service's heap after a full GC growing by 20% or more between a third of the run and its end. The figures go
 * to {@code target/e2e-logs/load-report.txt}, with each service's resident set and committed memory at the end of the
 * load (what a container's memory limit must hold, for deploy/README.md's capacity).
 */
@Order(4)
@ExtendWith(MinxinExtension.class)
class LoadIT {
    private static final Logger log = LoggerFactory.getLogger(LoadIT.class);
    private static final YearMonth MONTH = YearMonth.of(2020, 6);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int EVENTS_PER_SECOND = 1000;
    private static final Duration TICK = Duration.ofMillis(100);
    /** Accepted and concluded, every other case also visited: 100 events a tick. */
    private static final int CASES_PER_TICK = 40;

    private static final Duration PROBE_EVERY = Duration.ofMillis(200);
    private static final int DASHBOARDS = 20;
    private static final Duration DASHBOARD_EVERY = Duration.ofSeconds(1);
    private static final String SOURCE = "/platform/e2e-load";
    /** A demo unit (so every unit notice-service knows is one of the demo's), left out of the load itself. */
    private static final DemoUnit PROBE_UNIT = DemoUnit.CICAI;

    private static final List<DemoUnit> LOAD_UNITS =
            DemoUnit.ALL.stream().filter(unit -> unit != PROBE_UNIT).toList();

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ticks = new AtomicInteger();
    private final AtomicLong eventsAccepted = new AtomicLong();
    private final AtomicLong dashboardRequests = new AtomicLong();

    @Test
    void sustainsAThousandEventsPerSecondWithFreshMetricsAndAFlatHeap(Minxin minxin) throws Exception {
        Duration duration = Duration.ofSeconds(Long.getLong("e2e.load.seconds", 60));
        Duration warmUp = Duration.ofSeconds(Long.getLong("e2e.load.warmup.seconds", 240));
        Path logs = E2eSettings.fromSystemProperties().logs();
        Api gateway = minxin.gateway();
        Dashboard dashboard = DemoLoad.dashboard(minxin);
        FreshnessProbe probe = new FreshnessProbe(gateway, minxin.keys().integration(), SOURCE, PROBE_UNIT, MONTH);
        // separate threads per role, so a slow answer to one client never delays another's requests
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService dashboards = Executors.newScheduledThreadPool(DASHBOARDS);
        ScheduledExecutorService measurer = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch watching = new CountDownLatch(1);
        CompletableFuture<Void> watcher = CompletableFuture.runAsync(
                () -> probe.watch(minxin.kafkaBootstrap(), watching::countDown, running::get));
        assertThat(watching.await(30, TimeUnit.SECONDS)).isTrue();

        ticker.scheduleAtFixedRate(
                () -> senders.submit(() -> sendTick(gateway, minxin.keys().integration())),
                0,
                TICK.toMillis(),
                TimeUnit.MILLISECONDS);
        // a month's queries answer 404 until its first cases are counted: the dashboards start once they are
        await("the load month is known to metrics and ranking")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> dashboard.get("api/v1/overview?period=" + MONTH).status() == 200
                        && dashboard
                                        .get("api/v1/rankings/" + MONTH + "?channel=WEB&top=5")
                                        .status()
                                == 200);
        for (int d = 0; d < DASHBOARDS; d++) {
            dashboards.scheduleAtFixedRate(
                    pollingDashboard(dashboard, d),
                    DASHBOARD_EVERY.toMillis() * d / DASHBOARDS,
                    DASHBOARD_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        // the same load first without the probe: the figures are for the steady state, not for the JIT compilers of
        // six JVMs on two busy cores. Every process's CPU falls for about four minutes under this load (the
        // services' by half or more), and freshness until then was 1-1.5 s at p50, about 0.4 s after.
        Pause.lasting(warmUp, "the warm-up under load");
        CpuTimes cpuAtStart = CpuTimes.now(minxin.services());
        long start = System.nanoTime();
        long eventsBefore = eventsAccepted.get();
        prober.scheduleAtFixedRate(
                () -> probe.acceptNext(errors::add), 0, PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        ScheduledFuture<Map<String, Double>> heapAtThird = measurer.schedule(
                () -> Footprint.liveHeaps(minxin.services(), logs, "third", false),
                duration.dividedBy(3).toMillis(),
                TimeUnit.MILLISECONDS);

        Pause.lasting(duration, "the load run");
        // the probe stops first: a probe still in flight when the watcher is told to stop would be accepted after
        // the watcher's last look, and count as never seen
        prober.shutdown();
        assertThat(prober.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        running.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> cores = CpuTimes.now(minxin.services()).coresSince(cpuAtStart, seconds);
        Map<String, String> memory = Footprint.memory(minxin.services());
        for (ExecutorService executor : List.of(ticker, prober, dashboards, measurer, senders)) {
            executor.shutdown();
        }
        for (ExecutorService executor : List.of(ticker, prober, dashboards, measurer, senders)) {
            assertThat(executor.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }
        watcher.get(2, TimeUnit.MINUTES);
        Map<String, Double> third = heapAtThird.get();
        Map<String, Double> end = Footprint.liveHeaps(minxin.services(), logs, "end", true);
        List<Long> freshness = probe.freshness();
        double throughput = (eventsAccepted.get() - eventsBefore) / seconds;
        String report = report(duration, seconds, throughput, freshness, cores, memory, third, end)
                + "freshness by acceptance time (-1: never seen):\n"
                + String.join("\n", probe.timeline(Duration.ofSeconds(10)))
                + "\n";
        log.info("load run:\n{}", report);
        Files.writeString(logs.resolve("load-report.txt"), report, StandardCharsets.UTF_8);

        assertThat(errors).as("errors").isEmpty();
        assertThat(throughput).as("events/s").isGreaterThanOrEqualTo(0.95 * EVENTS_PER_SECOND);
        assertThat(freshness).as("probe cases").isNotEmpty();
        assertThat(percentile(freshness, 0.99))
                .as("freshness p99 (ns)")
                .isLessThan(Duration.ofSeconds(1).toNanos());
        end.forEach((service, live) -> assertThat(live)
                .as("%s live heap after full GC: %s at a third, %s at the end", service, third.get(service), live)
                .isLessThan(1.2 * third.get(service)));
        long casesSent = (long) ticks.get() * CASES_PER_TICK + probe.accepted();
        await("every case of the run counted")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(dashboard.overview(MONTH))
                        .isNotNull()
                        .extractingByKey("total")
                        .extracting(total -> total.get("received"))
                        .isEqualTo(casesSent));
    }

    private void sendTick(Api gateway, String apiKey) {
        if (!running.get()) {
            return;
        }
        int tick = ticks.getAndIncrement();
        List<String> batch = batch(tick);
        try {
            Response response = gateway.post(
                    "api/v1/events/batch",
                    apiKey,
                    EventFeed.NDJSON,
                    (String.join("\n", batch) + "\n").getBytes(StandardCharsets.UTF_8));
            if (response.status() == 202) {
                eventsAccepted.addAndGet(batch.size());
            } else {
                errors.add("events batch " + tick + ": " + response);
            }
        } catch (RuntimeException e) {
            errors.add("events batch " + tick + ": " + e);
        }
    }

    /** One dashboard: every second the next of the three queries a dashboard shows. */
    private Runnable pollingDashboard(Dashboard dashboard, int number) {
        String[] queries = {
            "api/v1/overview?period=" + MONTH,
            "api/v1/units?period=" + MONTH + "&channel=PHONE",
            "api/v1/rankings/" + MONTH + "?channel=WEB&top=5"
        };
        AtomicInteger polls = new AtomicInteger(number);
        return () -> {
            if (!running.get()) {
                return;
            }
            String query = queries[polls.getAndIncrement() % queries.length];
            try {
                Response response = dashboard.get(query);
                dashboardRequests.incrementAndGet();
                if (response.status() != 200) {
                    errors.add("dashboard " + query + ": " + response);
                }
            } catch (RuntimeException e) {
                errors.add("dashboard " + query + ": " + e);
            }
        };
    }

    /** Cases of one tick over the load units and both channels: accepted, concluded, every other one visited. */
    private static List<String> batch(int tick) {
        List<CaseEvent> events = new ArrayList<>();
        Instant dayStart = MONTH.atDay(1 + tick % 28).atTime(9, 0).atZone(ZONE).toInstant();
        for (int i = 0; i < CASES_PER_TICK; i++) {
            int number = tick * CASES_PER_TICK + i;
            String caseId = "load-" + number;
            DemoUnit unit = LOAD_UNITS.get(number % LOAD_UNITS.size());
            Channel channel = number % 3 == 0 ? Channel.WEB : Channel.PHONE;
            Instant acceptedAt = dayStart.plusSeconds(i);
            events.add(Cases.accepted(
                    SOURCE,
                    caseId,
                    unit,
                    channel,
                    "负载测试诉求 " + number,
                    acceptedAt,
                    acceptedAt.plus(Duration.ofDays(5))));
            Instant concludedAt = acceptedAt.plus(Duration.ofHours(1 + number % 200));
            events.add(Cases.concluded(SOURCE, caseId, unit, concludedAt));
            if (number % 2 == 0) {
                Satisfaction satisfaction = number % 10 == 0 ? Satisfaction.UNSATISFIED : Satisfaction.SATISFIED;
                events.add(Cases.visited(
                        SOURCE, caseId, unit, satisfaction, number % 4 == 0, concludedAt.plus(Duration.ofHours(2))));
            }
        }
        return EventFeed.lines(events, null);
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private String report(
            Duration duration,
            double seconds,
            double throughput,
            List<Long> freshness,
            Map<String, Double> cores,
            Map<String, String> memory,
            Map<String, Double> third,
            Map<String, Double> end) {
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                "duration %s (ran %.1f s)%nevents accepted %d, %.0f events/s%ndashboard requests %d (%.1f/s)%n",
                duration,
                seconds,
                eventsAccepted.get(),
                throughput,
                dashboardRequests.get(),
                dashboardRequests.get() / seconds));
        if (!freshness.isEmpty()) {
            long max = freshness.get(freshness.size() - 1);
            report.append(String.format(
                    "freshness over %d probe cases: p50 %s, p99 %s, max %s%n",
                    freshness.size(),
                    millis(percentile(freshness, 0.5)),
                    millis(percentile(freshness, 0.99)),
                    millis(max)));
        }
        cores.forEach((name, used) -> report.append(String.format("%s used %.2f cores%n", name, used)));
        memory.forEach((name, mib) -> report.append(String.format("%s at the end of the load, MiB: %s%n", name, mib)));
        end.forEach((service, live) -> report.append(String.format(
                "%s live heap after full GC: %.1f MiB at a third, %.1f MiB at the end (%+.1f%%)%n",
                service,
                third.get(service) / (1024 * 1024),
                live / (1024 * 1024),
                100 * (live / third.get(service) - 1))));
        report.append("errors: ").append(errors.size()).append('\n');
        synchronized (errors) {
            errors.stream()
                    .limit(20)
                    .forEach(error -> report.append("  ").append(error).append('\n'));
        }
        return report.toString();
    }

    private static String millis(long nanos) {
        return nanos == Long.MAX_VALUE ? "never seen" : nanos / 1_000_000 + " ms";
    }
}
