package io.minxin.demo;

import io.minxin.demo.ExpectedTotals.Overview;
import io.minxin.demo.ExpectedTotals.Pushback;
import io.minxin.demo.ExpectedTotals.ReturnFact;
import io.minxin.demo.ExpectedTotals.SignIns;
import io.minxin.demo.ExpectedTotals.UnitKey;
import io.minxin.demo.ReferenceCases.ReferenceCase;
import io.minxin.events.Accepted;
import io.minxin.events.Assigned;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.EventData;
import io.minxin.events.ExtensionDecided;
import io.minxin.events.ExtensionOutcome;
import io.minxin.events.ExtensionRequested;
import io.minxin.events.HandlingRole;
import io.minxin.events.Returned;
import io.minxin.events.Satisfaction;
import io.minxin.events.Signed;
import io.minxin.events.UnitLogin;
import io.minxin.events.Visited;
import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.state.Counts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ObjIntConsumer;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Plans a demo month: first the counts of every unit and channel (fixed for the reference's best units,
 * drawn under constraints for the others so that the overall figures match the reference), then the role
 * of each case, then its timeline and events. The expected totals are summed from the roles.
 */
final class DemoPlanner {
    static final ZoneId ZONE = WorkingCalendar.ZONE;

    /** Overall figures, chosen to reproduce the reference overview (1316 cases, 95.74%, 97.55%, 84.02%). */
    static final int PHONE_CASES = 1000;

    static final int WEB_CASES = 316;
    static final int OPEN_CASES = 56;
    static final int LATE_CONCLUSIONS = 49;
    static final int NOT_VISITED = 40;
    static final int UNREACHABLE_ONLY = 37;
    static final int UNSATISFIED = 29;
    static final int NOT_EXCELLENT = 189;

    /** Cases returned by a wrong unit and correctly re-assigned; some of them by two wrong units. */
    static final int WRONG_UNIT_RETURNED_CASES = 24;

    static final int TWICE_WRONGLY_RETURNED_CASES = 3;
    static final int TWO_VISIT_CASES = 12;

    /** The units ranked 话务端 五佳 in the reference, with their fixed counts. */
    private static final List<Row> FIXED_ROWS = List.of(
            // unit, channel, received, open, late, notVisited, unreachable, unsatisfied, notExcellent
            new Row(DemoUnit.GONGXIN, Channel.PHONE, 26, 0, 0, 1, 1, 0, 0),
            new Row(DemoUnit.SHUIWU, Channel.PHONE, 20, 0, 0, 1, 1, 0, 0),
            new Row(DemoUnit.SHICHANG, Channel.PHONE, 60, 2, 1, 3, 3, 0, 0),
            new Row(DemoUnit.YOUTIAN_JIAOYU, Channel.PHONE, 31, 0, 0, 2, 1, 0, 1),
            new Row(DemoUnit.SHEBAO, Channel.PHONE, 15, 0, 0, 1, 0, 0, 1),
            new Row(DemoUnit.SHEBAO, Channel.WEB, 12, 0, 0, 1, 0, 0, 0),
            new Row(DemoUnit.SHENCAI, Channel.WEB, 10, 0, 0, 0, 1, 0, 0),
            new Row(DemoUnit.ZONGHE_ZHIFA, Channel.WEB, 14, 0, 0, 1, 0, 0, 1),
            new Row(DemoUnit.YOUTIAN_JIAOYU, Channel.WEB, 12, 1, 0, 1, 1, 1, 1),
            new Row(DemoUnit.SHICHANG, Channel.WEB, 20, 2, 0, 2, 1, 1, 3));

    /** Units with 网络端 cases besides the fixed ones. */
    private static final List<DemoUnit> WEB_OTHERS = List.of(
            DemoUnit.ZHENXING,
            DemoUnit.CHENGJIAN,
            DemoUnit.NONGSHUI,
            DemoUnit.HUIBIN,
            DemoUnit.XINGHAI,
            DemoUnit.ZHUJIAN,
            DemoUnit.MINZHENG,
            DemoUnit.RENSHE,
            DemoUnit.XINGLONG,
            DemoUnit.BOHAI,
            DemoUnit.YOUYI,
            DemoUnit.HONGQI,
            DemoUnit.WEIJIAN);

    private static final List<String> WRONG_UNIT_REASONS = List.of(
            "不属于我单位职责范围，请重新分派",
            "诉求地址不在我单位辖区，请转至属地街道",
            "该问题涉及住建部门职责，请分派至住建部门",
            "经核实该事项由市级部门负责，请转市直相关部门",
            "诉求内容与我单位业务无关，请核实后重新分派");

    private static final List<String> REPLIES = List.of(
            "已与诉求人电话联系，问题已解决，诉求人表示认可。", "已现场核实并协调处理，已向诉求人反馈处理结果。", "已向诉求人解释相关政策，诉求人表示理解。", "已责成相关责任单位限期整改，并向诉求人反馈。");

    /** How the latest visit of a concluded case turned out, as planned. */
    enum Visit {
        NONE,
        UNREACHABLE,
        UNSATISFIED,
        SATISFIED,
        EXCELLENT;

