package io.minxin.localstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local infrastructure of Minxin in one process: a real Kafka broker (KRaft) and a MongoDB-wire server,
 * both keeping their data under one directory, with the Minxin topics created.
 *
 * <p>Run it with {@code java -jar local-stack/target/local-stack.jar [--data-dir DIR] [--fresh] [--kafka-port N]
 * [--kafka-controller-port N] [--mongo-port N]}; it stops cleanly on SIGTERM or Ctrl-C.
 */
public final class LocalStack implements AutoCloseable {
    private static final String READY_FORMAT = "local-stack ready kafka=localhost:{} mongodb=mongodb://localhost:{}";

    private final Path dataDir;
    private final KafkaBroker kafka;
    private final MongoWireServer mongo;

    private LocalStack(Path dataDir, KafkaBroker kafka, MongoWireServer mongo) {
        this.dataDir = dataDir;
        this.kafka = kafka;
        this.mongo = mongo;
    }

    /**
     * How to start the stack; a port of 0 means a free one.
     *
     * @param dataDir holds {@code kafka/} (broker log dir) and {@code mongo/} (the MVStore file)
     * @param fresh delete the data of both servers before starting
     */
    public record Settings(Path dataDir, boolean fresh, int kafkaPort, int kafkaControllerPort, int mongoPort) {

        /** The ports of the design (9092, 9093, 27017) and {@code ./data}. */
        public static Settings defaults() {
            return new Settings(Path.of("data"), false, 9092, 9093, 27017);
        }

        /** Free ports, data under {@code dataDir}: for tests. */
        public static Settings freePorts(Path dataDir) {
            return new Settings(dataDir, false, 0, 0, 0);
        }

        /**
         * Reads {@code --data-dir}, {@code --fresh}, {@code --kafka-port}, {@code --kafka-controller-port} and
         * {@code --mongo-port}; each falls back to an environment variable ({@code LOCAL_STACK_DATA_DIR},
         * {@code LOCAL_STACK_FRESH}, {@code LOCAL_STACK_KAFKA_PORT}, {@code LOCAL_STACK_KAFKA_CONTROLLER_PORT},
         * {@code LOCAL_STACK_MONGO_PORT}) and then to {@link #defaults()}.
         */
        public static Settings parse(String[] args, Map<String, String> env) {
            Settings defaults = defaults();
            String dataDir = env.getOrDefault("LOCAL_STACK_DATA_DIR", defaults.dataDir.toString());
            boolean fresh = Boolean.parseBoolean(env.getOrDefault("LOCAL_STACK_FRESH", "false"));
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
                    case "--kafka-port" -> kafkaPort = value;
                    case "--kafka-controller-port" -> controllerPort = value;
                    case "--mongo-port" -> mongoPort = value;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            return new Settings(Path.of(dataDir), fresh, port(kafkaPort), port(controllerPort), port(mongoPort));
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

    /** Starts MongoDB-wire server and broker, creates missing topics, and returns once all accept clients. */
    public static LocalStack start(Settings settings) {
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        Path kafkaDir = dataDir.resolve("kafka");
        Path mongoDir = dataDir.resolve("mongo");
        if (settings.fresh()) {
            // Only the directories this stack owns: a wrong --data-dir must not wipe anything else.
            DataDirs.deleteRecursively(kafkaDir);
            DataDirs.deleteRecursively(mongoDir);
        }
        MongoWireServer mongo = new MongoWireServer(mongoDir.resolve("minxin.mv.db"), settings.mongoPort());
        KafkaBroker kafka = new KafkaBroker(kafkaDir, settings.kafkaPort(), settings.kafkaControllerPort());
        LocalStack stack = new LocalStack(dataDir, kafka, mongo);
        try {
            mongo.start();
            kafka.start();
            TopicSetup.ensureTopics(kafka.bootstrapServers());
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public KafkaBroker kafka() {
        return kafka;
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

    /** Stops the broker, then the MongoDB-wire server; all data stays in {@link #dataDir()}. */
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
        log.info(READY_FORMAT, stack.kafka().port(), stack.mongo().port());
        stopped.await();
    }
}
