package io.minxin.bench;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import io.minxin.events.identity.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Intake against Kafka's own producer on the same broker in the same run: (a) the raw producer (acks=all,
 * idempotent, ~300-byte demo events), (b) batch POSTs of 1,000 events, (c) single-event POSTs from 64
 * concurrent clients.
 *
 * <p>The service runs in a JVM started for the run, so (b) and (c) are each measured after a warm-up of
 * {@code bench.intake.warmup.seconds} (default 20) of the same requests: on two cores a fixed handful of
 * requests left the JIT compiler busy with the service's code through the measurement.
 */
final class IntakeBench {
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.intake.warmup.seconds", 20));

    private final BenchSettings settings;
    private final Report report;

    IntakeBench(BenchSettings settings, Report report) {
        this.settings = settings;
        this.report = report;
    }

    void run(String bootstrapServers, Path repo, Path logDir) throws Exception {
        List<CaseEvent> events = DemoEvents.take(settings.intakeEvents());
        double raw = rawProducer(bootstrapServers, events);
        report.row("intake", "(a) Kafka producer, acks=all, idempotent", raw, "events/s", null, null, null);
        try (ServiceProcess intake = ServiceProcess.start(
                repo, "intake-service", 18081, Map.of("MINXIN_KAFKA_BOOTSTRAP", bootstrapServers), logDir)) {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
            List<CaseEvent> warmBatches = events.subList(0, Math.min(events.size(), 10_000));
            for (long until = System.nanoTime() + WARMUP.toNanos(); System.nanoTime() < until; ) {
                batches(client, intake.baseUrl(), warmBatches, null);
            }
            Latencies batchLatency = new Latencies();
            double batch = batches(client, intake.baseUrl(), events, batchLatency);
            report.row(
                    "intake",
                    "(b) POST batches of 1,000 (4 clients)",
                    batch,
                    "events/s",
                    raw,
                    batch / raw,
                    batchLatency);
            singles(client, intake.baseUrl(), events.subList(0, Math.min(events.size(), 20_000)), 64, WARMUP, null);
            Latencies singleLatency = new Latencies();
            double single = singles(
                    client, intake.baseUrl(), events, 64, Duration.ofSeconds(settings.singleSeconds()), singleLatency);
            report.row(
                    "intake",
                    "(c) POST single events (64 clients)",
                    single,
                    "events/s",
                    raw,
                    single / raw,
                    singleLatency);
        }
    }

    private double rawProducer(String bootstrapServers, List<CaseEvent> events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            List<byte[]> values = events.stream().map(EventJson::toBytes).toList();
            sendAll(producer, events.subList(0, Math.min(20_000, events.size())), values);
            long start = System.nanoTime();
            sendAll(producer, events, values);
            return events.size() / seconds(start);
        }
    }

    private static void sendAll(KafkaProducer<String, byte[]> producer, List<CaseEvent> events, List<byte[]> values) {
        for (int i = 0; i < events.size(); i++) {
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, events.get(i).key(), values.get(i)));
        }
        producer.flush();
    }

    private static double batches(HttpClient client, String baseUrl, List<CaseEvent> events, Latencies latencies)
            throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < events.size(); i += 1_000) {
            StringBuilder ndjson = new StringBuilder();
            for (CaseEvent event : events.subList(i, Math.min(events.size(), i + 1_000))) {
                ndjson.append(EventJson.toJson(event)).append('\n');
            }
            bodies.add(ndjson.toString());
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            clients.add(pool.submit(() -> {
                for (int b = next.getAndIncrement(); b < bodies.size(); b = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/events/batch"))
                            .header("Content-Type", "application/x-ndjson")
                            .header("Authorization", ServiceProcess.bearer(Role.INTEGRATION, "intake-service"))
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(b), StandardCharsets.UTF_8))
                            .build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException(
                                "batch " + b + ": " + response.statusCode() + " " + response.body());
                    }
                    if (latencies != null) {
                        latencies.record(System.nanoTime() - t0);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();
        return events.size() / seconds(start);
    }

    /** Posts the events one by one until {@code duration} is up, from the first again when all were posted. */
    private static double singles(
            HttpClient client,
            String baseUrl,
            List<CaseEvent> events,
            int concurrency,
            Duration duration,
            Latencies latencies)
            throws Exception {
        List<String> bodies = events.stream().map(EventJson::toJson).toList();
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Latencies>> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            clients.add(pool.submit(() -> {
                Latencies mine = new Latencies();
                while (System.nanoTime() < deadline) {
                    String body = bodies.get(Math.floorMod(next.getAndIncrement(), bodies.size()));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/events"))
                            .header("Content-Type", "application/cloudevents+json")
                            .header("Authorization", ServiceProcess.bearer(Role.INTEGRATION, "intake-service"))
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build();
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 202) {
                        failures.incrementAndGet();
                    }
                    mine.record(System.nanoTime() - t0);
                }
                return mine;
            }));
        }
        long sent = 0;
        for (Future<Latencies> f : clients) {
            Latencies mine = f.get();
            sent += mine.count();
            if (latencies != null) {
                latencies.addAll(mine);
            }
        }
        double elapsed = seconds(start);
        pool.shutdown();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " single POSTs failed");
        }
        return sent / elapsed;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