        boolean answered() {
            return this == UNSATISFIED || this == SATISFIED || this == EXCELLENT;
        }
    }

    /** The planned outcome of one case for its owner. */
    record Role(boolean concluded, boolean late, Visit visit) {
        static final Role OPEN = new Role(false, false, Visit.NONE);
    }

    /** Planned counts of one unit in one channel. */
    static final class Row {
        final DemoUnit unit;
        final Channel channel;
        int received;
        int open;
        int late;
        int notVisited;
        int unreachable;
        int unsatisfied;
        int notExcellent;

        Row(DemoUnit unit, Channel channel) {
            this.unit = unit;
            this.channel = channel;
        }

        Row(
                DemoUnit unit,
                Channel channel,
                int received,
                int open,
                int late,
                int notVisited,
                int unreachable,
                int unsatisfied,
                int notExcellent) {
            this(unit, channel);
            this.received = received;
            this.open = open;
            this.late = late;
            this.notVisited = notVisited;
            this.unreachable = unreachable;
            this.unsatisfied = unsatisfied;
            this.notExcellent = notExcellent;
        }

        Row copy() {
            return new Row(unit, channel, received, open, late, notVisited, unreachable, unsatisfied, notExcellent);
        }

        int concluded() {
            return received - open;
        }

        int answered() {
            return concluded() - notVisited - unreachable;
        }

        List<Role> roles() {
            List<Role> roles = new ArrayList<>(received);
            for (int i = 0; i < open; i++) {
                roles.add(Role.OPEN);
            }
            List<Visit> visits = new ArrayList<>();
            addN(visits, Visit.NONE, notVisited);
            addN(visits, Visit.UNREACHABLE, unreachable);
            addN(visits, Visit.UNSATISFIED, unsatisfied);
            addN(visits, Visit.SATISFIED, notExcellent - unsatisfied);
            addN(visits, Visit.EXCELLENT, answered() - notExcellent);
            for (int i = 0; i < visits.size(); i++) {
                roles.add(new Role(true, false, visits.get(i)));
            }
            return roles;
        }

        private static <T> void addN(List<T> list, T value, int n) {
            for (int i = 0; i < n; i++) {
                list.add(value);
            }
        }
    }

    /** One step of a case's assignment chain: a unit accepts it, and returns it when a reason is given. */
    record Step(DemoUnit unit, String returnReason) {}

    /** A planned case: who handles it, how it ends, and (after {@link #timeline}) its events. */
    static final class PlannedCase {
        final String caseId;
        final Channel channel;
        final DemoUnit owner;
        final Role role;
        final ReferenceCase reference;
        String title;
        String category;
        final List<Step> steps = new ArrayList<>();
        boolean twoVisits;
        boolean unreachableMarkedExcellent;
        final List<CaseEvent> events = new ArrayList<>();
        final List<ReturnFact> returns = new ArrayList<>();

        PlannedCase(String caseId, Channel channel, DemoUnit owner, Role role, ReferenceCase reference) {
            this.caseId = caseId;
            this.channel = channel;
            this.owner = owner;
            this.role = role;
            this.reference = reference;
        }
    }

    /** The finished plan. */
    record Plan(List<PlannedCase> cases, List<CaseEvent> logins, ExpectedTotals expected) {}

    private final SplittableRandom rng;
    /**
     * The random stream of the optional lifecycle (派单, 签收, 延期): apart from {@link #rng}, so that the five types'
     * events are exactly what they were before the demo sent these.
     */
    private final SplittableRandom lifecycleRng;

    private final YearMonth month;
    private final WorkingCalendar calendar;
    private final Instant start;
    private final Instant end;
    private boolean boundaryCasePlanned;

    DemoPlanner(long seed, YearMonth month, WorkingCalendar calendar) {
        this.rng = new SplittableRandom(seed);
        this.lifecycleRng = new SplittableRandom(seed ^ LIFECYCLE_SALT);
        this.month = month;
        this.calendar = calendar;
        this.start = month.atDay(1).atStartOfDay(ZONE).toInstant();
        this.end = month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
    }

    Plan plan() {
        List<Row> rows = rows();
        List<PlannedCase> cases = cases(rows);
        assignWrongUnitReturns(cases);
        for (PlannedCase c : cases) {
            timeline(c);
        }
        Map<UnitKey, SignIns> signIns = new TreeMap<>();
        for (PlannedCase c : cases) {
            dispatchesAndSignIns(c, signIns);
            extension(c);
        }
        Map<String, List<LocalDate>> missed = new TreeMap<>();
        List<CaseEvent> logins = logins(missed);
        return new Plan(cases, logins, expected(cases, missed, signIns));
    }

    // ---------------------------------------------------------------- counts per unit and channel

