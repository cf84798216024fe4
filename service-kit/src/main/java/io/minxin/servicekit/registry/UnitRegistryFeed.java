package io.minxin.servicekit.registry;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventFormatException;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import io.minxin.events.UnitRegistered;
import io.minxin.servicekit.kafka.TopicFollower;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every unit registration of topic {@code unit-activity} into this instance's {@link UnitRegistry}, from the
 * beginning and then as they come (the topic's log-ins are read and passed over). Ready, so start-up stops waiting,
 * once it has read everything the topic held when it took up its position: a reader divided by jurisdiction then does
 * not answer from half a directory.
 */
public final class UnitRegistryFeed extends TopicFollower {
    private static final Logger log = LoggerFactory.getLogger(UnitRegistryFeed.class);

    private final UnitRegistry registry;
    private Map<TopicPartition, Long> endsAtStart = Map.of();

    public UnitRegistryFeed(Supplier<Consumer<String, byte[]>> consumers, UnitRegistry registry, Duration startWait) {
        super(Topics.UNIT_ACTIVITY, consumers, startWait);
        this.registry = registry;
    }

    @Override
    protected void positioned(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        // from the beginning every time: the registry keeps what it read, and a repeat changes nothing
        consumer.seekToBeginning(partitions);
        if (!isReady()) {
            endsAtStart = new HashMap<>(consumer.endOffsets(partitions, RETRY));
            polled(consumer);
        }
    }

    @Override
    protected void polled(Consumer<String, byte[]> consumer) {
        if (isReady()) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> end : endsAtStart.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return;
            }
        }
        ready();
        log.info(
                "The unit registry has read {} to its end: {} units registered in {} jurisdictions",
                Topics.UNIT_ACTIVITY,
                registry.units(),
                registry.jurisdictions(Instant.MAX).size());
    }

    @Override
    protected String notReadyMeanwhile() {
        return "until it has read the topic to its end, a unit registered there may be taken for one of no"
                + " jurisdiction";
    }

    @Override
    protected void handle(ConsumerRecord<String, byte[]> record) {
        CaseEvent event;
        try {
            event = EventJson.fromBytes(record.value());
        } catch (EventFormatException e) {
            log.warn(
                    "Skipping {} record at partition {} offset {}: {}",
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
