package io.minxin.demo;

import io.minxin.events.Channel;
import io.minxin.events.state.Counts;
import io.minxin.events.state.Rates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a correct Minxin must report for a {@link DemoMonth}, stated from the generator's plan (which
 * case it meant to be late, unanswered, returned...) rather than by folding the events, so it is an
 * independent check of the metric rules of docs/design.md (section 4).
 *
 * @param month the period (calendar month)
 * @param total the overview over both channels
 * @param byChannel the overview of each channel
 * <p>Counts and rates are the contract's {@link Counts} and {@link Rates}, so they compare directly with
 * what metrics-service publishes on {@code unit-metrics}.
 *
 * @param byUnit counts per unit and channel, for every unit that received a case or made a return there
 * @param pushbacks the confirmed 推诿 cases, in caseId order
 * @param missedDutyDays per unit (all 28), the working days without a log-in before 16:00 local
 * @param reminderLetterUnits the units with 4 or more missed days (one 提示函 each), in unitId order
 * @param workingDays the working days of the month
 * @param signIns per unit and channel that was dispatched a case: cases dispatched to it and those it signed for in
 *     time (及时签收率 with the default sign-in limit of 1 working day), as the plan meant them
 */
public record ExpectedTotals(
        YearMonth month,
        Overview total,
        Map<Channel, Overview> byChannel,
        SortedMap<UnitKey, Counts> byUnit,
        List<Pushback> pushbacks,
        SortedMap<String, List<LocalDate>> missedDutyDays,
        List<String> reminderLetterUnits,
        List<LocalDate> workingDays,
        SortedMap<UnitKey, SignIns> signIns) {

    /** A unit misses its duty check when it has no log-in before this local time of a working day. */
    public static final LocalTime DUTY_DEADLINE = LocalTime.of(16, 0);

    /** Missed days in a month from which a 提示函 is sent. */
    public static final int REMINDER_LETTER_MISSED_DAYS = 4;

    public ExpectedTotals {
        byChannel = Collections.unmodifiableMap(new EnumMap<>(byChannel));
        byUnit = Collections.unmodifiableSortedMap(new TreeMap<>(byUnit));
        pushbacks = List.copyOf(pushbacks);
        TreeMap<String, List<LocalDate>> missed = new TreeMap<>();
        missedDutyDays.forEach((unit, days) -> missed.put(unit, List.copyOf(days)));
        missedDutyDays = Collections.unmodifiableSortedMap(missed);
        reminderLetterUnits = List.copyOf(reminderLetterUnits);
        workingDays = List.copyOf(workingDays);
        signIns = Collections.unmodifiableSortedMap(new TreeMap<>(signIns));
    }

    /** 及时签收率's counts of one unit and channel. */
    public record SignIns(long dispatched, long signedOnTime) {
        public SignIns plus(SignIns other) {
            return new SignIns(dispatched + other.dispatched, signedOnTime + other.signedOnTime);
        }
    }

    public Overview overview(Channel channel) {
        return byChannel.get(channel);
    }

    /** The counts of a unit in a channel; all zero when it had nothing there. */
    public Counts unit(String unitId, Channel channel) {
        return byUnit.getOrDefault(new UnitKey(unitId, channel), Counts.NONE);
    }

    /** A unit in a channel; sorts by unitId, then channel. Its text form is {@code unitId|channel}. */
    public record UnitKey(String unitId, Channel channel) implements Comparable<UnitKey> {
        public UnitKey {
            Objects.requireNonNull(unitId, "unitId");
            Objects.requireNonNull(channel, "channel");
        }

        @Override
        public int compareTo(UnitKey other) {
            int byId = unitId.compareTo(other.unitId);
            return byId != 0 ? byId : channel.compareTo(other.channel);
        }

        @Override
        public String toString() {
            return unitId + "|" + channel;
        }
    }

    /**
     * Overview of a period: the sums of the counts, and the number of distinct units that received a case
     * or made a return.
     */
    public record Overview(Counts counts, int units) {
        public Rates rates() {
            return counts.rates();
        }
    }

    /** One return of a case by a unit. */
    public record ReturnFact(String unitId, String reason, Instant at) {}

    /**
     * A confirmed 推诿 (较差件): the case was concluded by a unit that had returned it before.
     *
     * @param returns the returns made by the concluding unit, in time order
     */
    public record Pushback(
            String caseId,
            String title,
            String unitId,
            String unitName,
            Channel channel,
            List<ReturnFact> returns,
            String concludedBy) {
        public Pushback {
            returns = List.copyOf(returns);
        }
    }
}
