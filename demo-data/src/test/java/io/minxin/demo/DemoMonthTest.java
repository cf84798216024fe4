package io.minxin.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.minxin.demo.ExpectedTotals.UnitKey;
import io.minxin.demo.ReferenceCases.ReferenceCase;
import io.minxin.events.Accepted;
import io.minxin.events.Assigned;
import io.minxin.events.CaseData;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.EventJson;
import io.minxin.events.EventType;
import io.minxin.events.EventValidator;
import io.minxin.events.ExtensionDecided;
import io.minxin.events.ExtensionOutcome;
import io.minxin.events.HandlingRole;
import io.minxin.events.Returned;
import io.minxin.events.Satisfaction;
import io.minxin.events.Signed;
import io.minxin.events.UnitLogin;
import io.minxin.events.Visited;
import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.state.Counts;
import io.minxin.events.state.Rates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class DemoMonthTest {
    private static final DemoMonth DEMO = DemoMonth.generate();
    private static final WorkingCalendar CALENDAR = WorkingCalendar.china();

    @Test
    void sameSeedAndMonthGiveByteIdenticalEvents() {
        DemoMonth again = DemoMonth.generate(DemoMonth.DEFAULT_SEED, DemoMonth.DEFAULT_MONTH);

        assertThat(ndjson(again.events())).isEqualTo(ndjson(DEMO.events()));
        assertThat(again.expected()).isEqualTo(DEMO.expected());
        assertThat(ndjson(DemoMonth.generate(1, DemoMonth.DEFAULT_MONTH).events()))
                .isNotEqualTo(ndjson(DEMO.events()));
    }

    @Test
    void monthHas1316AcceptedCasesOver28Units() {
        Set<String> accepted = new TreeSet<>();
        Set<String> units = new TreeSet<>();
        for (CaseEvent e : DEMO.events()) {
            if (e.data() instanceof Accepted) {
                accepted.add(((Accepted) e.data()).caseId());
                units.add(((Accepted) e.data()).unitId());
            }
        }

        assertThat(accepted).hasSize(1316);
        assertThat(units).hasSize(28);
        assertThat(units)
                .containsExactlyInAnyOrderElementsOf(
                        DemoUnit.ALL.stream().map(DemoUnit::unitId).toList());
        assertThat(DEMO.expected().total().counts().received()).isEqualTo(1316);
        assertThat(DEMO.expected().total().units()).isEqualTo(28);
    }

    @Test
    void caseIdsLookLikeTheReferencesDepartmentNumbers() {
        assertThat(byCase(DEMO.events()).keySet())
                .allSatisfy(id -> assertThat(id).matches("[0-9]{6,7}"));
    }

    @Test
    void everyEventLiesInsideTheMonthInShanghaiTime() {
        Instant start = Instant.parse("2020-08-31T16:00:00Z");
        Instant end = Instant.parse("2020-09-30T16:00:00Z");

        assertThat(DEMO.events()).allSatisfy(e -> {
            assertThat(e.occurredAt()).isAfterOrEqualTo(start).isBefore(end);
            assertThat(e.time()).isEqualTo(e.occurredAt());
        });
        assertThat(DEMO.events()).isSortedAccordingTo(DemoMonth.TIME_ORDER);
    }

    @Test
    void eventIdsAreUniquePerSource() {
        Set<String> keys = new HashSet<>();
        for (CaseEvent e : DEMO.events()) {
            assertThat(keys.add(e.dedupeKey())).as(e.dedupeKey()).isTrue();
        }
        assertThat(DEMO.events())
                .extracting(CaseEvent::source)
                .containsOnly(DemoMonth.PHONE_SOURCE, DemoMonth.WEB_SOURCE);
        assertThat(DEMO.loginEvents()).extracting(CaseEvent::source).containsOnly(DemoMonth.PHONE_SOURCE);
    }

    @Test
    void eachChannelComesFromItsOwnSource() {
        for (List<CaseEvent> events : byCase(DEMO.events()).values()) {
            Channel channel = ((Accepted) events.get(0).data()).channel();
            assertThat(events).extracting(CaseEvent::source).containsOnly(DemoMonth.sourceOf(channel));
        }
    }

    @Test
    void everyEventPassesTheValidator() {
        EventValidator validator = new EventValidator(
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                EventValidator.DEFAULT_MAX_CLOCK_SKEW);
        List<ObjectNode> nodes = DEMO.events().stream().map(EventJson::toNode).toList();

        EventValidator.Result result = validator.validate(nodes);

        assertThat(result.violations()).isEmpty();
        assertThat(result.events()).isEqualTo(DEMO.events());
    }

    @Test
    void everyEventSurvivesAJsonRoundTrip() {
        assertThat(DEMO.events())
                .allSatisfy(e ->
                        assertThat(EventJson.fromBytes(EventJson.toBytes(e))).isEqualTo(e));
    }

    @Test
    void theFiveReferenceCasesAreReturnedByTheirUnitAndConcludedByIt() {
        Map<String, List<CaseEvent>> cases = byCase(DEMO.events());

        for (ReferenceCase ref : ReferenceCases.all()) {
            List<CaseEvent> events = cases.get(ref.caseId());
            assertThat(events).as(ref.caseId()).isNotNull();
            List<String> reasons = new ArrayList<>();
            List<String> chain = new ArrayList<>();
            for (CaseEvent e : events) {
                if (e.data() instanceof Accepted) {
                    Accepted a = (Accepted) e.data();
                    assertThat(a.title()).isEqualTo(ref.title());
                    assertThat(a.unitName()).isEqualTo(ref.unit().unitName());
                    assertThat(a.channel()).isEqualTo(ref.channel());
                    chain.add("accepted:" + a.unitId());
                } else if (e.data() instanceof Returned) {
                    reasons.add(((Returned) e.data()).reason());
                    chain.add("returned:" + ((Returned) e.data()).unitId());
                } else if (e.data() instanceof Concluded) {
                    chain.add("concluded:" + ((Concluded) e.data()).unitId());
                }
            }
            List<String> expectedChain = new ArrayList<>();
            for (int i = 0; i < ref.returns(); i++) {
                expectedChain.add("accepted:" + ref.unit().unitId());
                expectedChain.add("returned:" + ref.unit().unitId());
            }
            expectedChain.add("accepted:" + ref.unit().unitId());
            expectedChain.add("concluded:" + ref.unit().unitId());
            assertThat(chain).as(ref.caseId()).isEqualTo(expectedChain);
            assertThat(reasons).as(ref.caseId()).isEqualTo(ref.returnReasons());
        }
        assertThat(ReferenceCases.all())
                .extracting(ReferenceCase::caseId, ReferenceCase::returns)
                .containsExactly(
                        tuple("614418", 1),
                        tuple("625810", 3),
                        tuple("619389", 3),
                        tuple("2796110", 4),
                        tuple("607226", 2));
    }

    @Test
    void expectedPushbacksAreExactlyTheReferenceCases() {
        assertThat(DEMO.expected().pushbacks())
                .extracting(ExpectedTotals.Pushback::caseId)
                .containsExactly("2796110", "607226", "614418", "619389", "625810");
        for (ExpectedTotals.Pushback p : DEMO.expected().pushbacks()) {
            ReferenceCase ref = ReferenceCases.byId(p.caseId()).orElseThrow();
            assertThat(p.title()).isEqualTo(ref.title());
            assertThat(p.unitId()).isEqualTo(ref.unit().unitId()).isEqualTo(p.concludedBy());
            assertThat(p.unitName()).isEqualTo(ref.unit().unitName());
            assertThat(p.returns())
                    .extracting(ExpectedTotals.ReturnFact::reason)
                    .isEqualTo(ref.returnReasons());
        }
    }

    @Test
    void referenceDescriptionsCarryTheBulletinTexts() {
        assertThat(ReferenceCases.FOOD_SAFETY.description()).startsWith("兴隆台区河畔小区福区中门，有一辆面包车售卖熟食");
        assertThat(ReferenceCases.all())
                .allSatisfy(c -> assertThat(c.description())
                        .startsWith(c.appeal().substring(0, c.appeal().length() - 1)));
        assertThat(ReferenceCases.byId("000000")).isEmpty();
    }

    @Test
    void otherReturnsAreReassignedToAnotherUnitWithoutPushback() {
        int reassigned = 0;
        for (List<CaseEvent> events : byCase(DEMO.events()).values()) {
            Set<String> returners = new HashSet<>();
            String concluder = null;
            for (CaseEvent e : events) {
                if (e.data() instanceof Returned) {
                    returners.add(((Returned) e.data()).unitId());
                } else if (e.data() instanceof Concluded) {
                    concluder = ((Concluded) e.data()).unitId();
                }
            }
            String caseId = ((CaseData) events.get(0).data()).caseId();
            if (!returners.isEmpty() && ReferenceCases.byId(caseId).isEmpty()) {
                reassigned++;
                assertThat(returners).as(caseId).doesNotContain(concluder);
            }
        }
        assertThat(reassigned).isGreaterThanOrEqualTo(20);
    }

    @Test
    void expectedTotalsAgreeWithANaiveCountOfTheEvents() {
        Counts total = DEMO.expected().total().counts();
        Map<String, List<CaseEvent>> cases = byCase(DEMO.events());
        long returns = 0;
        long concluded = 0;
        long late = 0;
        long answered = 0;
        long satisfied = 0;
        long excellent = 0;
        Map<UnitKey, Long> returnsByUnit = new TreeMap<>();
        for (List<CaseEvent> events : cases.values()) {
            Accepted latest = null;
            Concluded conclusion = null;
            Visited visit = null;
            Channel channel = ((Accepted) events.get(0).data()).channel();
            for (CaseEvent e : events) {
                if (e.data() instanceof Accepted) {
                    latest = (Accepted) e.data();
                } else if (e.data() instanceof Returned) {
                    returns++;
                    returnsByUnit.merge(new UnitKey(((Returned) e.data()).unitId(), channel), 1L, Long::sum);
                } else if (e.data() instanceof Concluded) {
                    conclusion = (Concluded) e.data();
                } else if (e.data() instanceof Visited) {
                    visit = (Visited) e.data();
                }
            }
            if (conclusion != null) {
                concluded++;
                Instant due = latest.dueAt() != null
                        ? latest.dueAt()
                        : CALENDAR.dueAt(latest.occurredAt(), DemoMonth.DEFAULT_WORKING_DAYS);
                if (conclusion.occurredAt().isAfter(due)) {
                    late++;
                }
            }
            if (visit != null && visit.satisfaction().answered()) {
                answered++;
                satisfied += visit.satisfaction().satisfied() ? 1 : 0;
                excellent += visit.excellent() ? 1 : 0;
            }
        }

        assertThat(cases).hasSize((int) total.received());
        assertThat(returns).isEqualTo(total.returns());
        assertThat(concluded).isEqualTo(total.concluded());
        assertThat(late).isEqualTo(total.concluded() - total.concludedOnTime());
        assertThat(answered).isEqualTo(total.visited());
        assertThat(satisfied).isEqualTo(total.satisfied());
        assertThat(excellent).isEqualTo(total.excellent());
        returnsByUnit.forEach((key, n) -> assertThat(
                        DEMO.expected().unit(key.unitId(), key.channel()).returns())
                .as(key.toString())
                .isEqualTo(n));
    }

    @Test
    void overviewIsTheSumOfTheUnitsAndTheChannels() {
        ExpectedTotals expected = DEMO.expected();
        Counts phone = Counts.NONE;
        Counts web = Counts.NONE;
        for (Map.Entry<UnitKey, Counts> e : expected.byUnit().entrySet()) {
            if (e.getKey().channel() == Channel.PHONE) {
                phone = phone.plus(e.getValue());
            } else {
                web = web.plus(e.getValue());
            }
        }

        assertThat(expected.overview(Channel.PHONE).counts()).isEqualTo(phone);
        assertThat(expected.overview(Channel.WEB).counts()).isEqualTo(web);
        assertThat(expected.total().counts()).isEqualTo(phone.plus(web));
        assertThat(expected.overview(Channel.PHONE).units()).isEqualTo(28);
        assertThat(expected.overview(Channel.WEB).units()).isEqualTo((int) expected.byUnit().keySet().stream()
                .filter(k -> k.channel() == Channel.WEB)
                .count());
    }

    @Test
    void overallRatesMatchTheReferenceBulletin() {
        Counts total = DEMO.expected().total().counts();
        Rates rates = DEMO.expected().total().rates();

        assertThat(rates.completionRate()).isCloseTo(0.9574, within(0.00005));
        assertThat(rates.onTimeRate()).isCloseTo(0.9613, within(0.001));
        assertThat(rates.satisfactionRate()).isCloseTo(0.9755, within(0.00005));
        assertThat(rates.excellentRate()).isCloseTo(0.8402, within(0.00005));
        assertThat(total.pushbacks()).isEqualTo(5);
    }

    @Test
    void theReferencesBestUnitsLeadTheirChannel() {
        // 话务端: 0.2 completion + 0.2 on time + 0.2 satisfaction + 0.4 excellent, ties by received
        List<String> phone = DEMO.expected().byUnit().entrySet().stream()
                .filter(e -> e.getKey().channel() == Channel.PHONE)
                .sorted(Comparator.comparing(
                                (Map.Entry<UnitKey, Counts> e) -> phoneScore(e.getValue()), Comparator.reverseOrder())
                        .thenComparing(e -> e.getValue().received(), Comparator.reverseOrder()))
                .limit(5)
                .map(e -> e.getKey().unitId())
                .toList();
        // 网络端: completion, on time, satisfaction, excellent, then received, all descending
        List<String> web = DEMO.expected().byUnit().entrySet().stream()
                .filter(e -> e.getKey().channel() == Channel.WEB && e.getValue().received() > 0)
                .sorted(Comparator.comparing(
                                (Map.Entry<UnitKey, Counts> e) ->
                                        e.getValue().rates().completionRate(),
                                Comparator.reverseOrder())
                        .thenComparing(e -> e.getValue().rates().onTimeRate(), Comparator.reverseOrder())
                        .thenComparing(e -> e.getValue().rates().satisfactionRate(), Comparator.reverseOrder())
                        .thenComparing(e -> e.getValue().rates().excellentRate(), Comparator.reverseOrder())
                        .thenComparing(e -> e.getValue().received(), Comparator.reverseOrder()))
                .limit(5)
                .map(e -> e.getKey().unitId())
                .toList();

        assertThat(phone)
                .containsExactly(
                        DemoUnit.GONGXIN.unitId(),
                        DemoUnit.SHUIWU.unitId(),
                        DemoUnit.SHICHANG.unitId(),
                        DemoUnit.YOUTIAN_JIAOYU.unitId(),
                        DemoUnit.SHEBAO.unitId());
        assertThat(web)
                .containsExactly(
                        DemoUnit.SHEBAO.unitId(),
                        DemoUnit.SHENCAI.unitId(),
                        DemoUnit.ZONGHE_ZHIFA.unitId(),
                        DemoUnit.YOUTIAN_JIAOYU.unitId(),
                        DemoUnit.SHICHANG.unitId());
    }

    private static double phoneScore(Counts counts) {
        Rates r = counts.rates();
        if (r.completionRate() == null || r.onTimeRate() == null || r.satisfactionRate() == null) {
            return -1;
        }
        return 0.2 * r.completionRate() + 0.2 * r.onTimeRate() + 0.2 * r.satisfactionRate() + 0.4 * r.excellentRate();
    }

    @Test
    void visitsCoverEverySatisfactionAndRevisitsAfterUnreachable() {
        Set<Satisfaction> seen = EnumSet.noneOf(Satisfaction.class);
        Set<Boolean> excellent = new HashSet<>();
        int revisited = 0;
        int unreachableMarkedExcellent = 0;
        for (List<CaseEvent> events : byCase(DEMO.events()).values()) {
            List<Visited> visits = events.stream()
                    .filter(e -> e.data() instanceof Visited)
                    .map(e -> (Visited) e.data())
                    .toList();
            visits.forEach(v -> {
                seen.add(v.satisfaction());
                excellent.add(v.excellent());
            });
            if (visits.size() == 2) {
                assertThat(visits.get(0).satisfaction()).isEqualTo(Satisfaction.UNREACHABLE);
                assertThat(visits.get(1).satisfaction().answered()).isTrue();
                revisited++;
            }
            unreachableMarkedExcellent += (int) visits.stream()
                    .filter(v -> v.satisfaction() == Satisfaction.UNREACHABLE && v.excellent())
                    .count();
        }

        assertThat(seen).containsExactlyInAnyOrder(Satisfaction.values());
        assertThat(excellent).containsExactlyInAnyOrder(true, false);
        assertThat(revisited).isEqualTo(DemoPlanner.TWO_VISIT_CASES);
        assertThat(unreachableMarkedExcellent).isEqualTo(1);
    }

    @Test
    void someConclusionsAreLateAgainstExplicitAndDefaultDeadlines() {
        int lateExplicit = 0;
        int lateDefault = 0;
        int exactlyAtDeadline = 0;
        for (List<CaseEvent> events : byCase(DEMO.events()).values()) {
            Accepted latest = null;
            for (CaseEvent e : events) {
                if (e.data() instanceof Accepted) {
                    latest = (Accepted) e.data();
                } else if (e.data() instanceof Concluded) {
                    Instant at = e.occurredAt();
                    if (latest.dueAt() == null) {
                        lateDefault += at.isAfter(CALENDAR.dueAt(latest.occurredAt(), 15)) ? 1 : 0;
                    } else {
                        lateExplicit += at.isAfter(latest.dueAt()) ? 1 : 0;
                        exactlyAtDeadline += at.equals(latest.dueAt()) ? 1 : 0;
                    }
                }
            }
        }
        assertThat(lateExplicit).isPositive();
        assertThat(lateDefault).isPositive();
        assertThat(exactlyAtDeadline).isEqualTo(1);
    }

    @Test
    void dutyLoginsMatchTheExpectedMissedDays() {
        Map<String, Set<LocalDate>> attended = new HashMap<>();
        boolean lateLoginOnMissedDay = false;
        for (CaseEvent e : DEMO.loginEvents()) {
            UnitLogin login = (UnitLogin) e.data();
            var local = login.occurredAt().atZone(WorkingCalendar.ZONE);
            if (local.toLocalTime().isBefore(ExpectedTotals.DUTY_DEADLINE)) {
                attended.computeIfAbsent(login.unitId(), u -> new HashSet<>()).add(local.toLocalDate());
            }
        }
        List<LocalDate> workingDays = CALENDAR.workingDays(YearMonth.of(2020, 9));
        Map<String, List<LocalDate>> missed = new TreeMap<>();
        for (DemoUnit unit : DemoUnit.ALL) {
            missed.put(
                    unit.unitId(),
                    workingDays.stream()
                            .filter(d -> !attended.getOrDefault(unit.unitId(), Set.of())
                                    .contains(d))
                            .toList());
        }
        for (CaseEvent e : DEMO.loginEvents()) {
            var local = e.occurredAt().atZone(WorkingCalendar.ZONE);
            if (!local.toLocalTime().isBefore(ExpectedTotals.DUTY_DEADLINE)
                    && missed.get(e.key()).contains(local.toLocalDate())) {
                lateLoginOnMissedDay = true;
            }
        }

        assertThat(DEMO.expected().missedDutyDays()).isEqualTo(missed);
        assertThat(DEMO.expected().workingDays()).isEqualTo(workingDays).contains(LocalDate.of(2020, 9, 27));
        assertThat(missed.values().stream().filter(d -> d.size() >= 4)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(missed.values().stream().filter(d -> d.size() == 3)).hasSizeGreaterThanOrEqualTo(1);
        assertThat(DEMO.expected().reminderLetterUnits())
                .containsExactlyElementsOf(missed.entrySet().stream()
                        .filter(e -> e.getValue().size() >= 4)
                        .map(Map.Entry::getKey)
                        .toList());
        assertThat(lateLoginOnMissedDay).isTrue();
        long unitsMissingNothing =
                missed.values().stream().filter(List::isEmpty).count();
        assertThat(unitsMissingNothing).isGreaterThanOrEqualTo(20);
    }

    @Test
    void messyEventsAreEveryEventTwiceOutOfOrder() {
        List<CaseEvent> messy = DEMO.messyEvents(42);

        assertThat(messy).hasSize(DEMO.events().size() * 2);
        Map<CaseEvent, Long> counts =
                messy.stream().collect(Collectors.groupingBy(e -> e, LinkedHashMap::new, Collectors.counting()));
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(DEMO.events());
        assertThat(counts.values()).containsOnly(2L);
        assertThat(messy).isNotEqualTo(DEMO.messyEvents(43));
        assertThat(ndjson(messy)).isEqualTo(ndjson(DEMO.messyEvents(42)));
        boolean someCaseOutOfOrder = byCase(messy).values().stream()
                .anyMatch(events -> !(events.get(0).data() instanceof Accepted));
        assertThat(someCaseOutOfOrder).isTrue();
    }

    @Test
    void otherMonthsAndSeedsKeepTheShape() {
        for (YearMonth month : List.of(YearMonth.of(2020, 10), YearMonth.of(2021, 2), YearMonth.of(2025, 10))) {
            DemoMonth demo = DemoMonth.generate(7, month);
            Instant start = month.atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
            Instant end = month.plusMonths(1)
                    .atDay(1)
                    .atStartOfDay(WorkingCalendar.ZONE)
                    .toInstant();

            assertThat(demo.expected().total().counts().received()).isEqualTo(1316);
            assertThat(demo.expected().workingDays()).isEqualTo(CALENDAR.workingDays(month));
            assertThat(demo.events())
                    .allSatisfy(e ->
                            assertThat(e.occurredAt()).isAfterOrEqualTo(start).isBefore(end));
        }
    }

    @Test
    void monthsBeyondTheCalendarAreRefused() {
        assertThatThrownBy(() -> DemoMonth.generate(1, YearMonth.of(2019, 6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2019");
    }

    @Test
    void aUnitWithOnlyReturnsInAChannelHasNoRatesThere() {
        List<Counts> returnsOnly = DEMO.expected().byUnit().values().stream()
                .filter(c -> c.received() == 0)
                .toList();

        assertThat(returnsOnly).isNotEmpty().allSatisfy(c -> {
            assertThat(c.returns()).isPositive();
            assertThat(c.rates()).isEqualTo(new Rates(null, null, null, null));
        });
        assertThat(DEMO.expected().unit("xlt-nobody", Channel.WEB)).isEqualTo(Counts.NONE);
    }

    private static Map<String, List<CaseEvent>> byCase(List<CaseEvent> events) {
        Map<String, List<CaseEvent>> cases = new LinkedHashMap<>();
        for (CaseEvent e : events) {
            if (e.data() instanceof CaseData) {
                cases.computeIfAbsent(((CaseData) e.data()).caseId(), id -> new ArrayList<>())
                        .add(e);
            }
        }
        return cases;
    }

    private static String ndjson(List<CaseEvent> events) {
        return events.stream().map(EventJson::toJson).collect(Collectors.joining("\n"));
    }

    @Test
    void timeOrderPutsLifecycleTypesInOrderAtTheSameInstant() {
        Instant t = Instant.parse("2020-09-01T00:00:00Z");
        CaseEvent concluded = CaseEvent.of("b", DemoMonth.PHONE_SOURCE, new Concluded("1", "u", null, t));
        CaseEvent accepted = CaseEvent.of(
                "a",
                DemoMonth.PHONE_SOURCE,
                new Accepted("1", "u", null, Channel.PHONE, null, null, t, t.plus(Duration.ofDays(1)), null));

        List<CaseEvent> sorted = new ArrayList<>(List.of(concluded, accepted));
        sorted.sort(DemoMonth.TIME_ORDER);

        assertThat(sorted).containsExactly(accepted, concluded);
    }

    @Test
    void givenTheDemoMonthThenEveryAcceptanceIsDispatchedAndEachSignInFallsBetweenItsDispatchAndTheUnitsNextStep() {
        int late = 0;
        int unsigned = 0;
        for (List<CaseEvent> events : byCase(DEMO.caseEvents()).values()) {
            List<CaseEvent> five = events.stream()
                    .filter(e -> e.type().ordinal() <= EventType.CASE_VISITED.ordinal())
                    .toList();
            List<Accepted> acceptances = five.stream()
                    .filter(e -> e.data() instanceof Accepted)
                    .map(e -> (Accepted) e.data())
                    .toList();
            List<Assigned> dispatches = events.stream()
                    .filter(e -> e.data() instanceof Assigned)
                    .map(e -> (Assigned) e.data())
                    .toList();
            assertThat(dispatches)
                    .extracting(Assigned::unitId, Assigned::occurredAt, Assigned::role)
                    .containsExactlyElementsOf(acceptances.stream()
                            .map(a -> tuple(a.unitId(), a.occurredAt(), HandlingRole.LEAD))
                            .toList());
            for (CaseEvent event : events) {
                if (!(event.data() instanceof Signed signed)) {
                    continue;
                }
                Accepted before = acceptances.stream()
                        .filter(a -> a.unitId().equals(signed.unitId())
                                && a.occurredAt().isBefore(signed.occurredAt()))
                        .reduce((first, second) -> second)
                        .orElseThrow();
                Instant next = five.stream()
                        .map(CaseEvent::occurredAt)
                        .filter(at -> at.isAfter(before.occurredAt()))
                        .findFirst()
                        .orElse(DEMO.month()
                                .plusMonths(1)
                                .atDay(1)
                                .atStartOfDay(WorkingCalendar.ZONE)
                                .toInstant());
                assertThat(signed.occurredAt()).isBefore(next);
                if (signed.occurredAt().isAfter(CALENDAR.dueAt(before.occurredAt(), 1))) {
                    late++;
                }
            }
            long signedCount =
                    events.stream().filter(e -> e.data() instanceof Signed).count();
            unsigned += dispatches.size() - signedCount;
        }
        assertThat(late).as("late sign-ins").isBetween(50, 250);
        assertThat(unsigned).as("open cases not signed yet").isBetween(1, 40);
    }

    @Test
    void givenTheDemoMonthThenExtensionsAreApprovedOnlyForCasesConcludedInTimeAndRefusedOnlyForLateOnes() {
        Map<String, List<CaseEvent>> cases = byCase(DEMO.caseEvents());
        Set<String> lateCases = new HashSet<>();
        Set<String> pushbacks = new HashSet<>();
        DEMO.expected().pushbacks().forEach(p -> pushbacks.add(p.caseId()));
        Map<ExtensionOutcome, Integer> outcomes = new HashMap<>();
        cases.forEach((caseId, events) -> events.stream()
                .filter(e -> e.data() instanceof ExtensionDecided)
                .map(e -> (ExtensionDecided) e.data())
                .forEach(decided -> {
                    outcomes.merge(decided.outcome(), 1, Integer::sum);
                    Concluded conclusion = events.stream()
                            .filter(e -> e.data() instanceof Concluded)
                            .map(e -> (Concluded) e.data())
                            .findFirst()
                            .orElseThrow();
                    assertThat(decided.occurredAt()).isBefore(conclusion.occurredAt());
                    assertThat(pushbacks).doesNotContain(caseId);
                    if (decided.outcome() == ExtensionOutcome.REFUSED) {
                        lateCases.add(caseId);
                    }
                }));
        assertThat(outcomes.get(ExtensionOutcome.APPROVED)).isPositive();
        assertThat(outcomes.get(ExtensionOutcome.REFUSED)).isPositive();
        assertThat(lateCases).isNotEmpty();
    }
}
