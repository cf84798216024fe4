package io.minxin.demo;

import io.minxin.events.Accepted;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.EventData;
import io.minxin.events.Returned;
import io.minxin.events.Satisfaction;
import io.minxin.events.Visited;
import io.minxin.events.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An endless-looking, lazily generated stream of demo-shaped case events for benchmarks: millions of
 * events in constant memory. Each case is accepted, sometimes returned and accepted again, mostly
 * concluded and visited (about 3.3 events a case, about 330 bytes of JSON an event), spread over the
 * six months from {@link #FIRST_MONTH}. Events come case by case, each case in time order; cases start
 * in time order. The same seed, count and units give the same events.
 */
public final class DemoStream {
    public static final String SOURCE = "/platform/bench-8890";
    public static final int DEFAULT_UNITS = 200;
    public static final YearMonth FIRST_MONTH = YearMonth.of(2021, 1);
    public static final int MONTHS = 6;

    /** Cases get 8-digit ids from here on, apart from the demo month's 6- and 7-digit ids. */
    static final long FIRST_CASE_ID = 10_000_000L;

    private static final double EVENTS_PER_CASE = 3.3;

    public static Stream<CaseEvent> events(long seed, long count) {
        return events(seed, count, DEFAULT_UNITS);
    }

    /** {@code count} events over {@code units} units (the demo's 28 first, then numbered ones). */
    public static Stream<CaseEvent> events(long seed, long count, int units) {
        return StreamSupport.stream(
                Spliterators.spliterator(
                        iterator(seed, count, units),
                        count,
                        Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
                false);
    }

    public static Iterator<CaseEvent> iterator(long seed, long count, int units) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        if (units < 2) {
            throw new IllegalArgumentException("at least 2 units are needed (a return goes to another unit)");
        }
        return new Events(seed, count, units);
    }

    /** The unit with this index: the 28 demo units first, then {@code unit-00029}... */
    public static DemoUnit unit(int index) {
        if (index < DemoUnit.ALL.size()) {
            return DemoUnit.ALL.get(index);
        }
        int n = index + 1;
        return new DemoUnit(String.format("unit-%05d", n), "兴隆台区第" + n + "联网承办单位");
    }

    private static final class Events implements Iterator<CaseEvent> {
        private final SplittableRandom rng;
        private final long count;
        private final DemoUnit[] units;
        private final WorkingCalendar calendar = WorkingCalendar.china();
        private final Instant start;
        private final long stepSeconds;
        private final ArrayDeque<CaseEvent> pending = new ArrayDeque<>();
        private long emitted;
        private long caseNo;

        Events(long seed, long count, int units) {
            this.rng = new SplittableRandom(seed);
            this.count = count;
            this.units = new DemoUnit[units];
            for (int i = 0; i < units; i++) {
                this.units[i] = unit(i);
            }
            this.start = FIRST_MONTH.atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
            Instant lastStart = FIRST_MONTH
                    .plusMonths(MONTHS)
                    .atDay(1)
                    .atStartOfDay(WorkingCalendar.ZONE)
                    .toInstant()
                    .minus(Duration.ofDays(20));
            long cases = (long) (count / EVENTS_PER_CASE) + 1;
            this.stepSeconds = Math.max(1, Duration.between(start, lastStart).getSeconds() / cases);
        }

        @Override
        public boolean hasNext() {
            return emitted < count;
        }

        @Override
        public CaseEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (pending.isEmpty()) {
                nextCase();
            }
            emitted++;
            return pending.poll();
        }

        private void nextCase() {
            long k = caseNo++;
            String caseId = String.valueOf(FIRST_CASE_ID + k);
            Channel channel = rng.nextInt(4) == 0 ? Channel.WEB : Channel.PHONE;
            DemoUnit owner = units[rng.nextInt(units.length)];
            String topic = AppealTopics.pick(owner, rng);
            String title = AppealTopics.title(topic, rng);
            Instant t = start.plusSeconds(k * stepSeconds + rng.nextLong(stepSeconds));
            int seq = 0;
            int roll = rng.nextInt(100);
            if (roll < 25) {
                // returned: mostly by a wrong unit, now and then by the owner itself (推诿)
                DemoUnit returner = roll < 2 ? owner : other(owner);
                add(caseId, ++seq, accepted(caseId, returner, channel, title, topic, t));
                t = t.plusSeconds(rng.nextLong(3600, 20 * 3600));
                add(caseId, ++seq, new Returned(caseId, returner.unitId(), "不属于我单位职责范围，请重新分派", t));
                t = t.plusSeconds(rng.nextLong(1800, 12 * 3600));
            }
            add(caseId, ++seq, accepted(caseId, owner, channel, title, topic, t));
            if (rng.nextInt(100) >= 93) {
                return;
            }
            t = t.plusSeconds(rng.nextLong(2 * 3600, 10 * 24 * 3600));
            add(caseId, ++seq, new Concluded(caseId, owner.unitId(), "已与诉求人联系并处理。", t));
            if (rng.nextInt(100) >= 88) {
                return;
            }
            t = t.plusSeconds(rng.nextLong(3600, 48 * 3600));
            int answer = rng.nextInt(100);
            Satisfaction satisfaction = answer < 85
                    ? Satisfaction.SATISFIED
                    : answer < 93
                            ? Satisfaction.BASICALLY_SATISFIED
                            : answer < 96 ? Satisfaction.UNSATISFIED : Satisfaction.UNREACHABLE;
            boolean excellent = satisfaction == Satisfaction.SATISFIED && rng.nextInt(100) < 80;
            add(caseId, ++seq, new Visited(caseId, owner.unitId(), satisfaction, excellent, t));
        }

        private Accepted accepted(
                String caseId, DemoUnit unit, Channel channel, String title, String topic, Instant t) {
            Instant due = rng.nextBoolean() ? calendar.dueAt(t, DemoMonth.DEFAULT_WORKING_DAYS) : null;
            return new Accepted(caseId, unit.unitId(), unit.unitName(), channel, title, topic, t, due, null);
        }

        private DemoUnit other(DemoUnit owner) {
            DemoUnit u = owner;
            while (u.equals(owner)) {
                u = units[rng.nextInt(units.length)];
            }
            return u;
        }

        private void add(String caseId, int seq, EventData data) {
            pending.add(CaseEvent.of(caseId + "-" + seq, SOURCE, data));
        }
    }

    private DemoStream() {}
}
