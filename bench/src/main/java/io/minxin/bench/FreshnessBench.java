package io.minxin.bench;

import io.minxin.events.Accepted;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import io.minxin.events.identity.Role;
import io.minxin.events.state.UnitMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Freshness at a steady 1,000 events/s: intake-service and metrics-service in their own JVMs; a probe
 * unit gets one new case every 200 ms; freshness is the time from intake's 202 for the probe's k-th case
 * to the unit-metrics record of the probe that says received = k (read_committed). Probes of the first
 * {@code bench.freshness.warmup.seconds} (default 20) are not counted: the figure is for the steady state,
 * not for the services' JIT compilation after their start.
 */
final class FreshnessBench {
    private static final Logger log = LoggerFactory.getLogger(FreshnessBench.class);
    private static final String PROBE_UNIT = "bench-probe";
    private static final int EVENTS_PER_SECOND = 1_000;
    private static final int TICKS_PER_SECOND = 10;
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.freshness.warmup.seconds", 20));

    private final int seconds;
    private final Report report;

    FreshnessBench(int seconds, Report report) {
        this.seconds = seconds;
        this.report = report;
    }

    void run(String bootstrapServers, String mongoUri, Path repo, Path logDir, Path stateDir) throws Exception {
        try (ServiceProcess intake = ServiceProcess.start(
                        repo, "intake-service", 18081, Map.of("MINXIN_KAFKA_BOOTSTRAP", bootstrapServers), logDir);
                ServiceProcess metrics = ServiceProcess.start(
                        repo,
                        "metrics-service",
                        18082,
                        Map.of(
                                "MINXIN_KAFKA_BOOTSTRAP", bootstrapServers,
                                "MINXIN_MONGODB_URI", mongoUri,
                                "MINXIN_METRICS_STREAMS_STATE_DIR", stateDir.toString()),
                        logDir)) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Iterator<CaseEvent> background = DemoEvents.stream(
                            EVENTS_PER_SECOND * (seconds + (int) WARMUP.toSeconds() + 5))
                    .iterator();
            Map<Long, Long> ackedAt = new ConcurrentHashMap<>();
            long measureFrom = System.nanoTime() + WARMUP.toNanos();
            Latencies freshness = new Latencies();
            AtomicLong probes = new AtomicLong();
            AtomicBoolean failed = new AtomicBoolean();
            YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
            ScheduledExecutorService ticker = Executors.newScheduledThreadPool(4);
            ticker.scheduleAtFixedRate(
                    () -> post(client, intake.baseUrl(), background, EVENTS_PER_SECOND / TICKS_PER_SECOND, failed),
                    0,
                    1000 / TICKS_PER_SECOND,
                    TimeUnit.MILLISECONDS);
            ticker.scheduleAtFixedRate(
                    () -> {
                        long k = probes.incrementAndGet();
                        CaseEvent probe = CaseEvent.of(
                                "probe-" + k,
                                "/bench/probe",
                                new Accepted(
                                        "probe-case-" + k,
                                        PROBE_UNIT,
                                        "probe",
                                        Channel.PHONE,
                                        "probe",
                                        null,
                                        Instant.now(),
                                        null,
                                        null));
                        if (send(
                                client,
                                intake.baseUrl() + "/api/v1/events",
                                "application/cloudevents+json",
                                EventJson.toJson(probe))) {
                            ackedAt.put(k, System.nanoTime());
                        } else {
                            failed.set(true);
                        }
                    },
                    500,
                    200,
                    TimeUnit.MILLISECONDS);
            String key = UnitMetrics.key(PROBE_UNIT, Channel.PHONE, month.toString());
            try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
                long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
                long seen = 0;
                while (System.nanoTime() < end || seen < probes.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                        if (!record.key().equals(key) || record.value() == null) {
                            continue;
                        }
                        long now = System.nanoTime();
                        long received = EventJson.mapper()
                                .readValue(record.value(), UnitMetrics.class)
                                .counts()
                                .received();
                        for (long k = seen + 1; k <= received; k++) {
                            Long acked = ackedAt.get(k);
                            if (acked != null && acked >= measureFrom) {
                                freshness.record(Math.max(0, now - acked));
                                if (now - acked > 1_000_000_000L) {
                                    log.info("probe {} took {} ms", k, (now - acked) / 1_000_000);
                                }
                            }
                        }
                        seen = Math.max(seen, received);
                    }
                    if (System.nanoTime() > end) {
                        ticker.shutdownNow();
                    }
                    if (System.nanoTime() > end + Duration.ofSeconds(30).toNanos()) {
                        break;
                    }
                }
            }
            ticker.shutdownNow();
            if (failed.get()) {
                log.warn("some posts during the freshness run failed; see the logs of intake-service");
            }
            report.row(
                    "freshness",
                    "intake 202 to updated unit rate at 1,000 events/s (" + freshness.count() + " probes)",
                    freshness.percentileMillis(0.99),
                    "ms p99",
                    null,
                    null,
                    freshness);
        }
    }

    private static void post(
            HttpClient client, String baseUrl, Iterator<CaseEvent> events, int n, AtomicBoolean failed) {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < n && events.hasNext(); i++) {
            ndjson.append(EventJson.toJson(events.next())).append('\n');
        }
        if (!send(client, baseUrl + "/api/v1/events/batch", "application/x-ndjson", ndjson.toString())) {
            failed.set(true);
        }
    }

    private static boolean send(HttpClient client, String url, String contentType, String body) {
        try {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", contentType)
                            .header("Authorization", ServiceProcess.bearer(Role.INTEGRATION, "intake-service"))
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 202;
        } catch (Exception e) {
            return false;
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-freshness-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.UNIT_METRICS));
        return consumer;
    }
}
