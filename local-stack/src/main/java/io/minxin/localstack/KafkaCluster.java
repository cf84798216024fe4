package io.minxin.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * Kafka on this machine: one node, or several nodes forming one cluster, each a {@link KafkaBroker} in KRaft
 * combined mode (broker and controller) with its own ports and log dir, all of them voters of one controller
 * quorum. One node is simply the cluster of size one.
 *
 * <p>Combined mode, not a dedicated controller: the single node stays exactly the node it always was, a cluster
 * needs no fourth server, and three voters keep a majority with any one node down. Two nodes down at once lose
 * the quorum: a fault test stops one at a time.
 *
 * <p>Nodes are numbered from 1 ({@code node.id}). With fixed ports node {@code i} listens on {@code port + 2(i-1)}
 * and its controller on {@code controllerPort + 2(i-1)} (9092/9093, 9094/9095, 9096/9097 for the design's ports);
 * ports given as 0 are picked once, at construction.
 */
public final class KafkaCluster implements AutoCloseable {
    /** More nodes than this do not fit on one machine of a developer or a CI runner. */
    public static final int MAX_BROKERS = 5;

    private final Path dir;
    private final List<KafkaBroker> brokers;

    /**
     * @param dir the log dir of a single node; with several, each node's is {@code dir/node-<id>}
     * @param brokers how many nodes, 1 to {@link #MAX_BROKERS}
     * @param port client port of node 1, 0 for free ones
     * @param controllerPort controller port of node 1, 0 for free ones
     */
    public KafkaCluster(Path dir, int brokers, int port, int controllerPort) {
        this(dir, brokers, port, controllerPort, false);
    }

    /**
     * @param childProcesses run each node in a JVM of its own ({@link KafkaBroker#kill()}: a fault test's {@code
     *     kill -9}) rather than in this one
     */
    public KafkaCluster(Path dir, int brokers, int port, int controllerPort, boolean childProcesses) {
        if (brokers < 1 || brokers > MAX_BROKERS) {
            throw new IllegalArgumentException("brokers must be 1 to " + MAX_BROKERS + ", not " + brokers);
        }
        this.dir = dir.toAbsolutePath().normalize();
        int[] wanted = new int[2 * brokers];
        for (int i = 0; i < brokers; i++) {
            wanted[2 * i] = port == 0 ? 0 : port + 2 * i;
            wanted[2 * i + 1] = controllerPort == 0 ? 0 : controllerPort + 2 * i;
        }
        int[] ports = FreePorts.resolve(wanted);
        List<Path> logDirs = new ArrayList<>();
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < brokers; i++) {
            logDirs.add(brokers == 1 ? this.dir : this.dir.resolve("node-" + (i + 1)));
            voters.add((i + 1) + "@127.0.0.1:" + ports[2 * i + 1]);
        }
        // Every node formatted with one cluster id: the one a node formatted earlier has, or a new one.
        String clusterId = logDirs.stream()
                .map(KafkaBroker::formattedClusterId)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseGet(() -> Uuid.randomUuid().toString());
        List<KafkaBroker> nodes = new ArrayList<>();
        for (int i = 0; i < brokers; i++) {
            KafkaBroker.Membership membership =
                    new KafkaBroker.Membership(i + 1, String.join(",", voters), brokers, clusterId);
            nodes.add(new KafkaBroker(logDirs.get(i), ports[2 * i], ports[2 * i + 1], membership, childProcesses));
        }
        this.brokers = List.copyOf(nodes);
    }

    /**
     * Starts every node that is not running, all at once (a node's start waits for a majority of the quorum), and
     * returns once each accepts clients. When one cannot start, the others are stopped again.
     */
    public KafkaCluster start() {
        try {
            onEveryNode(KafkaBroker::start);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        return this;
    }

    /**
     * Stops every node cleanly: first every broker role at once, while the whole quorum still grants their
     * controlled shutdowns, then every node's controller. Data and ports stay for a later {@link #start()}.
     */
    public void stop() {
        try {
            onEveryNode(KafkaBroker::stopBrokerRole);
        } finally {
            onEveryNode(KafkaBroker::stop);
        }
    }

    /** Node {@code nodeId} (1 to {@link #size()}), to stop and start it alone; its log dir and ports stay. */
    public KafkaBroker broker(int nodeId) {
        if (nodeId < 1 || nodeId > brokers.size()) {
            throw new IllegalArgumentException("no broker " + nodeId + " in a cluster of " + brokers.size());
        }
        return brokers.get(nodeId - 1);
    }

    public List<KafkaBroker> brokers() {
        return brokers;
    }

    public int size() {
        return brokers.size();
    }

    /** Whether every node runs. */
    public boolean isRunning() {
        return brokers.stream().allMatch(KafkaBroker::isRunning);
    }

    /** Every node's {@code 127.0.0.1:port}, comma-separated: a client reaches the cluster while any one is up. */
    public String bootstrapServers() {
        return brokers.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    /** The replicas of each Minxin topic on this cluster ({@link TopicSetup#replicationFactor(int)}). */
    public short replicationFactor() {
        return TopicSetup.replicationFactor(brokers.size());
    }

    /** The log dir of a single node, the parent of the nodes' log dirs in a cluster. */
    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        stop();
    }

    private void onEveryNode(Consumer<KafkaBroker> action) {
        List<CompletableFuture<Void>> running = brokers.stream()
                .map(broker -> CompletableFuture.runAsync(() -> action.accept(broker), KafkaCluster::onOwnThread))
                .toList();
        RuntimeException failure = null;
        for (CompletableFuture<Void> node : running) {
            try {
                node.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** A platform thread per node: starts and stops block for seconds, not work for the common pool. */
    private static void onOwnThread(Runnable task) {
        new Thread(task, "kafka-cluster-node").start();
    }
}
