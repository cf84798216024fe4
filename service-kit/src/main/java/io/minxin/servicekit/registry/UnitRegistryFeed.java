package io.minxin.servicekit.registry;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventFormatException;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import io.minxin.events.UnitRegistered;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Reads every unit registration of topic {@code unit-activity} into this instance's {@link UnitRegistry}, from the
 * beginning and then as they come. A consumer of its own on a thread of its own: every partition assigned, no consumer
 * group (each instance needs the whole directory) and no committed offsets; the topic's log-ins are read and passed
 * over. Start-up waits (up to {@code startWait}) until the directory holds everything the topic held when it started,
 * so that a reader divided by jurisdiction does not answer from half a directory; when Kafka is not there it goes on
 * without it and keeps trying.
 */
public final class UnitRegistryFeed implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(UnitRegistryFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final UnitRegistry registry;
    private final Duration startWait;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Map<TopicPartition, Long> endsAtStart = Map.of();
    private Thread thread;

    public UnitRegistryFeed(Supplier<Consumer<String, byte[]>> consumers, UnitRegistry registry, Duration startWait) {
        this.consumers = consumers;
        this.registry = registry;
        this.startWait = startWait;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::follow, "unit-registry");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!caughtUp.await(startWait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn(
                        "The unit directory has not read {} to its end after {}: until it has, a unit registered"
                                + " there may be taken for one of no jurisdiction",
                        Topics.UNIT_ACTIVITY,
                        startWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the directory holds every registration the topic held when the feed started. */
    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
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
                        read(record);
                    }
                    if (!caughtUp()) {
                        checkCaughtUp(following);
                    }
                } catch (WakeupException e) {
                    // stop() woke the poll; the loop ends as running is false
                } catch (KafkaException e) {
                    // the directory keeps what it read; reading from the beginning again repeats only registrations
                    log.warn("Reading {} failed, starting again: {}", Topics.UNIT_ACTIVITY, e.toString());
                    following.unsubscribe();
                    Thread.sleep(RETRY.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Stopped reading {}", Topics.UNIT_ACTIVITY, e);
        }
    }

    private boolean takePosition(Consumer<String, byte[]> following) {
        List<PartitionInfo> partitions = following.partitionsFor(Topics.UNIT_ACTIVITY, RETRY);
        if (partitions == null || partitions.isEmpty()) {
            log.warn("Topic {} not found; looking again in {}", Topics.UNIT_ACTIVITY, RETRY);
            return false;
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                .toList();
        following.assign(assigned);
        following.seekToBeginning(assigned);
        if (!caughtUp()) {
            endsAtStart = new HashMap<>(following.endOffsets(assigned, RETRY));
            checkCaughtUp(following);
        }
        return true;
    }

    private void checkCaughtUp(Consumer<String, byte[]> following) {
        for (Map.Entry<TopicPartition, Long> end : endsAtStart.entrySet()) {
            if (following.position(end.getKey()) < end.getValue()) {
                return;
            }
        }
        caughtUp.countDown();
        log.info(
                "Unit directory read {} to its end: {} units registered in {} jurisdictions",
                Topics.UNIT_ACTIVITY,
                registry.units(),
                registry.jurisdictions(Instant.MAX).size());
    }

    private void read(ConsumerRecord<String, byte[]> record) {
        CaseEvent event;
        try {
            event = EventJson.fromBytes(record.value());
        } catch (EventFormatException e) {
            log.warn(
                    "Skipping {} record at {}-{}@{}: {}",
                    Topics.UNIT_ACTIVITY,
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            return;
        }
        if (event.data() instanceof UnitRegistered registration) {
            try {
                registry.register(registration);
            } catch (NullPointerException e) {
                log.warn("Skipping registration {} without {}", event.id(), e.getMessage());
            }
        }
    }
}
