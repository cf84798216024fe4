package io.minxin.localstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local infrastructure of Minxin in one process: real Kafka (KRaft; one broker, or a cluster of three) and a
 * MongoDB-wire server, all keeping their data under one directory, with the Minxin topics created.
 *
 * <p>Run it with {@code java -jar local-stack/target/local-stack.jar [--data-dir DIR] [--fresh] [--brokers N]
 * [--kafka-port N] [--kafka-controller-port N] [--mongo-port N]}; it stops cleanly on SIGTERM or Ctrl-C.
 */
public final class LocalStack implements AutoCloseable {
    private static final String READY_FORMAT = "local-stack ready kafka={} mongodb=mongodb://localhost:{}";

    private final Path dataDir;
    private final KafkaCluster kafka;
    private final MongoWireServer mongo;

    private LocalStack(Path dataDir, KafkaCluster kafka, MongoWireServer mongo) {
        this.dataDir = dataDir;
        this.kafka = kafka;
        this.mongo = mongo;
    }

    /**
     * How to start the stack; a port of 0 means a free one.
     *
     * @param dataDir holds {@code kafka/} (the single broker's log dir) or {@code kafka-<brokers>/node-<id>/} (a
     *     cluster's), and {@code mongo/} (the MVStore file)
     * @param fresh delete the data of all servers before starting
     * @param brokers Kafka nodes, 1 to {@link KafkaCluster#MAX_BROKERS}: 3 for a cluster that survives one down
     * @param kafkaPort client port of broker 1; broker {@code i} listens on {@code kafkaPort + 2(i-1)}
     * @param kafkaControllerPort controller port of node 1; node {@code i}'s is {@code kafkaControllerPort + 2(i-1)}
     */
    public record Settings(
            Path dataDir,
            boolean fresh,
            int brokers,
            int kafkaPort,
            int kafkaControllerPort,
            int mongoPort,
            boolean brokersInChildProcesses) {

        public Settings {
            if (brokers < 1 || brokers > KafkaCluster.MAX_BROKERS) {
                throw new IllegalArgumentException(
                        "brokers must be 1 to " + KafkaCluster.MAX_BROKERS + ", not " + brokers);
            }
        }

        /** In this JVM. */
        public Settings(
                Path dataDir, boolean fresh, int brokers, int kafkaPort, int kafkaControllerPort, int mongoPort) {
            this(dataDir, fresh, brokers, kafkaPort, kafkaControllerPort, mongoPort, false);
        }

        /** One broker. */
        public Settings(Path dataDir, boolean fresh, int kafkaPort, int kafkaControllerPort, int mongoPort) {
            this(dataDir, fresh, 1, kafkaPort, kafkaControllerPort, mongoPort);
        }

        /** The ports of the design (9092, 9093, 27017), one broker and {@code ./data}. */
        public static Settings defaults() {
            return new Settings(Path.of("data"), false, 9092, 9093, 27017);
        }

        /** These settings with {@code brokers} Kafka nodes. */
        public Settings withBrokers(int brokers) {
            return new Settings(
                    dataDir, fresh, brokers, kafkaPort, kafkaControllerPort, mongoPort, brokersInChildProcesses);
        }

        /**
         * These settings with each broker in a JVM of its own, so that a fault test can {@code kill -9} one
         * ({@link KafkaBroker#kill()}); the stack's JVM starts, stops and kills them.
         */
        public Settings withBrokersInChildProcesses() {
            return new Settings(dataDir, fresh, brokers, kafkaPort, kafkaControllerPort, mongoPort, true);
        }

        /** Free ports, data under {@code dataDir}: for tests. */
        public static Settings freePorts(Path dataDir) {
            return new Settings(dataDir, false, 0, 0, 0);
        }

        /**
         * Reads {@code --data-dir}, {@code --fresh}, {@code --brokers}, {@code --kafka-port},
         * {@code --kafka-controller-port} and {@code --mongo-port}; each falls back to an environment variable
         * ({@code LOCAL_STACK_DATA_DIR}, {@code LOCAL_STACK_FRESH}, {@code LOCAL_STACK_BROKERS},
         * {@code LOCAL_STACK_KAFKA_PORT}, {@code LOCAL_STACK_KAFKA_CONTROLLER_PORT}, {@code LOCAL_STACK_MONGO_PORT})
         * and then to {@link #defaults()}.
         */
        public static Settings parse(String[] args, Map<String, String> env) {
            Settings defaults = defaults();
            String dataDir = env.getOrDefault("LOCAL_STACK_DATA_DIR", defaults.dataDir.toString());
            boolean fresh = Boolean.parseBoolean(env.getOrDefault("LOCAL_STACK_FRESH", "false"));
            String brokers = env.getOrDefault("LOCAL_STACK_BROKERS", String.valueOf(defaults.brokers));
            String kafkaPort = env.getOrDefault("LOCAL_STACK_KAFKA_PORT", String.valueOf(defaults.kafkaPort));
            String controllerPort =
                    env.getOrDefault("LOCAL_STACK_KAFKA_CONTROLLER_PORT", String.valueOf(defaults.kafkaControllerPort));
            String mongoPort = env.getOrDefault("LOCAL_STACK_MONGO_PORT", String.valueOf(defaults.mongoPort));
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--fresh")) {
                    fresh = true;
                    continue;
                }
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("missing value for " + name);
                }
                switch (name) {
                    case "--data-dir" -> dataDir = value;
                    case "--brokers" -> brokers = value;
                    case "--kafka-port" -> kafkaPort = value;
                    case "--kafka-controller-port" -> controllerPort = value;
                    case "--mongo-port" -> mongoPort = value;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            return new Settings(
                    Path.of(dataDir), fresh, brokers(brokers), port(kafkaPort), port(controllerPort), port(mongoPort));
        }

