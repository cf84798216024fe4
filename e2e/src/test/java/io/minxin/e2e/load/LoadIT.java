package io.minxin.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.e2e.support.Api;
import io.minxin.e2e.support.Dashboard;
import io.minxin.e2e.support.DemoLoad;
import io.minxin.e2e.support.E2eSettings;
import io.minxin.e2e.support.EventFeed;
import io.minxin.e2e.support.Heap;
import io.minxin.e2e.support.Minxin;
import io.minxin.e2e.support.MinxinExtension;
import io.minxin.e2e.support.Pause;
import io.minxin.e2e.support.Response;
import io.minxin.e2e.support.ServiceProcess;
import io.minxin.e2e.support.UnitMetricsWatch;
import io.minxin.events.Accepted;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.EventJson;
import io.minxin.events.Satisfaction;
import io.minxin.events.Visited;
import io.minxin.events.demo.DemoUnit;
import io.minxin.events.state.UnitMetrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * default; 300 for the five-minute run) while 20 dashboards poll the query APIs. A probe unit gets one new case
 * every 200 ms; its freshness is the time from intake's 202 until a {@code read_committed} reader of
 * {@code unit-metrics} sees the new received count. Passes with no error, freshness p99 under 1 s, and no
 * service's heap after a full GC growing by 20% or more between a third of the run and its end.
 */
@Order(4)
@ExtendWith(MinxinExtension.class)
class LoadIT {
    private static final Logger log = LoggerFactory.getLogger(LoadIT.class);
    private static final YearMonth MONTH = YearMonth.of(2020, 6);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int EVENTS_PER_SECOND = 1000;
    private static final Duration TICK = Duration.ofMillis(100);
    /** Accepted and concluded per case; every other case also visited. */
    private static final int CASES_PER_TICK = 40;

    private static final Duration PROBE_EVERY = Duration.ofMillis(200);
    private static final int DASHBOARDS = 20;
    private static final Duration DASHBOARD_EVERY = Duration.ofSeconds(1);
    /** A demo unit (so every unit notice-service knows is one of the demo's), left out of the load itself. */
    private static final DemoUnit PROBE_UNIT = DemoUnit.CICAI;

    private static final List<DemoUnit> LOAD_UNITS =
            DemoUnit.ALL.stream().filter(unit -> unit != PROBE_UNIT).toList();
    private static final String SOURCE = "/platform/e2e-load";

