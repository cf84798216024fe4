package io.minxin.notice.duty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the duty check remembers between runs; every write is idempotent per unit and day. */
public interface DutyLedger {
    /**
     * Keeps the earliest log-in of the unit on the local day of {@code at}, then advances the {@link
     * LoginProgress}: {@code at} is the log-in's own time, {@code consumedAt} the wall clock when it was consumed.
     */
    void recordLogin(String unitId, Instant at, Instant consumedAt);

    /** How far the recorded log-ins have come; kept across restarts. */
    LoginProgress loginProgress();

    /**
     * Every record of {@code topic}'s {@code partition} before {@code nextOffset} is done with: stored if it was a
     * log-in, or skipped. Called for every record, after what it holds is stored. Never moves back: a record
     * delivered again (after a rebalance, or to a second instance) leaves a later offset as it is.
     */
    void recordConsumed(String topic, int partition, long nextOffset);

    /** Partition → the next offset of {@code topic} not yet consumed into the ledger; no entry before its first. */
    Map<Integer, Long> consumedOffsets(String topic);

    /** Units whose earliest log-in on {@code day} was before {@code deadline}. */
    Set<String> unitsLoggedIn(LocalDate day, Instant deadline);

    /** The units expected to log in. */
    Set<String> knownUnits();

    /** The unit's full name, when known: looked up at the time of the call, not cached from before. */
    Optional<String> unitName(String unitId);

    /** The first day to check: {@code proposed} on the very first call, the stored day ever after. */
    LocalDate firstDay(LocalDate proposed);

    Optional<LocalDate> lastCheckedDay();

    /**
     * Done with {@code day}: the next run starts after it. Never moves back: a second instance that checked an
     * earlier day in the meantime leaves a later mark as it is.
     */
    void markChecked(LocalDate day);

    /**
     * Adds the units' misses of {@code day} (a miss recorded before stays); answers the units whose miss of that day
     * was not recorded before.
     */
    Set<String> recordMissed(LocalDate day, Set<String> unitIds);

    /** The days the unit missed in a month, ascending. */
    List<LocalDate> missedDays(String unitId, YearMonth month);
}