        private static int brokers(String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number of brokers: " + value, e);
            }
        }

        private static int port(String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("not a port: " + value);
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a port: " + value, e);
            }
        }
    }

    /**
     * Starts MongoDB-wire server and brokers, creates missing topics (replicated on up to three brokers), and
     * returns once all accept clients.
     */
    public static LocalStack start(Settings settings) {
        long startedAt = System.nanoTime();
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        Path mongoDir = dataDir.resolve("mongo");
        if (settings.fresh()) {
            // Only the directories this stack owns: a wrong --data-dir must not wipe anything else.
            for (int brokers = 1; brokers <= KafkaCluster.MAX_BROKERS; brokers++) {
                DataDirs.deleteRecursively(kafkaDir(dataDir, brokers));
            }
            DataDirs.deleteRecursively(mongoDir);
        }
        MongoWireServer mongo = new MongoWireServer(mongoDir.resolve("minxin.mv.db"), settings.mongoPort());
        KafkaCluster kafka = new KafkaCluster(
                kafkaDir(dataDir, settings.brokers()),
                settings.brokers(),
                settings.kafkaPort(),
                settings.kafkaControllerPort(),
                settings.brokersInChildProcesses());
        LocalStack stack = new LocalStack(dataDir, kafka, mongo);
        try {
            mongo.start();
            kafka.start();
            TopicSetup.ensureTopics(kafka.bootstrapServers(), kafka.size());
            // A logger of its own, not a static one: main() chooses the logging configuration before any exists.
            LoggerFactory.getLogger(LocalStack.class)
                    .info(
                            "local-stack started in {} ms with {} Kafka broker(s)",
                            (System.nanoTime() - startedAt) / 1_000_000,
                            kafka.size());
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Each shape of the cluster has its own directory (the quorum's voters are fixed when a node is formatted):
     * {@code kafka/} for one broker, as always, {@code kafka-3/} for three.
     */
    private static Path kafkaDir(Path dataDir, int brokers) {
        return dataDir.resolve(brokers == 1 ? "kafka" : "kafka-" + brokers);
    }

    /** All brokers: {@code kafka().stop()} and {@code start()} take the whole of Kafka down and up again. */
    public KafkaCluster kafka() {
        return kafka;
    }

    /**
     * One broker (1 to the number started), for fault tests: {@code broker(2).stop()} and {@code .start()} take it
     * down and up again on the same ports and log dir while the others serve.
     */
    public KafkaBroker broker(int nodeId) {
        return kafka.broker(nodeId);
    }

    public MongoWireServer mongo() {
        return mongo;
    }

    public LocalStackEndpoints endpoints() {
        return new LocalStackEndpoints(kafka.bootstrapServers(), mongo.connectionString());
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the brokers, then the MongoDB-wire server; all data stays in {@link #dataDir()}. */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            mongo.close();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        // Before the first logger exists: the broker logs a lot at INFO, this config keeps it to warnings.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-local-stack.xml");
        }
        Logger log = LoggerFactory.getLogger(LocalStack.class);
        Settings settings;
        LocalStack stack;
        try {
            settings = Settings.parse(args, System.getenv());
            stack = start(settings);
        } catch (RuntimeException e) {
            log.error("local-stack failed to start", e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("local-stack stopping");
                            stack.close();
                            log.info("local-stack stopped");
                            stopped.countDown();
                        },
                        "local-stack-shutdown"));
        String kafka = stack.kafka().brokers().stream()
                .map(broker -> "localhost:" + broker.port())
                .collect(Collectors.joining(","));
        log.info(READY_FORMAT, kafka, stack.mongo().port());
        stopped.await();
    }
}