    @Test
    void sustainsAThousandEventsPerSecondWithFreshMetricsAndAFlatHeap(Minxin minxin) throws Exception {
        Duration duration = Duration.ofSeconds(Long.getLong("e2e.load.seconds", 60));
        Path logs = E2eSettings.fromSystemProperties().logs();
        Api gateway = minxin.gateway();
        String integration = minxin.keys().integration();
        Dashboard dashboard = DemoLoad.dashboard(minxin);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ticks = new AtomicInteger();
        AtomicLong eventsAccepted = new AtomicLong();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicLong dashboardRequests = new AtomicLong();
        Map<Integer, Long> probeAcceptedAt = new ConcurrentHashMap<>();
        Map<Integer, Long> probeSeenAt = new ConcurrentHashMap<>();
        AtomicInteger probes = new AtomicInteger();
        Map<String, Double> heapAtThird = new LinkedHashMap<>();

        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        ExecutorService watcher = Executors.newSingleThreadExecutor();
        CountDownLatch watching = new CountDownLatch(1);
        String probeKey = UnitMetrics.key(PROBE_UNIT.unitId(), Channel.PHONE, MONTH.toString());
        watcher.submit(() -> {
            try (UnitMetricsWatch watch = new UnitMetricsWatch(minxin.kafkaBootstrap(), true)) {
                watching.countDown();
                while (running.get() || probeSeenAt.size() < probes.get()) {
                    for (UnitMetricsWatch.Seen seen : watch.poll(Duration.ofMillis(50), probeKey::equals)) {
                        int received =
                                seen.value().path("counts").path("received").asInt();
                        for (int n = 1; n <= received; n++) {
                            probeSeenAt.putIfAbsent(n, seen.polledAtNanos());
                        }
                    }
                    if (!running.get() && probeSeenAt.size() < probes.get() && timedOut(probeAcceptedAt)) {
                        break;
                    }
                }
            }
            return null;
        });
        assertThat(watching.await(30, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        scheduler.scheduleAtFixedRate(
                () -> {
                    if (!running.get()) {
                        return;
                    }
                    int tick = ticks.getAndIncrement();
                    senders.submit(() -> {
                        List<String> batch = batch(tick);
                        try {
                            Response response = gateway.post(
                                    "api/v1/events/batch",
                                    integration,
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
                    });
                },
                0,
                TICK.toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(
                () -> {
                    if (!running.get()) {
                        return;
                    }
                    int n = probes.get() + 1;
                    try {
                        Response response = gateway.post(
                                "api/v1/events",
                                integration,
                                "application/cloudevents+json",
                                EventJson.toBytes(probeCase(n)));
                        if (response.status() == 202) {
                            probeAcceptedAt.put(n, System.nanoTime());
                            probes.set(n);
                        } else {
                            errors.add("probe " + n + ": " + response);
                        }
                    } catch (RuntimeException e) {
                        errors.add("probe " + n + ": " + e);
                    }
                },
                0,
                PROBE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        ScheduledExecutorService dashboards = Executors.newScheduledThreadPool(4);
        String[] queries = {
            "api/v1/overview?period=" + MONTH,
            "api/v1/units?period=" + MONTH + "&channel=PHONE",
            "api/v1/rankings/" + MONTH + "?channel=WEB&top=5"
        };
        for (int d = 0; d < DASHBOARDS; d++) {
            int dashboardNumber = d;
            AtomicInteger polls = new AtomicInteger();
            dashboards.scheduleAtFixedRate(
                    () -> {
                        if (!running.get()) {
                            return;
                        }
                        String query = queries[(dashboardNumber + polls.getAndIncrement()) % queries.length];
                        try {
                            Response response = dashboard.get(query);
                            dashboardRequests.incrementAndGet();
                            if (response.status() != 200) {
                                errors.add("dashboard " + query + ": " + response);
                            }
                        } catch (RuntimeException e) {
                            errors.add("dashboard " + query + ": " + e);
                        }
                    },
                    DASHBOARD_EVERY.toMillis() * d / DASHBOARDS,
                    DASHBOARD_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        Pause.lasting(duration.dividedBy(3), "a third of the run");
        for (ServiceProcess service : minxin.services()) {
            heapAtThird.put(service.service().artifact(), Heap.liveDataAfterFullGc(service));
            Heap.writeHistogram(
                    service, logs.resolve("heap-" + service.service().artifact() + "-third.txt"));
        }
        Pause.lasting(duration.minusNanos(System.nanoTime() - start), "the end of the run");
        running.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        dashboards.shutdown();
        scheduler.shutdown();
        senders.shutdown();
        assertThat(senders.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        assertThat(dashboards.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        watcher.shutdown();
        assertThat(watcher.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        Map<String, Double> heapAtEnd = new LinkedHashMap<>();
        for (ServiceProcess service : minxin.services()) {
            heapAtEnd.put(service.service().artifact(), Heap.liveDataAfterFullGc(service));
            Heap.writeHistogram(
                    service, logs.resolve("heap-" + service.service().artifact() + "-end.txt"));
        }

        List<Long> freshness = new ArrayList<>();
        probeAcceptedAt.forEach((n, acceptedAt) -> {
            Long seenAt = probeSeenAt.get(n);
            freshness.add(seenAt == null ? Long.MAX_VALUE : Math.max(0, seenAt - acceptedAt));
        });
        Collections.sort(freshness);
        double throughput = eventsAccepted.get() / seconds;
        String report = report(
                duration,
                seconds,
                eventsAccepted.get(),
                throughput,
                dashboardRequests.get(),
                freshness,
                heapAtThird,
                heapAtEnd,
                errors);
        log.info("load run:\n{}", report);
        Files.writeString(logs.resolve("load-report.txt"), report, StandardCharsets.UTF_8);

        assertThat(errors).as("errors").isEmpty();
        assertThat(throughput).as("events/s").isGreaterThanOrEqualTo(0.95 * EVENTS_PER_SECOND);
        assertThat(freshness).as("probe cases").isNotEmpty();
        assertThat(percentile(freshness, 0.99))
                .as("freshness p99 (ns)")
                .isLessThan(Duration.ofSeconds(1).toNanos());
        heapAtEnd.forEach((service, end) -> assertThat(end)
                .as("%s live heap after full GC: %s at a third, %s at the end", service, heapAtThird.get(service), end)
                .isLessThan(1.2 * heapAtThird.get(service)));
        long casesSent = (long) ticks.get() * CASES_PER_TICK + probes.get();
        await("every case of the run counted")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(dashboard.overview(MONTH))
                        .isNotNull()
                        .extractingByKey("total")
                        .extracting(total -> total.get("received"))
                        .isEqualTo(casesSent));
    }

    /** The probe stops waiting for results 10 s after its last case. */
    private static boolean timedOut(Map<Integer, Long> acceptedAt) {
        long last =
                acceptedAt.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return System.nanoTime() - last > Duration.ofSeconds(10).toNanos();
    }

    /** Cases of one tick over the demo units and both channels: accepted, concluded, every other one visited. */
    private static List<String> batch(int tick) {
        List<CaseEvent> events = new ArrayList<>();
        Instant dayStart = MONTH.atDay(1 + tick % 28).atTime(9, 0).atZone(ZONE).toInstant();
        for (int i = 0; i < CASES_PER_TICK; i++) {
            int number = tick * CASES_PER_TICK + i;
            String caseId = "load-" + number;
            DemoUnit unit = LOAD_UNITS.get(number % LOAD_UNITS.size());
            Channel channel = number % 3 == 0 ? Channel.WEB : Channel.PHONE;
            Instant acceptedAt = dayStart.plusSeconds(i);
            events.add(CaseEvent.of(
                    caseId + "-1",
                    SOURCE,
                    new Accepted(
                            caseId,
                            unit.unitId(),
                            unit.unitName(),
                            channel,
                            "负载测试诉求 " + number,
                            null,
                            acceptedAt,
                            acceptedAt.plus(Duration.ofDays(5)),
                            null)));
            Instant concludedAt = acceptedAt.plus(Duration.ofHours(1 + number % 200));
            events.add(CaseEvent.of(caseId + "-2", SOURCE, new Concluded(caseId, unit.unitId(), "已办结", concludedAt)));
            if (number % 2 == 0) {
                events.add(CaseEvent.of(
                        caseId + "-3",
                        SOURCE,
                        new Visited(
                                caseId,
                                unit.unitId(),
                                number % 10 == 0 ? Satisfaction.UNSATISFIED : Satisfaction.SATISFIED,
                                number % 4 == 0,
                                concludedAt.plus(Duration.ofHours(2)))));
            }
        }
        return EventFeed.lines(events, null);
    }

    private static CaseEvent probeCase(int n) {
        String caseId = "load-probe-" + n;
        Instant at = MONTH.atDay(1).atTime(8, 0).atZone(ZONE).toInstant().plusSeconds(n);
        return CaseEvent.of(
                caseId + "-1",
                SOURCE,
                new Accepted(
                        caseId,
                        PROBE_UNIT.unitId(),
                        PROBE_UNIT.unitName(),
                        Channel.PHONE,
                        "探针诉求 " + n,
                        null,
                        at,
                        at.plus(Duration.ofDays(5)),
                        null));
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static String report(
            Duration duration,
            double seconds,
            long events,
            double throughput,
            long dashboardRequests,
            List<Long> freshness,
            Map<String, Double> heapAtThird,
            Map<String, Double> heapAtEnd,
            List<String> errors) {
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                "duration %s (ran %.1f s)%nevents accepted %d, %.0f events/s%ndashboard requests %d (%.1f/s)%n",
                duration, seconds, events, throughput, dashboardRequests, dashboardRequests / seconds));
        if (!freshness.isEmpty()) {
            report.append(String.format(
                    "freshness over %d probe cases: p50 %d ms, p99 %d ms, max %s%n",
                    freshness.size(),
                    percentile(freshness, 0.5) / 1_000_000,
                    percentile(freshness, 0.99) / 1_000_000,
                    freshness.get(freshness.size() - 1) == Long.MAX_VALUE
                            ? "never seen"
                            : freshness.get(freshness.size() - 1) / 1_000_000 + " ms"));
        }
        heapAtEnd.forEach((service, end) -> report.append(String.format(
                "%s live heap after full GC: %.1f MiB at a third, %.1f MiB at the end (%+.1f%%)%n",
                service,
                heapAtThird.get(service) / (1024 * 1024),
                end / (1024 * 1024),
                100 * (end / heapAtThird.get(service) - 1))));
        report.append("errors: ").append(errors.size()).append('\n');
        errors.stream()
                .limit(20)
                .forEach(error -> report.append("  ").append(error).append('\n'));
        return report.toString();
    }
}
