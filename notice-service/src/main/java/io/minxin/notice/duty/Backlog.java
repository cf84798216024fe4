package io.minxin.notice.duty;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What of a topic the ledger has not consumed yet, partition by partition: the topic's ends (read_committed) against
 * the next offset the ledger holds for each partition. Plain data, so the rule is tested without a broker.
 *
 * @param unread partition → the offset its unconsumed part begins at (0 for a partition the ledger never saw, such
 *     as one added to the topic later); what lies from there to the end may still be only transaction markers or
 *     aborted records, which only reading can tell
 * @param ahead partitions whose ledger offset is past the end: the ledger consumed another log than the broker now
 *     holds (a topic deleted and created again, a log truncated), so nothing can be told of them
 */
record Backlog(Map<Integer, Long> unread, Set<Integer> ahead) {
    Backlog {
        unread = Map.copyOf(unread);
        ahead = Set.copyOf(ahead);
    }

    /**
     * The backlog of a topic with these {@code ends} when the ledger holds {@code consumed}. The ledger must be read
     * before the ends: the ends only grow, so a ledger read first is never past them unless the log changed.
     */
    static Backlog of(Map<Integer, Long> ends, Map<Integer, Long> consumed) {
        Map<Integer, Long> unread = new TreeMap<>();
        Set<Integer> ahead = new TreeSet<>();
        ends.forEach((partition, end) -> {
            long next = consumed.getOrDefault(partition, 0L);
            if (next < end) {
                unread.put(partition, next);
            } else if (next > end) {
                ahead.add(partition);
            }
        });
        return new Backlog(unread, ahead);
    }

    /** Nothing unread and nothing unknowable: every record on the broker is in the ledger. */
    boolean none() {
        return unread.isEmpty() && ahead.isEmpty();
    }
}
