package io.minxin.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of metrics-service ({@code minxin.metrics.*}).
 *
 * @param defaultWorkingDays working days to the deadline of an acceptance without dueAt
 * @param signInWorkingDays working days after the day of a dispatch by whose end the unit signs for the case (及时签收率)
 * @param dispatchWorkingDays working days after the day a unit got a case by whose end it passes the case on to
 *     another unit (二级分转, 按时分转率)
 * @param maxEventsPerCase entries kept per case, its events and decisions together; a further event is sent to the
 *     dead-letter topic, a further decision skipped and counted
 * @param projection how the compacted topics are copied into MongoDB
 * @param gauges how often the per-unit rate gauges are read from MongoDB
 * @param views how often the read API checks whether a period's unit metrics changed
 */
@ConfigurationProperties("minxin.metrics")
public record MetricsProperties(
        @DefaultValue("15") int defaultWorkingDays,
        @DefaultValue("1") int signInWorkingDays,
        @DefaultValue("1") int dispatchWorkingDays,
        @DefaultValue("1000") int maxEventsPerCase,
        @DefaultValue Projection projection,
        @DefaultValue Gauges gauges,
        @DefaultValue Views views) {

    /**
     * @param groupId consumer group of the projection (its own, apart from the streams applications)
     * @param batchSize most records written in one bulk write
     * @param maxWait longest wait for a batch to fill
     * @param retryBackoff wait before writing a failed batch again
     */
    public record Projection(
            @DefaultValue("minxin-metrics-projection") String groupId,
            @DefaultValue("500") int batchSize,
            @DefaultValue("200ms") Duration maxWait,
            @DefaultValue("2s") Duration retryBackoff) {}

    /** @param refresh interval between reads of the current period's rates */
    public record Gauges(@DefaultValue("15s") Duration refresh) {}

    /**
     * Dashboards poll the overview, the unit tables and 12-month ranges many times a second, all made from the same
     * documents: a period's unit metrics are kept until the projection writes them again (it stamps the period), and
     * the stamps of all periods are read at most once per {@code ttl}; after it the next request uses them as they
     * were while a fresh read runs, and no stamps older than {@code maxStale} are used. So a change shows within about
     * {@code ttl}, and an unchanged period is never read again. A zero ttl reads the stamps on every request.
     *
     * @param ttl time after which the periods' stamps are read again
     * @param maxStale age at which they are dropped and the next request waits for a fresh read
     */
    public record Views(
            @DefaultValue("1s") Duration ttl,
            @DefaultValue("30s") Duration maxStale) {}
}
