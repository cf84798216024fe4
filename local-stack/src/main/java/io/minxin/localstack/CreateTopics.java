package io.minxin.localstack;

import io.minxin.events.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * The one-shot command that creates Minxin's topics ({@link Topics#all()}, through {@link TopicSetup}) on a Kafka
 * cluster: the {@code topics} service of docker-compose.yml and the {@code minxin-topics} Job of deploy/k8s.
 * Topics that exist are left as they are, so it can run on every start.
 *
 * <p>{@code java -cp "local-stack.jar:lib/*" io.minxin.localstack.CreateTopics}, configured by environment:
 *
 * <ul>
 *   <li>{@code MINXIN_KAFKA_BOOTSTRAP}: the bootstrap servers (required; the services' old name
 *       {@code KAFKA_BOOTSTRAP} is still read, with a warning)
 *   <li>{@code MINXIN_TOPIC_REPLICATION_FACTOR}: replicas of each partition (default 1; 3 on a three-broker
 *       cluster)
 * </ul>
 *
 * <p>Exits 0 when every topic exists afterwards; 1 with the reason when Kafka refused or could not be reached
 * (the admin client gives up after a minute) or a topic is still missing; 2 when the settings are wrong.
 */
public final class CreateTopics {
    static final String BOOTSTRAP = "MINXIN_KAFKA_BOOTSTRAP";
    static final String OLD_BOOTSTRAP = "KAFKA_BOOTSTRAP";
    static final String REPLICATION_FACTOR = "MINXIN_TOPIC_REPLICATION_FACTOR";

    static final int OK = 0;
    static final int FAILED = 1;
    static final int WRONG_SETTINGS = 2;

    /** How long each call to Kafka may take, connecting included; the admin client's default. */
    static final Duration KAFKA_TIMEOUT = Duration.ofMinutes(1);

    private static final String NAME = "create-topics";

    public static void main(String[] args) {
        // Before the first logger exists: the admin client logs its whole configuration at INFO.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-local-stack.xml");
        }
        System.exit(run(System.getenv(), System.out, System.err));
    }

    /** The command without {@link System#exit}: reads {@code env}, returns the exit code. */
    static int run(Map<String, String> env, PrintStream out, PrintStream err) {
        return run(env, KAFKA_TIMEOUT, out, err);
    }

    static int run(Map<String, String> env, Duration kafkaTimeout, PrintStream out, PrintStream err) {
        String bootstrap = blankToNull(env.get(BOOTSTRAP));
        if (bootstrap == null) {
            bootstrap = blankToNull(env.get(OLD_BOOTSTRAP));
            if (bootstrap == null) {
                err.println(NAME + ": set " + BOOTSTRAP + " to the Kafka bootstrap servers, e.g. kafka:9092");
                return WRONG_SETTINGS;
            }
            err.println(NAME + ": warning: " + BOOTSTRAP + " is not set; using " + OLD_BOOTSTRAP + "=" + bootstrap
                    + " (the old name, to be removed; set " + BOOTSTRAP + " instead)");
        }
        short replicationFactor;
        try {
            replicationFactor = replicationFactor(env.get(REPLICATION_FACTOR));
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            return WRONG_SETTINGS;
        }

        List<Topics.Spec> specs = Topics.all();
        out.println(
                NAME + ": " + specs.size() + " topics on " + bootstrap + ", replication factor " + replicationFactor);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG,
                NAME,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) kafkaTimeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) kafkaTimeout.toMillis()))) {
            TopicSetup.ensureTopics(admin, specs, replicationFactor);
            return check(admin, specs, replicationFactor, out, err);
        } catch (RuntimeException e) {
            // TopicSetup's IllegalStateException (with Kafka's reason as its cause), or the admin client's own
            err.println(NAME + ": failed: " + describe(e));
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(NAME + ": interrupted");
            return FAILED;
        } catch (ExecutionException e) {
            err.println(NAME + ": failed: cannot describe the topics: " + describe(e.getCause()));
            return FAILED;
        }
    }

    /**
     * Every topic of {@code specs} is listed. A topic that existed with other partitions or fewer replicas than
     * asked is reported, not changed.
     */
    private static int check(
            Admin admin, List<Topics.Spec> specs, short replicationFactor, PrintStream out, PrintStream err)
            throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<String> missing = specs.stream()
                .map(Topics.Spec::name)
                .filter(name -> !existing.contains(name))
                .toList();
        if (!missing.isEmpty()) {
            err.println(NAME + ": failed: topics still missing after creating them: " + missing);
            return FAILED;
        }
        Map<String, TopicDescription> described = admin.describeTopics(
                        specs.stream().map(Topics.Spec::name).toList())
                .allTopicNames()
                .get();
        for (Topics.Spec spec : specs) {
            TopicDescription topic = described.get(spec.name());
            int partitions = topic.partitions().size();
            int replicas = topic.partitions().get(0).replicas().size();
            out.println("  " + spec.name() + ": " + partitions + (partitions == 1 ? " partition" : " partitions")
                    + ", " + replicas + (replicas == 1 ? " replica" : " replicas")
                    + (spec.compacted() ? ", compacted" : "")
                    + (spec.infiniteRetention() ? ", kept forever" : ""));
            if (partitions != spec.partitions()) {
                err.println(NAME + ": warning: " + spec.name() + " has " + partitions + " partitions, Minxin expects "
                        + spec.partitions() + " (it existed before; it was left as it is)");
            }
            if (replicas < replicationFactor) {
                err.println(NAME + ": warning: " + spec.name() + " has " + replicas + " replicas, fewer than the "
                        + replicationFactor + " asked (it existed before; it was left as it is)");
            }
        }
        out.println(NAME + ": all " + specs.size() + " topics exist");
        return OK;
    }

    static short replicationFactor(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return TopicSetup.SINGLE_REPLICA;
        }
        try {
            short factor = Short.parseShort(text.trim());
            if (factor >= 1) {
                return factor;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                REPLICATION_FACTOR + " must be a whole number from 1 to " + Short.MAX_VALUE + ", not '" + value + "'");
    }

    /** The message of {@code e} and of its causes, e.g. "cannot create topic rankings: Replication factor: 3 ...". */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() == null || text.indexOf(cause.getMessage()) >= 0) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(": ");
            }
            text.append(cause.getMessage());
        }
        return text.isEmpty() ? e.getClass().getName() : text.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private CreateTopics() {}
}
