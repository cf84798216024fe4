package io.minxin.bench;

import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import io.minxin.events.identity.Role;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.ranking.engine.Fact;
import io.minxin.ranking.engine.RankingEngine;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.engine.Rate;
import io.minxin.ranking.engine.UnitPerformance;
import io.minxin.ranking.policy.PolicyReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Ranking 10,000 units under the weighted policy and under the richest example policy (in-process, the engine
 * alone; target under 50 ms each), and a period close with 1,000 units end to end (ranking-service in its own JVM:
 * HTTP close to the revision on the rankings topic).
 */
final class RankingBench {
    private static final String PERIOD = "2021-03";

    private final BenchSettings settings;
    private final Report report;

    RankingBench(BenchSettings settings, Report report) {
        this.settings = settings;
        this.report = report;
    }

    void run(String bootstrapServers, String mongoUri, Path repo, Path logDir) throws Exception {
        engine(settings.rankingUnits(), weightedPolicy(), "weighted policy");
        engine(settings.rankingUnits(), richestExample(), "Beijing-style example policy: indicators, tiers, lists");
        close(bootstrapServers, mongoUri, repo, logDir, 1_000);
    }

    static RankingPolicy weightedPolicy() {
        return new RankingPolicy(
                RankingPolicy.idFor(Channel.PHONE),
                1,
                Channel.PHONE,
                "2000-01",
                "bench: the default PHONE policy",
                1,
                RankingPolicy.OrderMethod.WEIGHTED,
                Map.of(Rate.COMPLETION, 0.2, Rate.ON_TIME, 0.2, Rate.SATISFACTION, 0.2, Rate.EXCELLENT, 0.4),
                List.of(),
                List.of(RankingPolicy.TieBreak.RECEIVED),
                5,
                RankingPolicy.RateEstimator.RAW,
                RankingPolicy.NullRates.RANK_LAST,
                new RankingPolicy.ScoreView(
                        10,
                        List.of(new RankingPolicy.ScoreRule(Fact.EXCELLENT, 0.02, null)),
                        List.of(
                                new RankingPolicy.ScoreRule(Fact.LATE_CONCLUSION, 0.1, null),
                                new RankingPolicy.ScoreRule(Fact.PUSHBACK, 0.5, null))),
                null,
                List.of(),
                null,
                List.of(),
                List.of());
    }

    /**
     * The richest shipped example (three indicators, two volume tiers, a named list per tier), read as an operator's
     * PUT would read it.
     */
    static RankingPolicy richestExample() {
        try (InputStream in = RankingBench.class.getResourceAsStream("/policies/examples/beijing.json")) {
            if (in == null) {
                throw new IllegalStateException("policies/examples/beijing.json is not on the classpath");
            }
            PolicyReader.Result read =
                    PolicyReader.read(EventJson.mapper().readTree(in), Channel.PHONE, PolicyReader.Purpose.STORE);
            if (!read.valid()) {
                throw new IllegalStateException("policies/examples/beijing.json is invalid: " + read.violations());
            }
            return read.policy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void engine(int unitCount, RankingPolicy policy, String label) {
        List<UnitPerformance> units = new ArrayList<>(unitCount);
        List<Counts> counts = counts(unitCount, 42);
        for (int i = 0; i < unitCount; i++) {
            units.add(UnitPerformance.fromCounts("u" + i, "unit " + i, counts.get(i)));
        }
        for (int i = 0; i < 30; i++) {
            RankingEngine.rank(policy, units);
        }
        Latencies latencies = new Latencies();
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            RankingEngine.rank(policy, units);
            latencies.record(System.nanoTime() - t0);
        }
        report.row(
                "ranking",
                "rank " + unitCount + " units, " + label + " (p50 ms)",
                latencies.percentileMillis(0.5),
                "ms",
                null,
                null,
                latencies);
    }

    static List<Counts> counts(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Counts> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long received = 1 + random.nextInt(200);
            long concluded = received - random.nextInt((int) Math.max(1, received / 10));
            long onTime = concluded - random.nextInt((int) Math.max(1, concluded / 10));
            long visited = concluded - random.nextInt((int) Math.max(1, concluded / 5));
            long satisfied = visited - random.nextInt((int) Math.max(1, visited / 10));
            long excellent = satisfied - random.nextInt((int) Math.max(1, satisfied / 3));
            all.add(new Counts(
                    received, concluded, onTime, visited, satisfied, excellent, random.nextInt(3), random.nextInt(2)));
        }
        return all;
    }

    private void close(String bootstrapServers, String mongoUri, Path repo, Path logDir, int unitCount)
            throws Exception {
        try (ServiceProcess ranking = ServiceProcess.start(
                repo,
                "ranking-service",
                18083,
                Map.of("MINXIN_KAFKA_BOOTSTRAP", bootstrapServers, "MINXIN_MONGODB_URI", mongoUri),
                logDir)) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            List<Counts> counts = counts(unitCount, 7);
            try (KafkaProducer<String, byte[]> producer =
                    new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < unitCount; i++) {
                    UnitMetrics metrics =
                            new UnitMetrics("u" + i, "unit " + i, Channel.PHONE, PERIOD, counts.get(i), 1);
                    producer.send(new ProducerRecord<>(
                            Topics.UNIT_METRICS,
                            metrics.unitId() + "|PHONE|" + PERIOD,
                            EventJson.mapper().writeValueAsBytes(metrics)));
                }
            }
            HttpClient client = HttpClient.newHttpClient();
            String live = ranking.baseUrl() + "/api/v1/rankings/" + PERIOD + "?channel=PHONE&top=" + unitCount;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (rows(client, live) < unitCount) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ranking-service did not take in " + unitCount + " units");
                }
                Thread.sleep(200);
            }
            try (KafkaConsumer<String, String> consumer = rankingsConsumer(bootstrapServers)) {
                long t0 = System.nanoTime();
                HttpResponse<String> closed = client.send(
                        HttpRequest.newBuilder(URI.create(ranking.baseUrl() + "/api/v1/periods/" + PERIOD + "/close"))
                                .header("Authorization", ServiceProcess.bearer(Role.OPERATOR, "ranking-service"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (closed.statusCode() / 100 != 2) {
                    throw new IllegalStateException("close: " + closed.statusCode() + " " + closed.body());
                }
                boolean published = false;
                while (!published && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        published |= record.key().equals(PERIOD + "|PHONE");
                    }
                }
                double millis = (System.nanoTime() - t0) / 1e6;
                report.row(
                        "ranking",
                        "close a period of " + unitCount + " units, HTTP to published revision",
                        millis,
                        "ms",
                        null,
                        null,
                        null);
            }
        }
    }

    private static int rows(HttpClient client, String url) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", ServiceProcess.bearer(Role.DASHBOARD, "ranking-service"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return 0;
        }
        return EventJson.mapper().readTree(response.body()).path("rows").size();
    }

    private static KafkaConsumer<String, String> rankingsConsumer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.RANKINGS));
        // join the group and take position at the end before the close is requested
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        return consumer;
    }
}
