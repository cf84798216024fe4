package io.minxin.events;

import java.util.List;

/** Every Kafka topic of Minxin, named once. */
public final class Topics {
    /** All case lifecycle events, key caseId, infinite retention: the system of record. */
    public static final String CASE_EVENTS = "case-events";
    /** A unit's events: duty log-ins and directory registrations (jurisdiction), key unitId. */
    public static final String UNIT_ACTIVITY = "unit-activity";
    /** Folded state of each case, compacted, key caseId. */
    public static final String CASE_STATE = "case-state";
    /** Counts and rates, compacted, key {@code unitId|channel|period}. */
    public static final String UNIT_METRICS = "unit-metrics";
    /** Per-day counts for trailing rolling rates, compacted, key {@code unitId|channel|YYYY-MM-DD}. */
    public static final String UNIT_DAILY_METRICS = "unit-daily-metrics";
    /** Ranking revisions, compacted, key {@code period|channel}. */
    public static final String RANKINGS = "rankings";
    /** Alerts, letters and bulletins, key noticeId. */
    public static final String NOTICES = "notices";
    /** Records that failed processing, with the reason in headers. */
    public static final String CASE_EVENTS_DLQ = "case-events-dlq";
    /**
     * Audited operator actions ({@code io.minxin.events.audit.AuditEntry}), key the target, kept for good; one
     * partition, so the trail has one order for whoever reads it.
     */
    public static final String AUDIT = "audit";
    /**
     * API keys issued and revoked ({@code io.minxin.events.identity.ApiKeyChange}), key the key id: published by the
     * gateway instance that made the change, read by every instance (each from the end, no consumer group) to drop
     * its cached look-up. One partition, default retention: a reader only wants what happens while it runs.
     */
    public static final String API_KEY_CHANGES = "api-key-changes";

    /**
     * Human decisions of the month ({@code io.minxin.events.decision.Decision}), key the subject (the caseId for a
     * case, so that a case's decisions share its events' partition; {@code bulletin|<period>}, {@code
     * letter|<noticeId>}), kept for good: with {@link #CASE_EVENTS} the system of record.
     */
    public static final String DECISIONS = "decisions";

    /** Partitions of the keyed event topics; compacted topics follow it so joins stay co-partitioned. */
    public static final int PARTITIONS = 6;

    /**
     * The largest record of {@link #RANKINGS}: one revision holds every row of a channel's ranking with its
     * explanation (about 1.2 KB a unit before compression), so a city of thousands of units outgrows Kafka's default
     * of 1 MiB. 16 MiB is also MongoDB's limit for the document the revision is stored in.
     */
    public static final int MAX_RANKING_BYTES = 16 * 1024 * 1024;

    /**
     * How each topic must be created; {@code maxMessageBytes} is its {@code max.message.bytes}, 0 for the broker's
     * default.
     */
    public record Spec(String name, int partitions, boolean compacted, boolean infiniteRetention, int maxMessageBytes) {
        public Spec(String name, int partitions, boolean compacted, boolean infiniteRetention) {
            this(name, partitions, compacted, infiniteRetention, 0);
        }
    }

    public static List<Spec> all() {
        return List.of(
                new Spec(CASE_EVENTS, PARTITIONS, false, true),
                new Spec(UNIT_ACTIVITY, PARTITIONS, false, true),
                new Spec(CASE_STATE, PARTITIONS, true, false),
                new Spec(UNIT_METRICS, PARTITIONS, true, false),
                new Spec(UNIT_DAILY_METRICS, PARTITIONS, true, false),
                new Spec(RANKINGS, 1, true, false, MAX_RANKING_BYTES),
                new Spec(NOTICES, PARTITIONS, false, true),
                new Spec(CASE_EVENTS_DLQ, 1, false, true),
                new Spec(AUDIT, 1, false, true),
                new Spec(API_KEY_CHANGES, 1, false, false),
                new Spec(DECISIONS, PARTITIONS, false, true));
    }

    private Topics() {}
}