    List<Row> rows() {
        List<Row> fixed = new ArrayList<>();
        FIXED_ROWS.forEach(r -> fixed.add(r.copy()));
        List<Row> others = new ArrayList<>();
        for (DemoUnit unit : DemoUnit.ALL) {
            if (fixed.stream().noneMatch(r -> r.unit.equals(unit) && r.channel == Channel.PHONE)) {
                others.add(new Row(unit, Channel.PHONE));
            }
        }
        for (DemoUnit unit : WEB_OTHERS) {
            others.add(new Row(unit, Channel.WEB));
        }
        // received: at least 15 a unit on the phone, 10 on the web
        for (Channel channel : Channel.values()) {
            boolean phone = channel == Channel.PHONE;
            List<Row> inChannel =
                    others.stream().filter(r -> r.channel == channel).toList();
            allot(
                    inChannel,
                    (phone ? PHONE_CASES : WEB_CASES) - sum(fixed, channel, r -> r.received),
                    r -> phone ? 15 : 10,
                    r -> Integer.MAX_VALUE,
                    r -> 0.3 + rng.nextDouble(),
                    (r, v) -> r.received = v);
        }
        // open: every other web unit stays below 90% completion, so the reference's 网络端 五佳 stay on top
        allot(
                others,
                OPEN_CASES - sum(fixed, null, r -> r.open),
                r -> r.channel == Channel.WEB ? r.received / 10 + 1 : 0,
                r -> r.channel == Channel.WEB ? r.received / 10 + 3 : Math.max(1, r.received / 8),
                r -> r.received,
                (r, v) -> r.open = v);
        allot(
                others,
                LATE_CONCLUSIONS - sum(fixed, null, r -> r.late),
                r -> 0,
                r -> r.concluded() / 4,
                Row::concluded,
                (r, v) -> r.late = v);
        allot(
                others,
                NOT_VISITED - sum(fixed, null, r -> r.notVisited),
                r -> 0,
                r -> Math.max(1, r.concluded() / 8),
                Row::concluded,
                (r, v) -> r.notVisited = v);
        allot(
                others,
                UNREACHABLE_ONLY - sum(fixed, null, r -> r.unreachable),
                r -> 0,
                r -> Math.max(1, r.concluded() / 8),
                Row::concluded,
                (r, v) -> r.unreachable = v);
        allot(
                others,
                UNSATISFIED - sum(fixed, null, r -> r.unsatisfied),
                r -> referenceOf(r) == ReferenceCases.VILLAGE_HOUSING ? 1 : 0,
                r -> Math.max(1, r.answered() / 5),
                Row::answered,
                (r, v) -> r.unsatisfied = v);
        // not excellent: on the phone at least a tenth of the answered visits, so no other unit's score
        // reaches the reference's 话务端 五佳; a reference case needs a satisfied-but-not-excellent slot
        allot(
                others,
                NOT_EXCELLENT - sum(fixed, null, r -> r.notExcellent),
                DemoPlanner::minNotExcellent,
                r -> Math.max(minNotExcellent(r), r.answered() * 2 / 5),
                Row::answered,
                (r, v) -> r.notExcellent = v);

        List<Row> all = new ArrayList<>(fixed);
        all.addAll(others);
        return all;
    }

    private static ReferenceCase referenceOf(Row row) {
        return ReferenceCases.all().stream()
                .filter(c -> c.unit().equals(row.unit) && c.channel() == row.channel)
                .findFirst()
                .orElse(null);
    }

    private static int sum(List<Row> rows, Channel channel, ToIntFunction<Row> f) {
        return rows.stream()
                .filter(r -> channel == null || r.channel == channel)
                .mapToInt(f)
                .sum();
    }

    private static int minNotExcellent(Row r) {
        ReferenceCase ref = referenceOf(r);
        int needed = r.unsatisfied + (ref != null && ref != ReferenceCases.VILLAGE_HOUSING ? 1 : 0);
        return r.channel == Channel.PHONE ? Math.max(needed, r.unsatisfied + (r.answered() + 9) / 10) : needed;
    }

    /** Sets a count on every row: {@code total} split by {@link #distribute}, bounded per row. */
    private void allot(
            List<Row> rows,
            int total,
            ToIntFunction<Row> min,
            ToIntFunction<Row> cap,
            ToDoubleFunction<Row> weight,
            ObjIntConsumer<Row> setter) {
        int[] mins = rows.stream().mapToInt(min).toArray();
        int[] caps = rows.stream().mapToInt(cap).toArray();
        double[] weights = rows.stream().mapToDouble(weight).toArray();
        int[] values = distribute(total, mins, caps, weights);
        for (int i = 0; i < rows.size(); i++) {
            setter.accept(rows.get(i), values[i]);
        }
    }

    /** Splits {@code total} over slots: each its minimum, the rest one by one in proportion to weight. */
    private int[] distribute(int total, int[] min, int[] cap, double[] weight) {
        int[] out = min.clone();
        int left = total;
        for (int m : min) {
            left -= m;
        }
        if (left < 0) {
            throw new IllegalStateException("demo plan: the minimums exceed the total " + total);
        }
        for (; left > 0; left--) {
            double sum = 0;
            for (int i = 0; i < out.length; i++) {
                if (out[i] < cap[i]) {
                    sum += weight[i];
                }
            }
            if (sum <= 0) {
                throw new IllegalStateException("demo plan: cannot place " + left + " more of " + total);
            }
            double pick = rng.nextDouble() * sum;
            int chosen = -1;
            for (int i = 0; i < out.length && chosen < 0; i++) {
                if (out[i] < cap[i]) {
                    pick -= weight[i];
                    if (pick < 0) {
                        chosen = i;
                    }
                }
            }
            if (chosen < 0) {
                for (int i = out.length - 1; i >= 0 && chosen < 0; i--) {
                    if (out[i] < cap[i]) {
                        chosen = i;
                    }
                }
            }
            out[chosen]++;
        }
        return out;
    }

