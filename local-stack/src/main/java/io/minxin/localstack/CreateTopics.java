package io.minxin.localstack;

import io.minxin.events.Topics;
import io.minxin.servicekit.SettingNames;
import io.minxin.servicekit.kafka.KafkaClientSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.ResourcePatternFilter;

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
 *   <li>{@code MINXIN_KAFKA_SECURITY_PROTOCOL}, {@code MINXIN_KAFKA_SASL_MECHANISM}, {@code MINXIN_KAFKA_USERNAME},
 *       {@code MINXIN_KAFKA_PASSWORD}: how it authenticates, as in every service ({@link KafkaClientSettings}); a
 *       super user of the cluster. With a {@code SASL_…} protocol it also makes each principal of
 *       {@link KafkaAccess} exist with the password {@code MINXIN_KAFKA_USERS_<PRINCIPAL>_PASSWORD} (e.g.
 *       {@code MINXIN_KAFKA_USERS_INTAKE_SERVICE_PASSWORD}; every one required; SCRAM-SHA-512, set again on every
 *       run, which is how a password is changed) and gives each exactly the ACLs of the table: missing ones are
 *       created, any other ACL of these principals is deleted
 * </ul>
 *
 * <p>Exits 0 when every topic exists afterwards; 1 with the reason when Kafka refused or could not be reached
 * (the admin client gives up after a minute) or a topic is still missing; 2 when the settings are wrong.
 */
public final class CreateTopics {
    static final String BOOTSTRAP = "MINXIN_KAFKA_BOOTSTRAP";
    static final String OLD_BOOTSTRAP = "KAFKA_BOOTSTRAP";
    static final String REPLICATION_FACTOR = "MINXIN_TOPIC_REPLICATION_FACTOR";
    static final String SECURITY_PROTOCOL = "MINXIN_KAFKA_SECURITY_PROTOCOL";
    static final String SASL_MECHANISM = "MINXIN_KAFKA_SASL_MECHANISM";
    static final String USERNAME = "MINXIN_KAFKA_USERNAME";
    static final String PASSWORD = "MINXIN_KAFKA_PASSWORD";
    /** Kafka's default, and what kafka-configs uses. */
    private static final int SCRAM_ITERATIONS = 8192;

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

        KafkaClientSettings security = new KafkaClientSettings(
                bootstrap,
                env.getOrDefault(SECURITY_PROTOCOL, "PLAINTEXT"),
                env.getOrDefault(SASL_MECHANISM, "SCRAM-SHA-512"),
                env.get(USERNAME),
                env.get(PASSWORD));
        Map<String, Object> adminConfig = new HashMap<>();
        Map<String, String> passwords;
        try {
            adminConfig.putAll(security.securityProperties());
            passwords = security.authenticates() ? principalPasswords(env) : Map.of();
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            return WRONG_SETTINGS;
        }

        List<Topics.Spec> specs = Topics.all();
        out.println(
                NAME + ": " + specs.size() + " topics on " + bootstrap + ", replication factor " + replicationFactor);
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, NAME);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) kafkaTimeout.toMillis());
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) kafkaTimeout.toMillis());
        try (Admin admin = Admin.create(adminConfig)) {
            TopicSetup.ensureTopics(admin, specs, replicationFactor);
            int checked = check(admin, specs, replicationFactor, kafkaTimeout, out, err);
            if (checked != OK || !security.authenticates()) {
                return checked;
            }
            ensurePrincipals(admin, passwords, out);
            ensureAcls(admin, out);
            return OK;
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

    private static List<String> missing(Admin admin, List<Topics.Spec> specs)
            throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        return specs.stream()
                .map(Topics.Spec::name)
                .filter(name -> !existing.contains(name))
                .toList();
    }

    /**
     * Every topic of {@code specs} is listed. A topic that existed with other partitions or fewer replicas than
     * asked is reported, not changed.
     */
    private static int check(
            Admin admin,
            List<Topics.Spec> specs,
            short replicationFactor,
            Duration timeout,
            PrintStream out,
            PrintStream err)
            throws InterruptedException, ExecutionException {
        // a broker lists topics from its metadata cache, which follows the controller's log a moment after a create
        // returns: wait for it (within the Kafka timeout) rather than report topics just created as missing
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> missing = missing(admin, specs);
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            missing = missing(admin, specs);
        }
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

    /** The password of each principal of {@link KafkaAccess}, each from its variable; all required. */
    static Map<String, String> principalPasswords(Map<String, String> env) {
        Map<String, String> passwords = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (KafkaAccess.Principal principal : KafkaAccess.principals()) {
            String variable = passwordVariable(principal.name());
            String password = blankToNull(env.get(variable));
            if (password == null) {
                missing.add(variable);
            } else {
                passwords.put(principal.name(), password);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("set the password of every service's Kafka principal: " + missing);
        }
        return passwords;
    }

    /** {@code MINXIN_KAFKA_USERS_<PRINCIPAL>_PASSWORD}, e.g. {@code MINXIN_KAFKA_USERS_INTAKE_SERVICE_PASSWORD}. */
    static String passwordVariable(String principal) {
        return SettingNames.environmentVariable("minxin.kafka.users." + principal + ".password");
    }

    /** Sets each principal's SCRAM-SHA-512 credential (creating the user, or changing its password). */
    private static void ensurePrincipals(Admin admin, Map<String, String> passwords, PrintStream out)
            throws InterruptedException, ExecutionException {
        List<UserScramCredentialAlteration> upserts = passwords.entrySet().stream()
                .map(entry -> (UserScramCredentialAlteration) new UserScramCredentialUpsertion(
                        entry.getKey(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                        entry.getValue()))
                .toList();
        admin.alterUserScramCredentials(upserts).all().get();
        out.println(NAME + ": SCRAM-SHA-512 credentials set for " + passwords.keySet());
    }

    /** Creates the ACLs of {@link KafkaAccess} that are missing and deletes any other ACL of its principals. */
    private static void ensureAcls(Admin admin, PrintStream out) throws InterruptedException, ExecutionException {
        List<AclBinding> wanted = KafkaAccess.acls();
        admin.createAcls(wanted).all().get();
        int deleted = 0;
        for (KafkaAccess.Principal principal : KafkaAccess.principals()) {
            AclBindingFilter ofPrincipal = new AclBindingFilter(
                    ResourcePatternFilter.ANY,
                    new AccessControlEntryFilter(
                            "User:" + principal.name(), null, AclOperation.ANY, AclPermissionType.ANY));
            List<AclBindingFilter> stale = admin.describeAcls(ofPrincipal).values().get().stream()
                    .filter(binding -> !wanted.contains(binding))
                    .map(AclBinding::toFilter)
                    .toList();
            if (!stale.isEmpty()) {
                deleted += admin.deleteAcls(stale).all().get().size();
            }
        }
        out.println(NAME + ": " + wanted.size() + " ACLs for "
                + KafkaAccess.principals().size() + " principals"
                + (deleted == 0 ? "" : ", " + deleted + " others of theirs deleted"));
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
