package io.minxin.bench;

import com.sun.management.OperatingSystemMXBean;
import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import io.minxin.events.identity.Role;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET of a ranking directly from ranking-service and through the gateway: latency at a fixed 500
 * requests/s (measured from the scheduled send time, so a stall is not hidden), and throughput at
 * saturation with 32 closed-loop clients.
 */
final class GatewayBench {
    private static final Logger log = LoggerFactory.getLogger(GatewayBench.class);

    private static final String PERIOD = "2021-04";
    private static final int RATE = 500;
    private static final int CLIENTS = 32;

    private final BenchSettings settings;
    private final Report report;
    private final BenchIdentity identity;

    GatewayBench(BenchSettings settings, Report report, BenchIdentity identity) {
        this.settings = settings;
        this.report = report;
        this.identity = identity;
    }

    void run(String bootstrapServers, String mongoUri, Path repo, Path logDir) throws Exception {
        String key = "mx_benchdash_" + HexFormat.of().formatHex(randomBytes(24));
        try (ServiceProcess ranking = ServiceProcess.start(
                        repo,
                        "ranking-service",
                        18083,
                        Map.of("MINXIN_KAFKA_BOOTSTRAP", bootstrapServers, "MINXIN_MONGODB_URI", mongoUri),
                        logDir);
                ServiceProcess gateway = ServiceProcess.start(
                        repo,
                        "gateway",
                        18080,
                        Map.of(
                                "MINXIN_KAFKA_BOOTSTRAP", bootstrapServers,
                                "MINXIN_MONGODB_URI", mongoUri,
                                "MINXIN_GATEWAY_SERVICES_RANKING", ranking.baseUrl(),
                                "MINXIN_BOOTSTRAP_DASHBOARD_KEY", key,
                                // the benchmark measures the proxy, not the per-key limit
                                "MINXIN_GATEWAY_RATE_LIMIT_PERMITS_DASHBOARD", "1000000"),
                        logDir)) {
            seed(bootstrapServers, 28);
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String path = "/api/v1/rankings/" + PERIOD + "?channel=PHONE&top=5";
            // a timeout, so a lost answer fails the run instead of hanging it
            // a direct call carries a token as the gateway's would: one per key, role and service, reused
            HttpRequest direct = HttpRequest.newBuilder(URI.create(ranking.baseUrl() + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", identity.bearer(Role.DASHBOARD, "ranking-service"))
                    .build();
            HttpRequest proxied = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("X-Api-Key", key)
                    .build();
            awaitRows(client, direct);
            // closed-loop warm-up: a cold JIT cannot keep 500/s, and an open loop would pile up requests behind it.
            // On two cores the gateway's C2 compiles compete with the load: after 10 s its p99 was still falling
            // from round to round, so 30 s by default.
            int warmup = Integer.getInteger("bench.gateway.warmup.seconds", 30);
            saturate(client, direct, warmup, ranking, gateway);
            saturate(client, proxied, warmup, ranking, gateway);
            // rounds of one direct and one proxied run back to back: the gateway's share of p99 is taken within a
            // round, where a garbage collection or other load fell alike on both, and the median round is reported
            int rounds = Integer.getInteger("bench.gateway.rounds", 3);
            // 0 rounds: saturation and the token rows only (a machine too loaded for an open loop at 500/s)
            if (rounds > 0) {
                Latencies directLatency = new Latencies();
                Latencies proxiedLatency = new Latencies();
                List<Double> added = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    Latencies d = fixedRate(client, direct, settings.gatewaySeconds());
                    Latencies p = fixedRate(client, proxied, settings.gatewaySeconds());
                    directLatency.addAll(d);
                    proxiedLatency.addAll(p);
                    added.add(p.percentileMillis(0.99) - d.percentileMillis(0.99));
                    log.info(
                            "round {}: p99 direct {} ms, via the gateway {} ms",
                            round,
                            String.format("%.2f", d.percentileMillis(0.99)),
                            String.format("%.2f", p.percentileMillis(0.99)));
                }
                report.row("gateway", "GET ranking direct at 500/s", RATE, "req/s", null, null, directLatency);
                report.row("gateway", "GET ranking via gateway at 500/s", RATE, "req/s", null, null, proxiedLatency);
                report.row(
                        "gateway",
                        "gateway adds at p99 (median of " + rounds + " rounds)",
                        ReplayBench.median(added),
                        "ms",
                        null,
                        null,
                        null);
            }
            double verifiedBefore = counter(client, ranking, "minxin_identity_tokens_verified_total");
            Saturation directMax = saturate(client, direct, settings.gatewaySeconds(), ranking, gateway);
            double verifiedPerCall =
                    (counter(client, ranking, "minxin_identity_tokens_verified_total") - verifiedBefore)
                            / directMax.calls();
            double signedBefore = tokensSigned(client, gateway);
            Saturation proxiedMax = saturate(client, proxied, settings.gatewaySeconds(), ranking, gateway);
            double signedPerCall = (tokensSigned(client, gateway) - signedBefore) / proxiedMax.calls();
            report.row(
                    "gateway",
                    "GET ranking direct, saturation (32 clients)",
                    directMax.perSecond(),
                    "req/s",
                    null,
                    null,
                    null);
            report.row(
                    "gateway",
                    "GET ranking via gateway, saturation (32 clients)",
                    proxiedMax.perSecond(),
                    "req/s",
                    directMax.perSecond(),
                    proxiedMax.perSecond() / directMax.perSecond(),
                    null);
            // where the cores went: on a shared machine the ratio is the direct call's CPU over the proxied one's
            cpuRows("direct", directMax);
            cpuRows("via gateway", proxiedMax);
            tokenRows(directMax, proxiedMax, signedPerCall, verifiedPerCall);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void seed(String bootstrapServers, int units) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        List<Counts> counts = RankingBench.counts(units, 11);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < units; i++) {
                UnitMetrics metrics = new UnitMetrics("u" + i, "unit " + i, Channel.PHONE, PERIOD, counts.get(i), 1);
                producer.send(new ProducerRecord<>(
                        Topics.UNIT_METRICS, metrics.key(), EventJson.mapper().writeValueAsBytes(metrics)));
            }
        }
    }