    // ---------------------------------------------------------------- cases and their roles

    private List<PlannedCase> cases(List<Row> rows) {
        TreeSet<String> usedIds = new TreeSet<>();
        ReferenceCases.all().forEach(c -> usedIds.add(c.caseId()));
        List<PlannedCase> cases = new ArrayList<>();
        for (Row row : rows) {
            List<Role> roles = row.roles();
            markLate(roles, row.late);
            shuffle(roles);
            ReferenceCase ref = referenceOf(row);
            if (ref != null) {
                Visit wanted = ref == ReferenceCases.VILLAGE_HOUSING ? Visit.UNSATISFIED : Visit.SATISFIED;
                int at = -1;
                for (int i = 0; i < roles.size() && at < 0; i++) {
                    Role r = roles.get(i);
                    if (r.concluded() && !r.late() && r.visit() == wanted) {
                        at = i;
                    }
                }
                if (at < 0) {
                    throw new IllegalStateException("demo plan: no slot for reference case " + ref.caseId());
                }
                Role role = roles.remove(at);
                PlannedCase c = new PlannedCase(ref.caseId(), ref.channel(), ref.unit(), role, ref);
                c.title = ref.title();
                c.category = REFERENCE_CATEGORIES.get(ref.caseId());
                for (String reason : ref.returnReasons()) {
                    c.steps.add(new Step(ref.unit(), reason));
                }
                c.steps.add(new Step(ref.unit(), null));
                cases.add(c);
            }
            for (Role role : roles) {
                PlannedCase c = new PlannedCase(newCaseId(row.channel, usedIds), row.channel, row.unit, role, null);
                String topic = AppealTopics.pick(row.unit, rng);
                c.category = topic;
                c.title = AppealTopics.title(topic, rng);
                c.steps.add(new Step(row.unit, null));
                cases.add(c);
            }
        }
        List<PlannedCase> unreachable = new ArrayList<>();
        List<PlannedCase> answered = new ArrayList<>();
        for (PlannedCase c : cases) {
            if (c.reference != null) {
                continue;
            }
            if (c.role.visit() == Visit.UNREACHABLE) {
                unreachable.add(c);
            } else if (c.role.visit().answered()) {
                answered.add(c);
            }
        }
        // a visit nobody answered counts in no rate, even when (wrongly) marked excellent
        unreachable.get(rng.nextInt(unreachable.size())).unreachableMarkedExcellent = true;
        for (int i = 0; i < TWO_VISIT_CASES; i++) {
            answered.remove(rng.nextInt(answered.size())).twoVisits = true;
        }
        return cases;
    }

    private static final Map<String, String> REFERENCE_CATEGORIES = Map.of(
            "614418", "食品安全",
            "625810", "电梯",
            "619389", "道路维修",
            "2796110", "房屋改造",
            "607226", "饮水安全");

