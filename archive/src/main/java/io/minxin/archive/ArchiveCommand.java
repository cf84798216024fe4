package io.minxin.archive;

import io.minxin.events.EventJson;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.servicekit.kafka.KafkaClientSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.KafkaException;

/**
 * The archive command: a period's evidence out of a running system, and back into an empty one.
 *
 * <pre>
 * java -jar archive-&lt;version&gt;.jar export 2020-09 minxin-2020-09/
 * java -jar archive-&lt;version&gt;.jar import minxin-2020-09/
 * </pre>
 *
 * <p>{@code export} writes the period's {@code case-events}, {@code unit-activity} log-ins and {@code decisions}
 * ({@link PeriodFilter}) to gzip NDJSON files and {@code manifest.json} in the directory ({@link Exporter}).
 * {@code import} checks every file against the manifest and produces the records back ({@link Importer});
 * running it again changes nothing. Configured by environment, in the services' vocabulary:
 *
 * <ul>
 *   <li>{@code MINXIN_KAFKA_BOOTSTRAP}: the bootstrap servers (required)
 *   <li>{@code MINXIN_PERIOD_CUT_OFF_DAY}: the period cut-off day the services run with (default 0, the calendar
 *       month); export only
 *   <li>{@code MINXIN_KAFKA_SECURITY_PROTOCOL}, {@code MINXIN_KAFKA_SASL_MECHANISM}, {@code MINXIN_KAFKA_USERNAME},
 *       {@code MINXIN_KAFKA_PASSWORD}: how it authenticates ({@link KafkaClientSettings}); a principal that may
 *       read (export) or write with transactions (import) the three topics, such as the topics job's super user
 * </ul>
 *
 * <p>Exits 0 when done; 1 with the reason when the archive or Kafka refused (a file that does not match the
 * manifest is named); 2 when the arguments or settings are wrong.
 */
public final class ArchiveCommand {
    public static final String BOOTSTRAP = "MINXIN_KAFKA_BOOTSTRAP";
    static final String CUT_OFF_DAY = "MINXIN_PERIOD_CUT_OFF_DAY";
    public static final int OK = 0;
    static final int FAILED = 1;
    static final int WRONG_USAGE = 2;

    /** How long each call to Kafka may wait, connecting included. */
    static final Duration KAFKA_TIMEOUT = Duration.ofMinutes(1);

    private static final String NAME = "minxin-archive";
    private static final String USAGE = "usage: " + NAME + " export <period YYYY-MM> <directory> | " + NAME
            + " import <directory>   (environment: " + BOOTSTRAP + ", " + CUT_OFF_DAY + ", MINXIN_KAFKA_*)";

    public static void main(String[] args) {
        // Before the first logger exists: the Kafka clients log their whole configuration at INFO.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-archive.xml");
        }
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    /** The command without {@link System#exit}, for tests that run it in their own JVM (e2e): the exit code. */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        boolean export = args.size() == 3 && args.get(0).equals("export");
        boolean importing = args.size() == 2 && args.get(0).equals("import");
        if (!export && !importing) {
            err.println(USAGE);
            return WRONG_USAGE;
        }
        String bootstrap = env.get(BOOTSTRAP);
        if (bootstrap == null || bootstrap.isBlank()) {
            err.println(NAME + ": set " + BOOTSTRAP + " to the Kafka bootstrap servers, e.g. kafka:9092");
            return WRONG_USAGE;
        }
        Map<String, Object> client = new HashMap<>();
        YearMonth period = null;
        AssessmentPeriod calendar = null;
        try {
            client.putAll(new KafkaClientSettings(
                            bootstrap.trim(),
                            env.getOrDefault("MINXIN_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT"),
                            env.getOrDefault("MINXIN_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"),
                            env.get("MINXIN_KAFKA_USERNAME"),
                            env.get("MINXIN_KAFKA_PASSWORD"))
                    .clientProperties());
            client.put(CommonClientConfigs.CLIENT_ID_CONFIG, NAME);
            if (export) {
                period = YearMonth.parse(args.get(1));
                calendar = new AssessmentPeriod(
                        Integer.parseInt(env.getOrDefault(CUT_OFF_DAY, "0").trim()));
            }
        } catch (DateTimeException e) {
            err.println(NAME + ": the period must be YYYY-MM, not '" + args.get(1) + "'");
            return WRONG_USAGE;
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            return WRONG_USAGE;
        }

        try {
            if (export) {
                Path directory = Path.of(args.get(2));
                Manifest manifest = new Exporter(
                                client, bootstrap, KAFKA_TIMEOUT, Clock.systemUTC(), EventJson.mapper())
                        .export(period, calendar, directory);
                out.println(NAME + ": exported period " + manifest.period() + " (cut-off day " + manifest.cutOffDay()
                        + ") from " + bootstrap + " to " + directory);
                manifest.files()
                        .forEach(file -> out.println(
                                "  " + file.name() + ": " + file.count() + " records, sha256 " + file.sha256()));
            } else {
                Path directory = Path.of(args.get(1));
                List<Importer.TopicResult> results =
                        new Importer(client, KAFKA_TIMEOUT, EventJson.mapper()).importArchive(directory);
                out.println(NAME + ": imported " + directory + " into " + bootstrap);
                results.forEach(result -> out.println("  " + result.topic() + ": " + result.produced()
                        + " records produced, " + result.alreadyThere() + " were there already"));
            }
            return OK;
        } catch (ArchiveException e) {
            err.println(NAME + ": " + e.getMessage());
            return FAILED;
        } catch (IOException | KafkaException e) {
            err.println(NAME + ": failed: " + e.getMessage());
            return FAILED;
        }
    }

    private ArchiveCommand() {}
}
