package io.minxin.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node of a {@link KafkaCluster} in a JVM of its own, so that a fault test can {@code kill -9} it: no shutdown, no
 * flush, its log truncated to what reached the disk when it starts again, as a crashed broker's is. The child runs
 * the same {@link KafkaBroker} (its {@link #main}), on the ports, log dir and place in the quorum the cluster gave it.
 *
 * <p>Its output goes to {@code node-<id>.log} beside the log dir; it is ready once that file has the line
 * {@link #READY}. A {@code SIGTERM} ({@link #stop()}) shuts it down cleanly through its shutdown hook.
 */
final class KafkaNodeProcess {
    private static final Logger log = LoggerFactory.getLogger(KafkaNodeProcess.class);
    static final String READY = "KAFKA_NODE_READY";
    /** As long as an in-process start may take (server.max.startup.time.ms), plus the JVM's own start. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String HEAP = "-Xmx512m";

    private final Path logDir;
    private final int nodeId;
    private final List<String> arguments;
    private final Path output;
    private Process process;

    KafkaNodeProcess(Path logDir, int port, int controllerPort, KafkaBroker.Membership membership) {
        this.logDir = logDir;
        this.nodeId = membership.nodeId();
        this.arguments = List.of(
                logDir.toString(),
                String.valueOf(port),
                String.valueOf(controllerPort),
                String.valueOf(membership.nodeId()),
                membership.voters(),
                String.valueOf(membership.brokers()),
                membership.clusterId());
        this.output = logDir.resolveSibling("node-" + membership.nodeId() + ".log");
    }

    /** Starts the child and returns once its broker accepts clients; does nothing when it runs. */
    synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(logDir.getParent());
            long from = Files.exists(output) ? Files.size(output) : 0;
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new ArrayList<>(List.of(
                    java.toString(),
                    HEAP,
                    // the broker logs a lot at INFO; LocalStack.main's configuration keeps it to warnings
                    "-Dlogback.configurationFile=logback-local-stack.xml",
                    "-cp",
                    System.getProperty("java.class.path"),
                    KafkaNodeProcess.class.getName()));
            command.addAll(arguments);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .start();
            awaitReady(from);
            log.info("Kafka node {} up in process {} (output in {})", nodeId, process.pid(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a Kafka node process; see " + output, e);
        }
    }

    /** {@code SIGTERM}: the node shuts down cleanly (controlled shutdown), as {@link KafkaBroker#stop()} does. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Kafka node {} did not stop within {}; killed", nodeId, STOP_TIMEOUT);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** {@code kill -9}: gone at once, nothing flushed or handed over. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Kafka node {} killed (kill -9)", nodeId);
        process = null;
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    private void awaitReady(long from) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                // waiting on the child doubles as the pause between looks at its output
                if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("Kafka node " + nodeId + " exited with " + process.exitValue()
                            + " while starting; see " + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting a Kafka node", e);
            }
            if (readySince(from)) {
                return;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(
                "Kafka node " + nodeId + " not ready within " + START_TIMEOUT + "; see " + output);
    }

    /** Reads only what the child wrote since it was started: the file keeps every earlier start's output too. */
    private boolean readySince(long from) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(output)) {
            if (channel.size() <= from) {
                return false;
            }
            channel.position(from);
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8).contains(READY);
        }
    }

    /**
     * The child: {@code logDir port controllerPort nodeId voters brokers clusterId}. Runs until {@code SIGTERM} (clean
     * stop) or {@code SIGKILL}.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 7) {
            throw new IllegalArgumentException("usage: logDir port controllerPort nodeId voters brokers clusterId");
        }
        KafkaBroker broker = new KafkaBroker(
                Path.of(args[0]),
                Integer.parseInt(args[1]),
                Integer.parseInt(args[2]),
                new KafkaBroker.Membership(Integer.parseInt(args[3]), args[4], Integer.parseInt(args[5]), args[6]));
        // a node outlives no test: when the JVM that started it is gone (even by kill -9), it stops too
        ProcessHandle.current()
                .parent()
                .ifPresent(parent ->
                        parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
        broker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-node-stop"));
        log.info("{} {}", READY, args[3]);
        new CountDownLatch(1).await();
    }
}