    private void markLate(List<Role> roles, int late) {
        List<Integer> concluded = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i).concluded()) {
                concluded.add(i);
            }
        }
        for (int i = 0; i < late; i++) {
            int at = concluded.remove(rng.nextInt(concluded.size()));
            roles.set(at, new Role(true, true, roles.get(at).visit()));
        }
    }

    private String newCaseId(Channel channel, TreeSet<String> used) {
        while (true) {
            String id = channel == Channel.PHONE
                    ? String.valueOf(rng.nextInt(600_000, 640_000))
                    : String.valueOf(rng.nextInt(2_790_000, 2_800_000));
            if (used.add(id)) {
                return id;
            }
        }
    }

    private void assignWrongUnitReturns(List<PlannedCase> cases) {
        List<PlannedCase> candidates = new ArrayList<>();
        for (PlannedCase c : cases) {
            if (c.reference == null) {
                candidates.add(c);
            }
        }
        for (int i = 0; i < WRONG_UNIT_RETURNED_CASES; i++) {
            PlannedCase c = candidates.remove(rng.nextInt(candidates.size()));
            int wrong = i < TWICE_WRONGLY_RETURNED_CASES ? 2 : 1;
            List<DemoUnit> returners = new ArrayList<>();
            while (returners.size() < wrong) {
                DemoUnit u = DemoUnit.ALL.get(rng.nextInt(DemoUnit.ALL.size()));
                if (!u.equals(c.owner) && !returners.contains(u)) {
                    returners.add(u);
                }
            }
            List<Step> steps = new ArrayList<>();
            for (DemoUnit u : returners) {
                steps.add(new Step(u, WRONG_UNIT_REASONS.get(rng.nextInt(WRONG_UNIT_REASONS.size()))));
            }
            steps.addAll(c.steps);
            c.steps.clear();
            c.steps.addAll(steps);
        }
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, rng.nextInt(i + 1));
        }
    }

    // ---------------------------------------------------------------- timelines and events

    private void timeline(PlannedCase c) {
        int days = month.lengthOfMonth();
        Role role = c.role;
        int firstDay;
        if (c.reference != null || role.late()) {
            firstDay = rng.nextInt(1, 7);
        } else if (!role.concluded()) {
            firstDay = rng.nextInt(days - 12, days - 4);
        } else if (role.visit() == Visit.NONE) {
            firstDay = rng.nextInt(days - 14, days - 5);
        } else {
            firstDay = rng.nextInt(1, days - 8);
        }
        String source = DemoMonth.sourceOf(c.channel);
        Instant t = month.atDay(firstDay).atTime(8, 0).atZone(ZONE).toInstant().plusSeconds(rng.nextLong(0, 12 * 3600));
        boolean includeDefaultDue = rng.nextInt(10) < 6;
        Instant previousReturn = null;
        Instant lastAcceptance = null;
        Instant due = null;
        boolean lastVisited = role.concluded() && role.visit() != Visit.NONE;
        Instant limit = lastVisited ? end.minus(Duration.ofDays(4)) : end.minus(Duration.ofHours(1));
        for (int i = 0; i < c.steps.size(); i++) {
            Step step = c.steps.get(i);
            boolean last = i == c.steps.size() - 1;
            Instant assignedAt = previousReturn == null
                    ? t.minusSeconds(rng.nextLong(300, 5400))
                    : between(previousReturn.plusSeconds(1), t);
            Instant dueAt = calendar.dueAt(t, DemoMonth.DEFAULT_WORKING_DAYS);
            boolean explicitDue = includeDefaultDue;
            if (last) {
                lastAcceptance = t;
                if (role.late()) {
                    boolean defaultFits = !dueAt.plus(Duration.ofHours(3)).isAfter(limit);
                    if (!(defaultFits && rng.nextInt(4) == 0)) {
                        dueAt = calendar.dueAt(t, rng.nextInt(2, 5));
                        explicitDue = true;
                    }
                } else if (role.concluded() && role.visit() != Visit.NONE && rng.nextInt(5) == 0) {
                    dueAt = calendar.dueAt(t, rng.nextInt(6, 13));
                    explicitDue = true;
                }
                due = dueAt;
            }
            c.events.add(event(
                    c,
                    source,
                    new Accepted(
                            c.caseId,
                            step.unit().unitId(),
                            step.unit().unitName(),
                            c.channel,
                            c.title,
                            c.category,
                            t,
                            explicitDue ? dueAt : null,
                            assignedAt)));
            if (step.returnReason() != null) {
                Instant returnedAt = t.plusSeconds(rng.nextLong(3600, 20 * 3600));
                c.events.add(event(
                        c, source, new Returned(c.caseId, step.unit().unitId(), step.returnReason(), returnedAt)));
                c.returns.add(new ReturnFact(step.unit().unitId(), step.returnReason(), returnedAt));
                previousReturn = returnedAt;
                t = returnedAt.plusSeconds(rng.nextLong(1800, 12 * 3600));
            }
        }
        if (!t.isBefore(end)) {
            throw new IllegalStateException("demo plan: case " + c.caseId + " runs past " + month);
        }
        if (!role.concluded()) {
            return;
        }
        Instant earliest = lastAcceptance.plus(Duration.ofHours(2));
        Instant concludedAt;
        if (role.visit() == Visit.NONE) {
            // concluded in the last two days, too late in the month to be visited yet
            Instant lo = max(earliest, end.minus(Duration.ofDays(2)));
            Instant hi = end.minus(Duration.ofHours(1));
            if (role.late()) {
                lo = max(lo, due.plus(Duration.ofHours(3)));
            } else {
                hi = min(hi, due);
            }
            concludedAt = between(lo, hi);
        } else if (role.late()) {
            concludedAt = between(due.plus(Duration.ofHours(3)), min(due.plus(Duration.ofDays(6)), limit));
        } else if (!boundaryCasePlanned
                && c.reference == null
                && due.isBefore(limit)
                && !due.equals(calendar.dueAt(lastAcceptance, DemoMonth.DEFAULT_WORKING_DAYS))) {
            // concluded in the last second of its deadline: on time, as the rule is "occurredAt <= dueAt"
            boundaryCasePlanned = true;
            concludedAt = due;
        } else {
            concludedAt = between(earliest, min(min(due, limit), lastAcceptance.plus(Duration.ofDays(10))));
        }
        boolean late = concludedAt.isAfter(due);
        if (late != role.late() || concludedAt.isBefore(earliest) || !concludedAt.isBefore(end)) {
            throw new IllegalStateException("demo plan: case " + c.caseId + " does not fit " + month);
        }
        c.events.add(event(
                c,
                source,
                new Concluded(c.caseId, c.owner.unitId(), REPLIES.get(rng.nextInt(REPLIES.size())), concludedAt)));
        if (role.visit() == Visit.NONE) {
            return;
        }
        String visitUnit = rng.nextInt(10) == 0 ? null : c.owner.unitId();
        Instant visitedAt = concludedAt.plusSeconds(rng.nextLong(3600, 48 * 3600));
        if (c.twoVisits) {
            c.events.add(
                    event(c, source, new Visited(c.caseId, visitUnit, Satisfaction.UNREACHABLE, false, visitedAt)));
            visitedAt = visitedAt.plusSeconds(rng.nextLong(2 * 3600, 30 * 3600));
        }
        Satisfaction satisfaction;
        boolean excellent = false;
        switch (role.visit()) {
            case UNREACHABLE:
                satisfaction = Satisfaction.UNREACHABLE;
                excellent = c.unreachableMarkedExcellent;
                break;
            case UNSATISFIED:
                satisfaction = Satisfaction.UNSATISFIED;
                break;
            case SATISFIED:
                satisfaction = rng.nextInt(3) == 0 ? Satisfaction.SATISFIED : Satisfaction.BASICALLY_SATISFIED;
                break;
            case EXCELLENT:
                satisfaction = Satisfaction.SATISFIED;
                excellent = true;
                break;
            default:
                throw new IllegalStateException(role.visit().name());
        }
        if (!visitedAt.isBefore(end)) {
            throw new IllegalStateException("demo plan: visit of case " + c.caseId + " runs past " + month);
        }
        c.events.add(event(c, source, new Visited(c.caseId, visitUnit, satisfaction, excellent, visitedAt)));
    }

    // ---------------------------------------------------------------- dispatch, sign-in, extensions

    private static final long LIFECYCLE_SALT = 0x5349474e494eL;

    /** The city platform's dispatching seat (派单员) named on every dispatch. */
    static final String DISPATCHER = "兴隆台区8890平台";

    /** Working days to sign for a dispatched case: the default of metrics-service (Bengbu's 1 working day). */
    static final int SIGN_IN_WORKING_DAYS = 1;

    /**
     * A dispatch (派单, lead) with every acceptance, at the same time, and the unit's sign-in (签收) before its next
     * step (a return or the conclusion): mostly within the limit, about one in ten late where the next step leaves
     * room, and about one in twenty-five of the open cases not signed yet. Tallies 及时签收率's counts as planned: per
     * unit once per case, by its latest dispatch.
     */
    private void dispatchesAndSignIns(PlannedCase c, Map<UnitKey, SignIns> tally) {
        List<CaseEvent> five = List.copyOf(c.events);
        String source = DemoMonth.sourceOf(c.channel);
        Map<String, Boolean> latestOnTime = new LinkedHashMap<>();
        int dispatches = 0;
        for (int i = 0; i < five.size(); i++) {
            if (!(five.get(i).data() instanceof Accepted a)) {
                continue;
            }
            Instant t = a.occurredAt();
            dispatches++;
            c.events.add(CaseEvent.of(
                    c.caseId + "-p" + dispatches,
                    source,
                    new Assigned(c.caseId, a.unitId(), a.unitName(), HandlingRole.LEAD, DISPATCHER, null, t)));
            Instant next = i + 1 < five.size() ? five.get(i + 1).occurredAt() : null;
            Instant lo = t.plus(Duration.ofMinutes(5));
            Instant hi = next == null ? end.minus(Duration.ofHours(1)) : next.minusSeconds(1);
            Instant due = calendar.dueAt(t, SIGN_IN_WORKING_DAYS);
            int draw = lifecycleRng.nextInt(100);
            Instant signedAt;
            if (next == null && draw < 4) {
                signedAt = null;
            } else if (draw < 14 && hi.isAfter(due.plus(Duration.ofHours(1)))) {
                signedAt = lifecycleBetween(due.plusSeconds(1), min(hi, due.plus(Duration.ofDays(3))));
            } else {
                signedAt = lifecycleBetween(lo, min(hi, due));
            }
            if (signedAt != null) {
                c.events.add(
                        CaseEvent.of(c.caseId + "-s" + dispatches, source, new Signed(c.caseId, a.unitId(), signedAt)));
            }
            latestOnTime.remove(a.unitId());
            latestOnTime.put(a.unitId(), signedAt != null && !signedAt.isAfter(due));
        }
        latestOnTime.forEach((unitId, onTime) ->
                tally.merge(new UnitKey(unitId, c.channel), new SignIns(1, onTime ? 1 : 0), SignIns::plus));
    }

    /**
     * About one in twenty-five cases concluded in time asked for more time and got it (the new deadline a week later),
     * and one in six of those concluded late asked and was refused: neither changes a count, as neither can (an
     * approval does not make a timely conclusion late, a refusal leaves the deadline). The 较差件 have none.
     */
    private void extension(PlannedCase c) {
        if (!c.role.concluded() || c.reference != null) {
            return;
        }
        boolean approve = !c.role.late() && lifecycleRng.nextInt(25) == 0;
        boolean refuse = c.role.late() && lifecycleRng.nextInt(6) == 0;
        if (!approve && !refuse) {
            return;
        }
        Accepted latest = null;
        Concluded conclusion = null;
        for (CaseEvent event : c.events) {
            if (event.data() instanceof Accepted a) {
                latest = a;
            } else if (event.data() instanceof Concluded done) {
                conclusion = done;
            }
        }
        Instant due = latest.dueAt() != null
                ? latest.dueAt()
                : calendar.dueAt(latest.occurredAt(), DemoMonth.DEFAULT_WORKING_DAYS);
        // asked and decided while the deadline still ran, and before the conclusion
        Instant until = min(due, conclusion.occurredAt());
        Duration room = Duration.between(latest.occurredAt(), until);
        Instant askedAt = latest.occurredAt().plus(room.dividedBy(3));
        Instant decidedAt = latest.occurredAt().plus(room.dividedBy(3).multipliedBy(2));
        Instant extendedTo = approve ? due.plus(Duration.ofDays(7)) : null;
        String source = DemoMonth.sourceOf(c.channel);
        String extensionId = "yq-" + c.caseId;
        c.events.add(CaseEvent.of(
                c.caseId + "-x1",
                source,
                new ExtensionRequested(
                        c.caseId,
                        latest.unitId(),
                        extensionId,
                        due.plus(Duration.ofDays(7)),
                        "需协调多个部门现场核查，申请延期办理",
                        askedAt)));
        c.events.add(CaseEvent.of(
                c.caseId + "-x2",
                source,
                new ExtensionDecided(
                        c.caseId,
                        latest.unitId(),
                        extensionId,
                        approve ? ExtensionOutcome.APPROVED : ExtensionOutcome.REFUSED,
                        extendedTo,
                        DISPATCHER,
                        approve ? "理由充分，同意延期" : "诉求事项简单，不同意延期",
                        decidedAt)));
    }

    private Instant lifecycleBetween(Instant lo, Instant hi) {
        Instant top = hi.isBefore(lo) ? lo : hi;
        return Instant.ofEpochSecond(lifecycleRng.nextLong(lo.getEpochSecond(), top.getEpochSecond() + 1));
    }

    private static CaseEvent event(PlannedCase c, String source, EventData data) {
        return CaseEvent.of(c.caseId + "-" + (c.events.size() + 1), source, data);
    }

    private Instant between(Instant lo, Instant hi) {
        if (hi.isBefore(lo)) {
            throw new IllegalStateException("demo plan: empty time window " + lo + " .. " + hi + " in " + month);
        }
        return Instant.ofEpochSecond(rng.nextLong(lo.getEpochSecond(), hi.getEpochSecond() + 1));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    // ---------------------------------------------------------------- duty log-ins

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private List<CaseEvent> logins(Map<String, List<LocalDate>> missedOut) {
        List<LocalDate> workingDays = calendar.workingDays(month);
        Map<DemoUnit, Integer> misses = new LinkedHashMap<>();
        Map<DemoUnit, Integer> lateLogins = new LinkedHashMap<>();
        misses.put(DemoUnit.HUANXILING, 5);
        lateLogins.put(DemoUnit.HUANXILING, 1);
        misses.put(DemoUnit.CICAI, 4);
        lateLogins.put(DemoUnit.CICAI, 1);
        misses.put(DemoUnit.XINGONG, 3);
        List<DemoUnit> rest = new ArrayList<>(DemoUnit.ALL);
        rest.removeAll(misses.keySet());
        DemoUnit lateOnce = rest.remove(rng.nextInt(rest.size()));
        DemoUnit missesMakeUpDay = rest.remove(rng.nextInt(rest.size()));
        DemoUnit missesOnce = rest.remove(rng.nextInt(rest.size()));
        DemoUnit lastSecond = rest.remove(rng.nextInt(rest.size()));
        misses.put(lateOnce, 1);
        lateLogins.put(lateOnce, 1);
        misses.put(missesMakeUpDay, 1);
        misses.put(missesOnce, 1);
        LocalDate makeUpDay = workingDays.stream()
                .filter(d -> calendar.dayKind(d) == WorkingCalendar.DayKind.MAKEUP_WORKDAY)
                .findFirst()
                .orElse(null);

        List<CaseEvent> logins = new ArrayList<>();
        for (DemoUnit unit : DemoUnit.ALL) {
            List<LocalDate> pool = new ArrayList<>(workingDays);
            TreeSet<LocalDate> missed = new TreeSet<>();
            int n = misses.getOrDefault(unit, 0);
            if (unit.equals(missesMakeUpDay) && makeUpDay != null) {
                missed.add(makeUpDay);
                pool.remove(makeUpDay);
                n--;
            }
            for (int i = 0; i < n; i++) {
                missed.add(pool.remove(rng.nextInt(pool.size())));
            }
            List<LocalDate> missedList = new ArrayList<>(missed);
            TreeSet<LocalDate> lateDays = new TreeSet<>();
            for (int i = 0; i < lateLogins.getOrDefault(unit, 0); i++) {
                lateDays.add(missedList.get(rng.nextInt(missedList.size())));
            }
            LocalDate lastSecondDay = unit.equals(lastSecond) ? pool.get(rng.nextInt(pool.size())) : null;
            for (LocalDate day : workingDays) {
                List<Instant> times = new ArrayList<>();
                if (missed.contains(day)) {
                    if (lateDays.contains(day)) {
                        times.add(at(day, LocalTime.of(16, 5), LocalTime.of(19, 0)));
                    }
                } else if (day.equals(lastSecondDay)) {
                    times.add(day.atTime(15, 59, 59).atZone(ZONE).toInstant());
                } else {
                    Instant first = rng.nextInt(5) < 4
                            ? at(day, LocalTime.of(8, 0), LocalTime.of(10, 30))
                            : at(day, LocalTime.of(10, 30), LocalTime.of(15, 50));
                    times.add(first);
                    if (rng.nextInt(100) < 15) {
                        times.add(between(
                                first.plus(Duration.ofHours(1)),
                                day.atTime(20, 0).atZone(ZONE).toInstant()));
                    }
                }
                for (int i = 0; i < times.size(); i++) {
                    logins.add(login(unit, day, i + 1, times.get(i)));
                }
            }
            missedOut.put(unit.unitId(), new ArrayList<>(missed));
        }
        // a few log-ins on rest days: they count for no working day
        List<LocalDate> restDays = new ArrayList<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                restDays.add(d);
            }
        }
        for (int i = 0; i < 6 && !restDays.isEmpty(); i++) {
            DemoUnit unit = DemoUnit.ALL.get(rng.nextInt(DemoUnit.ALL.size()));
            LocalDate day = restDays.get(rng.nextInt(restDays.size()));
            logins.add(login(unit, day, 100 + i, at(day, LocalTime.of(9, 0), LocalTime.of(11, 0))));
        }
        return logins;
    }

    private CaseEvent login(DemoUnit unit, LocalDate day, int n, Instant at) {
        String id = "login-" + unit.unitId() + "-" + day.format(DAY) + "-" + n;
        return CaseEvent.of(id, DemoMonth.PHONE_SOURCE, new UnitLogin(unit.unitId(), at));
    }

    private Instant at(LocalDate day, LocalTime from, LocalTime to) {
        return between(
                day.atTime(from).atZone(ZONE).toInstant(),
                day.atTime(to).atZone(ZONE).toInstant());
    }

    // ---------------------------------------------------------------- expected totals, from the plan

    private ExpectedTotals expected(
            List<PlannedCase> cases, Map<String, List<LocalDate>> missed, Map<UnitKey, SignIns> signIns) {
        Map<UnitKey, Counts> byUnit = new TreeMap<>();
        List<Pushback> pushbacks = new ArrayList<>();
        for (PlannedCase c : cases) {
            Role r = c.role;
            Visit v = r.concluded() ? r.visit() : Visit.NONE;
            Counts owner = new Counts(
                    1,
                    r.concluded() ? 1 : 0,
                    r.concluded() && !r.late() ? 1 : 0,
                    v.answered() ? 1 : 0,
                    v == Visit.SATISFIED || v == Visit.EXCELLENT ? 1 : 0,
                    v == Visit.EXCELLENT ? 1 : 0,
                    0,
                    c.reference != null ? 1 : 0);
            byUnit.merge(new UnitKey(c.owner.unitId(), c.channel), owner, Counts::plus);
            for (ReturnFact ret : c.returns) {
                byUnit.merge(new UnitKey(ret.unitId(), c.channel), new Counts(0, 0, 0, 0, 0, 0, 1, 0), Counts::plus);
            }
            if (c.reference != null) {
                pushbacks.add(new Pushback(
                        c.caseId,
                        c.title,
                        c.owner.unitId(),
                        c.owner.unitName(),
                        c.channel,
                        c.returns,
                        c.owner.unitId()));
            }
        }
        pushbacks.sort(Comparator.comparing(Pushback::caseId));
        Map<Channel, Overview> byChannel = new EnumMap<>(Channel.class);
        Counts total = Counts.NONE;
        TreeSet<String> allUnits = new TreeSet<>();
        for (Channel channel : Channel.values()) {
            Counts sum = Counts.NONE;
            TreeSet<String> units = new TreeSet<>();
            for (Map.Entry<UnitKey, Counts> e : byUnit.entrySet()) {
                if (e.getKey().channel() == channel) {
                    sum = sum.plus(e.getValue());
                    if (e.getValue().received() > 0 || e.getValue().returns() > 0) {
                        units.add(e.getKey().unitId());
                    }
                }
            }
            byChannel.put(channel, new Overview(sum, units.size()));
            total = total.plus(sum);
            allUnits.addAll(units);
        }
        List<String> letters = new ArrayList<>();
        missed.forEach((unit, days) -> {
            if (days.size() >= ExpectedTotals.REMINDER_LETTER_MISSED_DAYS) {
                letters.add(unit);
            }
        });
        return new ExpectedTotals(
                month,
                new Overview(total, allUnits.size()),
                byChannel,
                new TreeMap<>(byUnit),
                pushbacks,
                new TreeMap<>(missed),
                letters,
                calendar.workingDays(month),
                new TreeMap<>(signIns));
    }
}
