package io.minxin.metrics.projection;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.minxin.metrics.MetricsProperties;
import io.minxin.metrics.MongoProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Copies case-state, unit-metrics and unit-daily-metrics into MongoDB with a consumer group of its own:
 * batches of up to {@code batchSize} records (or what arrived within {@code maxWait}), one bulk write per
 * collection, offsets committed only after the write. When MongoDB is down the batch is retried from the
 * same offsets after a back-off; the stream applications are not affected.
 */
@Component
class MongoProjector implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(MongoProjector.class);
    /** Lets the broker gather a batch for up to maxWait instead of answering each poll with one record. */
    private static final int FETCH_MIN_BYTES = 64 * 1024;

    private final ProjectionWriter writer;
    private final Map<String, Object> consumerConfig;
    private final MetricsProperties.Projection settings;
    private final Duration writeTimeout;
    private final MeterRegistry registry;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    MongoProjector(
            MongoDatabase database,
            KafkaProperties kafka,
            MetricsProperties properties,
            MongoProperties mongo,
            MeterRegistry registry) {
        this.writer = new ProjectionWriter(database);
        this.settings = properties.projection();
        this.writeTimeout = mongo.timeout().multipliedBy(10);
        this.registry = registry;
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_MIN_BYTES);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int)
                settings.maxWait().toMillis());
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "metrics-projection");
        this.consumerConfig = config;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "mongo-projection");
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(writeTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafkaConsumer = new KafkaConsumer<>(consumerConfig);
                KafkaClientMetrics metrics = new KafkaClientMetrics(kafkaConsumer)) {
            consumer = kafkaConsumer;
            metrics.bindTo(registry);
            kafkaConsumer.subscribe(Projections.topics());
            while (running) {
                project(kafkaConsumer);
            }
        } catch (WakeupException stopping) {
            if (running) {
                log.error("projection consumer woken up while running", stopping);
            }
        } catch (RuntimeException e) {
            log.error("projection stopped", e);
        } finally {
            consumer = null;
        }
    }

    private void project(KafkaConsumer<String, byte[]> kafkaConsumer) {
        ConsumerRecords<String, byte[]> records = kafkaConsumer.poll(settings.maxWait());
        if (records.isEmpty()) {
            return;
        }
        try {
            // the projection's own consumer thread: offsets are committed only after MongoDB has the batch
            writer.write(records).block(writeTimeout);
            kafkaConsumer.commitSync();
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn(
                    "writing {} records to MongoDB failed, retrying in {}: {}",
                    records.count(),
                    settings.retryBackoff(),
                    e.toString());
            retryLater(kafkaConsumer, records);
        }
    }

    /** Rewinds to the failed batch and waits out the back-off in poll, so the group membership stays alive. */
    private void retryLater(KafkaConsumer<String, byte[]> kafkaConsumer, ConsumerRecords<String, byte[]> records) {
        rewind(kafkaConsumer, records);
        kafkaConsumer.pause(kafkaConsumer.assignment());
        // partitions assigned by a rebalance during the wait are not paused: give back what they returned
        rewind(kafkaConsumer, kafkaConsumer.poll(settings.retryBackoff()));
        kafkaConsumer.resume(kafkaConsumer.paused());
    }

    private static void rewind(KafkaConsumer<String, byte[]> kafkaConsumer, ConsumerRecords<String, byte[]> records) {
        Set<TopicPartition> assigned = kafkaConsumer.assignment();
        for (TopicPartition partition : records.partitions()) {
            if (assigned.contains(partition)) {
                kafkaConsumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }
}
