package io.minxin.servicekit.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows one topic with a consumer of its own on a thread of its own: every partition assigned, no consumer group
 * (each instance must see every record; a group would share them out) and no committed offsets. A subclass says where
 * it starts ({@link #positioned}: the end, the beginning) and what a record does ({@link #handle}), and calls
 * {@link #ready()} once it is where requests may rely on it; start-up waits for that up to {@code startWait}, then goes
 * on without it (Kafka not there). When Kafka fails it keeps trying: it takes up its position again.
 */
public abstract class TopicFollower implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    /** How long one poll waits; a record arriving meanwhile ends the poll at once. */
    private static final Duration POLL = Duration.ofMillis(500);

    protected static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final String topic;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Duration startWait;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    protected TopicFollower(String topic, Supplier<Consumer<String, byte[]>> consumers, Duration startWait) {
        this.topic = topic;
        this.consumers = consumers;
        this.startWait = startWait;
    }

    /** Seeks the newly assigned partitions to where following starts, and calls {@link #ready()} when it can. */
    protected abstract void positioned(Consumer<String, byte[]> consumer, List<TopicPartition> partitions);

    /** What one record does. */
    protected abstract void handle(ConsumerRecord<String, byte[]> record);

    /** After each poll's records are handled (e.g. to see whether the follower has caught up). */
    protected void polled(Consumer<String, byte[]> consumer) {}

    /** The warning when start-up goes on before {@link #ready()}: what is not yet true meanwhile. */
    protected abstract String notReadyMeanwhile();

    /** Marks the follower ready: start-up stops waiting. */
    protected final void ready() {
        ready.countDown();
    }

    /** Whether {@link #ready()} was called. */
    public final boolean isReady() {
        return ready.getCount() == 0;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::follow, topic);
        thread.setDaemon(true);
        thread.start();
        try {
            if (!ready.await(startWait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Not yet following {} after {}: {}", topic, startWait, notReadyMeanwhile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread == null) {
            return;
        }
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server starts taking requests (Boot starts it in a phase just below the default). */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    private void follow() {
        try (Consumer<String, byte[]> following = consumers.get()) {
            consumer = following;
            while (running) {
                try {
                    if (following.assignment().isEmpty() && !takePosition(following)) {
                        Thread.sleep(RETRY.toMillis());
                        continue;
                    }
                    for (ConsumerRecord<String, byte[]> record : following.poll(POLL)) {
                        handle(record);
                    }
                    polled(following);
                } catch (WakeupException e) {
                    // stop() woke the poll; the loop ends as running is false
                } catch (KafkaException e) {
                    log.warn("Following {} failed, taking up position again: {}", topic, e.toString());
                    following.unsubscribe();
                    Thread.sleep(RETRY.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Stopped following {}", topic, e);
        }
    }

    /** Assigns every partition and lets the subclass seek; false when the topic cannot be seen yet. */
    private boolean takePosition(Consumer<String, byte[]> following) {
        List<PartitionInfo> partitions = following.partitionsFor(topic, RETRY);
        if (partitions == null || partitions.isEmpty()) {
            log.warn("Topic {} not found; looking again in {}", topic, RETRY);
            return false;
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                .toList();
        following.assign(assigned);
        positioned(following, assigned);
        return true;
    }
}
