package io.minxin.demo;

import io.minxin.events.CaseData;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.UnitRegistered;
import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.state.AssessmentPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic month of 8890 events shaped like the reference bulletin: 1316 accepted cases over
 * {@link Channel#PHONE} and {@link Channel#WEB}, the 28 {@link DemoUnit units}, the five {@link
 * ReferenceCases 较差件}, returns to wrong units and back, late and open cases, every kind of visit, and
 * the duty log-ins of every working day. The same seed and month give byte-identical events.
 *
 * <p>All event times lie inside the month (Asia/Shanghai). {@link #expected()} states what a correct
 * Minxin reports for it.
 */
public final class DemoMonth {
    public static final long DEFAULT_SEED = 8890L;
    public static final YearMonth DEFAULT_MONTH = YearMonth.of(2020, 9);

    /** Source of the hotline (话务端) cases and of all log-ins. */
    public static final String PHONE_SOURCE = "/platform/panjin-8890";

    /** Source of the website and app (网络端) cases. */
    public static final String WEB_SOURCE = "/platform/panjin-8890-web";

    /** Source of the unit directory (单位名录) the platform states. */
    public static final String DIRECTORY_SOURCE = "/platform/panjin-8890/units";

    /** The demo district: every demo unit is registered in 兴隆台区 (GB/T 2260 code 211103). */
    public static final String JURISDICTION = "211103";

    public static final String JURISDICTION_NAME = "兴隆台区";

    /** Working days to the deadline of an acceptance without {@code dueAt} (the policy default). */
    public static final int DEFAULT_WORKING_DAYS = 15;

    /** Sort order of {@link #events()}: time, then lifecycle order, then source and id. */
    public static final Comparator<CaseEvent> TIME_ORDER = Comparator.comparing(CaseEvent::occurredAt)
            .thenComparing(CaseEvent::type)
            .thenComparing(CaseEvent::source)
            .thenComparing(CaseEvent::id);

    private final long seed;
    private final YearMonth month;
    private final List<List<CaseEvent>> caseEventsByCase;
    private final List<CaseEvent> logins;
    private final List<CaseEvent> events;
    private final ExpectedTotals expected;

    private DemoMonth(long seed, YearMonth month, DemoPlanner.Plan plan) {
        this.seed = seed;
        this.month = month;
        List<List<CaseEvent>> byCase = new ArrayList<>();
        List<CaseEvent> all = new ArrayList<>();
        for (DemoPlanner.PlannedCase c : plan.cases()) {
            byCase.add(List.copyOf(c.events));
            all.addAll(c.events);
        }
        all.addAll(plan.logins());
        all.sort(TIME_ORDER);
        this.caseEventsByCase = List.copyOf(byCase);
        this.logins = List.copyOf(plan.logins());
        this.events = List.copyOf(all);
        this.expected = plan.expected();
    }

    /**
     * Generates the month.
     *
     * @throws IllegalArgumentException when the month is outside the working-day calendar's years
     */
    public static DemoMonth generate(long seed, YearMonth month) {
        return new DemoMonth(seed, month, new DemoPlanner(seed, month, WorkingCalendar.china()).plan());
    }

    /** September 2020 with seed 8890, the month of the reference bulletin. */
    public static DemoMonth generate() {
        return generate(DEFAULT_SEED, DEFAULT_MONTH);
    }

    /**
     * The unit directory of the demo district: one {@code minxin.unit.registered} per demo unit, in 兴隆台区 from
     * 2020-01-01 (Asia/Shanghai). Not among {@link #events()}: it is the platform's directory, stated once, not an
     * event of the month, and it changes no count.
     */
    public static List<CaseEvent> registrations() {
        Instant from =
                LocalDate.of(2020, 1, 1).atStartOfDay(AssessmentPeriod.ZONE).toInstant();
        return DemoUnit.ALL.stream()
                .map(unit -> CaseEvent.of(
                        "registered-" + unit.unitId(),
                        DIRECTORY_SOURCE,
                        new UnitRegistered(unit.unitId(), unit.unitName(), JURISDICTION, JURISDICTION_NAME, from)))
                .toList();
    }

    public static String sourceOf(Channel channel) {
        return channel == Channel.PHONE ? PHONE_SOURCE : WEB_SOURCE;
    }

    public long seed() {
        return seed;
    }

    public YearMonth month() {
        return month;
    }

    /** Every event once, in {@link #TIME_ORDER}. */
    public List<CaseEvent> events() {
        return events;
    }

    /** The case lifecycle events (topic case-events), in time order. */
    public List<CaseEvent> caseEvents() {
        return events.stream().filter(e -> e.data() instanceof CaseData).toList();
    }

    /** The duty log-ins (topic unit-activity), in time order. */
    public List<CaseEvent> loginEvents() {
        return events.stream().filter(e -> !(e.data() instanceof CaseData)).toList();
    }

    /**
     * The same events as a faulty integration would deliver them: every event twice, each case's events
     * shuffled among themselves (a conclusion may come before its acceptance), then the log-ins twice,
     * shuffled. Folding these must give the same result as {@link #events()}.
     */
    public List<CaseEvent> messyEvents(long shuffleSeed) {
        SplittableRandom rng = new SplittableRandom(shuffleSeed);
        List<CaseEvent> out = new ArrayList<>(events.size() * 2);
        for (List<CaseEvent> c : caseEventsByCase) {
            out.addAll(doubledAndShuffled(c, rng));
        }
        out.addAll(doubledAndShuffled(logins, rng));
        return Collections.unmodifiableList(out);
    }

    private static List<CaseEvent> doubledAndShuffled(List<CaseEvent> events, SplittableRandom rng) {
        List<CaseEvent> twice = new ArrayList<>(events.size() * 2);
        twice.addAll(events);
        twice.addAll(events);
        for (int i = twice.size() - 1; i > 0; i--) {
            Collections.swap(twice, i, rng.nextInt(i + 1));
        }
        return twice;
    }

    /** What a correct Minxin reports for this month, stated from the plan. */
    public ExpectedTotals expected() {
        return expected;
    }

    public List<DemoUnit> units() {
        return DemoUnit.ALL;
    }
}
