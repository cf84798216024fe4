package io.minxin.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import kafka.server.BrokerServer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka node, in-process, in KRaft combined mode (broker and controller): on its own a single-node
 * cluster, or one of the nodes of a {@link KafkaCluster}, each of which is a voter of the cluster's controller
 * quorum.
 *
 * <p>The log directory is formatted on first start only, so a restart on the same directory keeps every topic
 * and record. Ports given as 0 are picked once, at construction, and kept across {@link #stop()} and
 * {@link #start()} so clients can reconnect after a simulated outage.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final int SINGLE_NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    /** The cluster id a formatted log dir keeps in {@code meta.properties}. */
    private static final String CLUSTER_ID_PROPERTY = "cluster.id";
    /**
     * How long a node may wait at start for the controller quorum: a node whose peers cannot start fails instead of
     * waiting forever, as Kafka's default would.
     */
    private static final String MAX_STARTUP = String.valueOf(120_000);
    /** How long a broker's controlled shutdown may wait for the controller quorum (Kafka's own: 5 minutes). */
    private static final Duration CONTROLLED_SHUTDOWN = Duration.ofSeconds(30);

    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** With {@link Security}: the clients' listener (SCRAM-SHA-512) and the broker's own and admin's (PLAIN). */
    private static final String CLIENT_LISTENER = "CLIENT";

    private static final String BROKER_LISTENER = "BROKER";
    private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule";
    private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final Security security;
    private final int brokerPort;
    private final Membership membership;
    /** Set when this node runs in a JVM of its own ({@link KafkaCluster} with child processes); else null. */
    private final KafkaNodeProcess child;

    private KafkaRaftServer server;

    /**
     * A node's place in its cluster.
     *
     * @param nodeId this node's id, 1 to {@code brokers}
     * @param voters the controller quorum, {@code id@host:port,...} ({@code controller.quorum.voters})
     * @param brokers how many nodes the cluster has: sets the replication of the internal topics
     * @param clusterId written to the log dir when it is formatted; a formatted dir keeps its own
     */
    record Membership(int nodeId, String voters, int brokers, String clusterId) {}

    /**
     * The broker as compose and k8s run it, to prove the ACLs of {@link KafkaAccess} on a real broker: clients
     * authenticate with SCRAM-SHA-512 on the client port (their credentials created by {@link CreateTopics}); the
     * broker itself ({@code User:kafka}) and the setup job ({@code User:admin}, see {@link #adminBootstrapServers()})
     * with PLAIN on a listener of their own; the StandardAuthorizer denies whatever no ACL allows, except to those two
     * super users. Without it (run.sh, the tests) everything is PLAINTEXT and allowed, on loopback only.
     *
     * @param brokerPassword of {@code User:kafka}, for the controller and the inter-broker listener
     * @param adminPassword of {@code User:admin}
     */
    public record Security(String brokerPassword, String adminPassword) {
        public static final String BROKER_USER = "kafka";
        public static final String ADMIN_USER = "admin";

        /** Without the passwords. */
        @Override
        public String toString() {
            return "Security[users=" + BROKER_USER + "," + ADMIN_USER + "]";
        }
    }

    /**
     * @param logDir where the broker keeps its data; created when missing
     * @param port client (PLAINTEXT) port, 0 for a free one
     * @param controllerPort KRaft controller port, 0 for a free one
     */
    public KafkaBroker(Path logDir, int port, int controllerPort) {
        this(logDir, port, controllerPort, (Security) null);
    }

    /**
     * @param security null for PLAINTEXT without authorization; else SASL and ACLs, the admin listener on a free port
     */
    public KafkaBroker(Path logDir, int port, int controllerPort, Security security) {
        this(logDir, FreePorts.resolve(port, controllerPort, security == null ? -1 : 0), security, null);
    }

    /** A node of a {@link KafkaCluster}, PLAINTEXT, on ports already picked, in this JVM. */
    KafkaBroker(Path logDir, int port, int controllerPort, Membership membership) {
        this(logDir, new int[] {port, controllerPort, -1}, null, membership, false);
    }

    /** A node of a {@link KafkaCluster}, PLAINTEXT, on ports already picked; in a JVM of its own if asked. */
    KafkaBroker(Path logDir, int port, int controllerPort, Membership membership, boolean childProcess) {
        this(logDir, new int[] {port, controllerPort, -1}, null, membership, childProcess);
    }

    private KafkaBroker(Path logDir, int[] ports, Security security, Membership membership) {
        this(logDir, ports, security, membership, false);
    }

    /** @param ports client, controller and admin port (the admin listener only with Security; -1: none) */
    private KafkaBroker(Path logDir, int[] ports, Security security, Membership membership, boolean childProcess) {
        this.logDir = logDir.toAbsolutePath().normalize();
        this.port = ports[0];
        this.controllerPort = ports[1];
        this.security = security;
        this.brokerPort = ports[2];
        this.membership = membership != null
                ? membership
                : new Membership(
                        SINGLE_NODE_ID,
                        SINGLE_NODE_ID + "@" + HOST + ":" + controllerPort,
                        1,
                        Uuid.randomUuid().toString());
        this.child = childProcess ? new KafkaNodeProcess(this.logDir, port, controllerPort, this.membership) : null;
    }

    /** Starts the broker and returns once it accepts clients; does nothing when already running. */
    public synchronized KafkaBroker start() {
        if (child != null) {
            child.start();
            return this;
        }
        if (server != null) {
            return this;
        }
        KafkaConfig config = new KafkaConfig(settings(), false);
        formatOnFirstStart(config);
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            // Returns after the broker has registered with its controller and been unfenced.
            starting.startup();
        } catch (RuntimeException e) {
            starting.shutdown();
            starting.awaitShutdown();
            throw e;
        }
        server = starting;
        log.info("Kafka broker {} up on {} (data in {})", membership.nodeId(), bootstrapServers(), logDir);
        return this;
    }

    /** Shuts the broker down cleanly and waits for it; the data and ports stay for a later {@link #start()}. */
    public synchronized void stop() {
        if (child != null) {
            child.stop();
            return;
        }
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        log.info("Kafka broker {} on port {} stopped", membership.nodeId(), port);
    }

    /**
     * Shuts down the broker role only (its controlled shutdown: the controller moves its partitions' leadership
     * away), leaving this node's controller in the quorum; {@link #stop()} then stops the rest. A cluster stops all
     * its brokers so before any controller, else the last broker's controlled shutdown finds no quorum to grant it.
     */
    synchronized void stopBrokerRole() {
        if (child != null) {
            // the whole child, while the other nodes' controllers still grant its controlled shutdown
            child.stop();
            return;
        }
        if (server == null) {
            return;
        }
        BrokerServer broker = brokerRole(server);
        broker.shutdown(CONTROLLED_SHUTDOWN);
        broker.awaitShutdown();
    }

    /**
     * {@link KafkaRaftServer} keeps its two roles private and shuts down both; only its broker role is wanted here.
     * A second {@code shutdown()} of the broker, from the server's, does nothing.
     */
    private static BrokerServer brokerRole(KafkaRaftServer server) {
        try {
            Field broker = KafkaRaftServer.class.getDeclaredField("broker");
            broker.setAccessible(true);
            scala.Option<?> role = (scala.Option<?>) broker.get(server);
            if (role.isEmpty()) {
                throw new IllegalStateException("a combined node without a broker role");
            }
            return (BrokerServer) role.get();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Kafka's KafkaRaftServer has no broker role field", e);
        }
    }

    public synchronized boolean isRunning() {
        return child != null ? child.isRunning() : server != null;
    }

    /** Whether this node runs in a JVM of its own, so that {@link #kill()} can stop it as a crash does. */
    public boolean inChildProcess() {
        return child != null;
    }

    /**
     * {@code kill -9} of the node's own JVM: nothing flushed, no leadership handed over; {@link #start()} brings it back
     * on the same log dir and ports.
     *
     * @throws UnsupportedOperationException for a node in this JVM, which only {@link #stop()} can take down
     */
    public void kill() {
        if (child == null) {
            throw new UnsupportedOperationException("a node in this JVM cannot be killed; stop() it");
        }
        child.kill();
    }

    /** {@code 127.0.0.1:port}, for clients in this JVM and on this machine. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** This node's {@code node.id}: the broker id clients see in leaders and in-sync replicas. */
    public int nodeId() {
        return membership.nodeId();
    }

    /** With {@link Security}: the listener of the broker itself and of {@code User:admin} (SASL PLAIN). */
    public String adminBootstrapServers() {
        if (security == null) {
            throw new IllegalStateException("a broker without Security has no admin listener");
        }
        return HOST + ":" + brokerPort;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        stop();
    }

    private Map<String, String> settings() {
        // Strings throughout: the broker parses them by each setting's type (short, int, long, ...).
        Map<String, String> settings = new HashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", String.valueOf(membership.nodeId()));
        settings.put("controller.quorum.voters", membership.voters());
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        if (security == null) {
            settings.put(
                    "listeners",
                    "PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
                            + controllerPort);
            settings.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
            settings.put("inter.broker.listener.name", "PLAINTEXT");
            settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        } else {
            settings.putAll(securitySettings());
        }
        settings.put("log.dirs", logDir.toString());
        // The internal topics replicated as TopicSetup replicates Minxin's: on one node a single replica (and
        // transactions must work on it), on three every partition on all three and two of them in sync.
        short replicationFactor = TopicSetup.replicationFactor(membership.brokers());
        String replicas = String.valueOf(replicationFactor);
        String minInSync = String.valueOf(TopicSetup.minInSyncReplicas(replicationFactor));
        settings.put("offsets.topic.replication.factor", replicas);
        settings.put("transaction.state.log.replication.factor", replicas);
        settings.put("transaction.state.log.min.isr", minInSync);
        settings.put("share.coordinator.state.topic.replication.factor", replicas);
        settings.put("share.coordinator.state.topic.min.isr", minInSync);
        settings.put("default.replication.factor", replicas);
        settings.put("min.insync.replicas", minInSync);
        settings.put("server.max.startup.time.ms", MAX_STARTUP);
        // Fewer internal partitions: faster first group join and startup on a small machine.
        settings.put("offsets.topic.num.partitions", "10");
        settings.put("transaction.state.log.num.partitions", "10");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created on purpose (TopicSetup, Streams internals), never by a typo.
        settings.put("auto.create.topics.enable", "false");
        // The default 128 MiB compaction buffer is far more than a local stack needs.
        settings.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        settings.put("num.network.threads", "2");
        settings.put("num.io.threads", "4");
        return settings;
    }

    /** The listeners and authorizer of compose's broker (docker-compose.yml), on loopback. */
    private Map<String, String> securitySettings() {
        Map<String, String> settings = new HashMap<>();
        String client = CLIENT_LISTENER.toLowerCase(Locale.ROOT);
        String broker = BROKER_LISTENER.toLowerCase(Locale.ROOT);
        String controller = CONTROLLER_LISTENER.toLowerCase(Locale.ROOT);
        settings.put(
                "listeners",
                CLIENT_LISTENER + "://" + HOST + ":" + port + "," + BROKER_LISTENER + "://" + HOST + ":" + brokerPort
                        + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        settings.put(
                "advertised.listeners",
                CLIENT_LISTENER + "://" + HOST + ":" + port + "," + BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        settings.put(
                "listener.security.protocol.map",
                CLIENT_LISTENER + ":SASL_PLAINTEXT," + BROKER_LISTENER + ":SASL_PLAINTEXT," + CONTROLLER_LISTENER
                        + ":SASL_PLAINTEXT");
        settings.put("inter.broker.listener.name", BROKER_LISTENER);
        settings.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        settings.put("sasl.mechanism.controller.protocol", "PLAIN");
        settings.put("listener.name." + client + ".sasl.enabled.mechanisms", "SCRAM-SHA-512");
        settings.put("listener.name." + client + ".scram-sha-512.sasl.jaas.config", SCRAM_LOGIN + " required;");
        String brokerPassword = quoted(security.brokerPassword());
        settings.put("listener.name." + broker + ".sasl.enabled.mechanisms", "PLAIN");
        settings.put(
                "listener.name." + broker + ".plain.sasl.jaas.config",
                PLAIN_LOGIN + " required username=\"" + Security.BROKER_USER + "\" password=" + brokerPassword
                        + " user_" + Security.BROKER_USER + "=" + brokerPassword + " user_" + Security.ADMIN_USER + "="
                        + quoted(security.adminPassword()) + ";");
        settings.put("listener.name." + controller + ".sasl.enabled.mechanisms", "PLAIN");
        settings.put(
                "listener.name." + controller + ".plain.sasl.jaas.config",
                PLAIN_LOGIN + " required username=\"" + Security.BROKER_USER + "\" password=" + brokerPassword
                        + " user_" + Security.BROKER_USER + "=" + brokerPassword + ";");
        settings.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        settings.put("allow.everyone.if.no.acl.found", "false");
        settings.put("super.users", "User:" + Security.BROKER_USER + ";User:" + Security.ADMIN_USER);
        return settings;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void formatOnFirstStart(KafkaConfig config) {
        if (Files.exists(logDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setNodeId(membership.nodeId())
                    .setClusterId(membership.clusterId())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDir.toString())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka log dir " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("formatting Kafka log dir " + logDir + " failed: " + output, e);
        }
        log.info("Formatted new Kafka log dir {}", logDir);
    }

    /** The cluster id of a formatted log dir, empty when {@code logDir} was never formatted. */
    static Optional<String> formattedClusterId(Path logDir) {
        Path meta = logDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME);
        if (!Files.exists(meta)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meta, e);
        }
        return Optional.ofNullable(properties.getProperty(CLUSTER_ID_PROPERTY));
    }
}