    private static void awaitRows(HttpClient client, HttpRequest request) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200
                    && EventJson.mapper().readTree(response.body()).path("rows").size() > 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no ranking rows for " + PERIOD);
    }

    /** Open loop: requests leave on a fixed schedule whatever the answers do. */
    private static Latencies fixedRate(HttpClient client, HttpRequest request, int seconds) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong failures = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure =
                new java.util.concurrent.atomic.AtomicReference<>();
        int total = RATE * seconds;
        long intervalNanos = 1_000_000_000L / RATE;
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        latencies.record(System.nanoTime() - scheduled);
                        if (error != null || response.statusCode() != 200) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(
                                    null,
                                    error != null
                                            ? error.toString()
                                            : "HTTP " + response.statusCode() + " " + response.body());
                        }
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        if (failures.get() > 0) {
            throw new IllegalStateException(
                    failures.get() + " of " + total + " requests failed, first: " + firstFailure.get());
        }
        return latencies;
    }

    /**
     * The identity token's share of a call's CPU at saturation, in this run: what one ES256 signature and one
     * verification (parse and signature check, Nimbus) cost on one thread of this machine, against the gateway's
     * CPU per proxied call (which signs only when its reused token for the key, role and service is half-way to
     * expiry, counted by its minxin_gateway_identity_tokens_signed_total) and ranking-service's per direct call (which
     * verifies each distinct token once and remembers it until it expires, counted by its
     * minxin_identity_tokens_verified_total).
     */
    private void tokenRows(Saturation direct, Saturation proxied, double signedPerCall, double verifiedPerCall)
            throws Exception {
        BenchIdentity.Costs costs = identity.measure(Integer.getInteger("bench.gateway.token.samples", 2_000));
        double gatewayPerCall = proxied.cpuMicrosPerCall().get("gateway");
        double rankingPerCall = direct.cpuMicrosPerCall().get("ranking-service");
        report.row(
                "gateway", "token: ES256 sign, CPU per token (one thread)", costs.signMicros(), "µs", null, null, null);
        report.row(
                "gateway",
                "token: ES256 parse + verify, CPU per token (one thread)",
                costs.verifyMicros(),
                "µs",
                null,
                null,
                null);
        report.row(
                "gateway",
                "token: tokens the gateway signed per proxied call at saturation",
                signedPerCall,
                "tokens",
                null,
                null,
                null);
        report.row(
                "gateway",
                "token: signing's share of the gateway's CPU per call (signed per call × sign)",
                signedPerCall * costs.signMicros(),
                "µs",
                gatewayPerCall,
                signedPerCall * costs.signMicros() / gatewayPerCall,
                null);
        report.row(
                "gateway",
                "token: tokens ranking-service verified per direct call at saturation",
                verifiedPerCall,
                "tokens",
                null,
                null,
                null);
        report.row(
                "gateway",
                "token: verification's share of ranking-service's CPU per direct call (verified per call × verify)",
                verifiedPerCall * costs.verifyMicros(),
                "µs",
                rankingPerCall,
                verifiedPerCall * costs.verifyMicros() / rankingPerCall,
                null);
    }

    /** The gateway's count of identity tokens signed so far. */
    private static double tokensSigned(HttpClient client, ServiceProcess gateway) throws Exception {
        return counter(client, gateway, "minxin_gateway_identity_tokens_signed_total");
    }

    /** A counter of a process's Prometheus scrape, summed over its labels. */
    private static double counter(HttpClient client, ServiceProcess process, String name) throws Exception {
        HttpResponse<String> scrape = client.send(
                HttpRequest.newBuilder(URI.create(process.baseUrl() + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return scrape.body()
                .lines()
                .filter(line -> line.startsWith(name))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private void cpuRows(String path, Saturation saturation) {
        for (Map.Entry<String, Double> process : saturation.cpuMicrosPerCall().entrySet()) {
            report.row(
                    "gateway",
                    "CPU per call at saturation, " + path + ": " + process.getKey(),
                    process.getValue(),
                    "µs",
                    null,
                    null,
                    null);
        }
    }

    /** Closed-loop throughput, and the CPU each process spent per call meanwhile. */
    record Saturation(double perSecond, double calls, Map<String, Double> cpuMicrosPerCall) {}

    private static Saturation saturate(
            HttpClient client, HttpRequest request, int seconds, ServiceProcess ranking, ServiceProcess gateway)
            throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long benchBefore = os.getProcessCpuTime();
        Duration rankingBefore = ranking.cpu();
        Duration gatewayBefore = gateway.cpu();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Future<Long>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                long done = 0;
                while (System.nanoTime() < deadline) {
                    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status " + response.statusCode());
                    }
                    done++;
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> f : clients) {
            total += f.get();
        }
        pool.shutdown();
        double calls = Math.max(1, total);
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put(
                "load generator (bench JVM, with the idle broker and MongoDB)",
                (os.getProcessCpuTime() - benchBefore) / 1_000.0 / calls);
        cpu.put("ranking-service", ranking.cpu().minus(rankingBefore).toNanos() / 1_000.0 / calls);
        cpu.put("gateway", gateway.cpu().minus(gatewayBefore).toNanos() / 1_000.0 / calls);
        return new Saturation(total / IntakeBench.seconds(start), calls, cpu);
    }
}
