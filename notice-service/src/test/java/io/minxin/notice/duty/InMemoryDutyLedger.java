package io.minxin.notice.duty;

import io.minxin.events.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The ledger in memory: what survives a "restart" is this object. */
class InMemoryDutyLedger implements DutyLedger {
    final Map<String, String> units = new TreeMap<>();
    final Map<String, Instant> firstLogins = new TreeMap<>();
    final Set<String> misses = new TreeSet<>();
    final List<LocalDate> checkedDays = new ArrayList<>();
    final Map<String, Long> consumed = new TreeMap<>();
    /** How many times the log-ins of a day were read: once per day judged. */
    int loginReads;

    private LocalDate firstDay;
    private LoginProgress progress = LoginProgress.NONE;

    @Override
    public void recordLogin(String unitId, Instant at, Instant consumedAt) {
        firstLogins.merge(
                unitId + "|" + LocalDate.ofInstant(at, WorkingCalendar.ZONE), at, (a, b) -> a.isBefore(b) ? a : b);
        progress = new LoginProgress(later(progress.watermark(), at), later(progress.lastConsumedAt(), consumedAt));
    }

    @Override
    public LoginProgress loginProgress() {
        return progress;
    }

    @Override
    public void recordConsumed(String topic, int partition, long nextOffset) {
        consumed.merge(topic + "|" + partition, nextOffset, Math::max);
    }

    @Override
    public Map<Integer, Long> consumedOffsets(String topic) {
        Map<Integer, Long> offsets = new TreeMap<>();
        consumed.forEach((key, next) -> {
            if (key.startsWith(topic + "|")) {
                offsets.put(Integer.parseInt(key.substring(topic.length() + 1)), next);
            }
        });
        return offsets;
    }

    private static Instant later(Instant known, Instant next) {
        return known == null || next.isAfter(known) ? next : known;
    }

    @Override
    public Set<String> unitsLoggedIn(LocalDate day, Instant deadline) {
        loginReads++;
        Set<String> loggedIn = new TreeSet<>();
        firstLogins.forEach((key, at) -> {
            if (key.endsWith("|" + day) && at.isBefore(deadline)) {
                loggedIn.add(key.substring(0, key.lastIndexOf('|')));
            }
        });
        return loggedIn;
    }

    @Override
    public Set<String> knownUnits() {
        return units.keySet();
    }

    @Override
    public Optional<String> unitName(String unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    @Override
    public LocalDate firstDay(LocalDate proposed) {
        if (firstDay == null) {
            firstDay = proposed;
        }
        return firstDay;
    }

    @Override
    public Optional<LocalDate> lastCheckedDay() {
        return checkedDays.isEmpty() ? Optional.empty() : Optional.of(checkedDays.get(checkedDays.size() - 1));
    }

    @Override
    public void markChecked(LocalDate day) {
        if (checkedDays.isEmpty() || day.isAfter(checkedDays.get(checkedDays.size() - 1))) {
            checkedDays.add(day);
        }
    }

    @Override
    public Set<String> recordMissed(LocalDate day, Set<String> unitIds) {
        Set<String> added = new java.util.TreeSet<>();
        unitIds.forEach(unitId -> {
            if (misses.add(unitId + "|" + day)) {
                added.add(unitId);
            }
        });
        return added;
    }

    @Override
    public List<LocalDate> missedDays(String unitId, YearMonth month) {
        return misses.stream()
                .filter(miss -> miss.startsWith(unitId + "|" + month))
                .map(miss -> LocalDate.parse(miss.substring(miss.lastIndexOf('|') + 1)))
                .sorted()
                .toList();
    }
}
