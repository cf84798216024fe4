package io.minxin.ranking.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minxin.events.EventJson;
import io.minxin.events.state.UnitMetrics;
import io.minxin.ranking.web.Requests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Stores each batch of {@code unit-metrics} records (latest per key wins, tombstones delete), then tells the
 * listeners which rankings changed. Runs on the consumer thread and returns only when MongoDB has the batch, so an
 * offset is committed only for stored records; an unreadable record is counted and skipped, never retried.
 */
@Component
class UnitMetricsIntake {
    private static final Logger log = LoggerFactory.getLogger(UnitMetricsIntake.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final LiveMetricsStore store;
    private final List<MetricsChangeListener> listeners;
    private final LiveUnitsGauge gauge;
    private final Counter rejected;

    UnitMetricsIntake(
            LiveMetricsStore store,
            List<MetricsChangeListener> listeners,
            LiveUnitsGauge gauge,
            MeterRegistry registry) {
        this.store = store;
        this.listeners = listeners;
        this.gauge = gauge;
        this.rejected = Counter.builder("minxin.ranking.unit.metrics.rejected")
                .description("unit-metrics records that could not be read and were skipped")
                .register(registry);
    }

    void accept(Message<List<Object>> batch) {
        List<Object> values = batch.getPayload();
        List<?> keys = batch.getHeaders().get(KafkaHeaders.RECEIVED_KEY, List.class);
        List<UnitMetrics> upserts = new ArrayList<>(values.size());
        List<String> deletedKeys = new ArrayList<>();
        Set<PeriodChannel> changed = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof byte[] bytes) {
                UnitMetrics metric = read(bytes);
                if (metric != null) {
                    upserts.add(metric);
                    changed.add(new PeriodChannel(metric.period(), metric.channel()));
                }
            } else {
                String key = keyAt(keys, i);
                UnitMetrics.Key parsed = parseKey(key);
                if (parsed != null) {
                    deletedKeys.add(key);
                    changed.add(new PeriodChannel(parsed.period(), parsed.channel()));
                }
            }
        }
        // a Kafka listener thread: the offsets must not advance before MongoDB has the batch
        store.apply(upserts, deletedKeys, changed).block(STORE_TIMEOUT);
        if (!changed.isEmpty()) {
            listeners.forEach(listener -> listener.metricsChanged(changed));
            gauge.refresh(changed);
        }
    }

    private UnitMetrics read(byte[] bytes) {
        try {
            UnitMetrics metric = EventJson.mapper().readValue(bytes, UnitMetrics.class);
            if (Requests.isPeriod(metric.period())) {
                return metric;
            }
            log.warn("Skipped a unit-metrics record of period '{}': not YYYY-MM", metric.period());
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("Skipped an unreadable unit-metrics record: {}", e.getMessage());
        }
        rejected.increment();
        return null;
    }

    private UnitMetrics.Key parseKey(String key) {
        if (key == null) {
            rejected.increment();
            return null;
        }
        try {
            return UnitMetrics.parseKey(key);
        } catch (IllegalArgumentException e) {
            log.warn("Skipped a unit-metrics tombstone with key '{}': not unitId|channel|period", key);
            rejected.increment();
            return null;
        }
    }

    private static String keyAt(List<?> keys, int i) {
        Object key = keys == null || i >= keys.size() ? null : keys.get(i);
        if (key instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return key == null ? null : key.toString();
    }
}
