package io.minxin.bench;

import io.minxin.localstack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the benchmarks on one embedded broker in one run, so every figure has its raw limit beside it.
 * Usage: {@code bench/run.sh [intake|replay|freshness|ranking|gateway|console|all]}.
 */
public final class Bench {
    private static final Logger log = LoggerFactory.getLogger(Bench.class);

    public static void main(String[] args) throws Exception {
        List<String> which = args.length == 0 ? List.of("all") : List.of(args);
        boolean all = which.contains("all");
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Path repo =
                Path.of(System.getProperty("bench.repo", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("minxin-bench");
        Path logs = repo.resolve("bench/results/logs");
        Report report = new Report();
        BenchIdentity identity = BenchIdentity.generate(repo, work.resolve("identity"));
        ServiceProcess.useIdentity(identity);
        log.info("benchmarks {} on {}; broker data in {}", which, Report.machine(), work);
        if (all || which.contains("intake")) {
            try (LocalStack stack = freshStack(work, "intake")) {
                new IntakeBench(settings, report).run(stack.endpoints().bootstrapServers(), repo, logs);
            }
        }
        if (all || which.contains("replay")) {
            try (LocalStack stack = freshStack(work, "replay")) {
                new ReplayBench(settings, report)
                        .run(stack.endpoints().bootstrapServers(), work.resolve("replay-state"));
            }
        }
        if (all || which.contains("freshness")) {
            try (LocalStack stack = freshStack(work, "freshness")) {
                new FreshnessBench(settings.freshnessSeconds(), report)
                        .run(
                                stack.endpoints().bootstrapServers(),
                                stack.endpoints().mongoUri(),
                                repo,
                                logs,
                                work.resolve("freshness-state"));
            }
        }
        if (all || which.contains("ranking")) {
            try (LocalStack stack = freshStack(work, "ranking")) {
                new RankingBench(settings, report)
                        .run(
                                stack.endpoints().bootstrapServers(),
                                stack.endpoints().mongoUri(),
                                repo,
                                logs);
            }
        }
        if (all || which.contains("gateway")) {
            try (LocalStack stack = freshStack(work, "gateway")) {
                new GatewayBench(settings, report, identity)
                        .run(
                                stack.endpoints().bootstrapServers(),
                                stack.endpoints().mongoUri(),
                                repo,
                                logs);
            }
        }
        if (all || which.contains("console")) {
            try (LocalStack stack = freshStack(work, "console")) {
                new ConsoleBench(report)
                        .run(
                                stack.endpoints().bootstrapServers(),
                                stack.endpoints().mongoUri(),
                                repo,
                                logs,
                                work.resolve("console-state"));
            }
        }
        report.save(repo.resolve("bench/results"), String.join("-", which));
    }

    /** Each benchmark gets a broker of its own, so no figure is measured on another one's data. */
    private static LocalStack freshStack(Path work, String name) {
        return LocalStack.start(LocalStack.Settings.freePorts(work.resolve(name)));
    }

    private Bench() {}
}
