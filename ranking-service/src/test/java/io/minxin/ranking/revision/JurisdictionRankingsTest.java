package io.minxin.ranking.revision;

import static io.minxin.ranking.engine.Units.counted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.UnitRegistered;
import io.minxin.events.ranking.NotEligibleUnit;
import io.minxin.events.ranking.RankedList;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RankingRow;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.events.ranking.RowChange;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.ranking.engine.Ranking;
import io.minxin.ranking.engine.RankingEngine;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.engine.UnitPerformance;
import io.minxin.ranking.live.LiveMetricsStore;
import io.minxin.ranking.policy.Policies;
import io.minxin.ranking.policy.PolicyReader;
import io.minxin.servicekit.problem.ProblemException;
import io.minxin.servicekit.registry.UnitRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Rankings per jurisdiction on read: the units the registry places in a jurisdiction at the end of the period, ranked
 * among themselves from the live ranking or the frozen revision, with their own named lists and diffs.
 */
class JurisdictionRankingsTest {
    private static final String XLT = "211103";
    private static final String STZ = "211102";
    private static final Instant JAN = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant CLOSED_AT = Revisions.CLOSED_AT;

    /** By completion rate alone, no tie-breaks; 五佳 the best 5 places, 较差 the last place. */
    private static final RankingPolicy POLICY = byCompletion(List.of(
            new RankingPolicy.NamedList("五佳", RankingPolicy.ListEnd.TOP, 5),
            new RankingPolicy.NamedList("较差", RankingPolicy.ListEnd.BOTTOM, 1)));

    /**
     * Completion rates (of 10 received): b1 10; a1, b2 9; a2 8; a3, a7, b3 7; a4 6; b4 5; a5 4; a6 3; b5 2; a8
     * received nothing and is not eligible. The city ranks 1, 2, 2, 4, 5, 5, 5, 8, 9, 10, 11, 12.
     */
    private static final List<UnitPerformance> UNITS = List.of(
            unit("b1", 10),
            unit("a1", 9),
            unit("b2", 9),
            unit("a2", 8),
            unit("a3", 7),
            unit("a7", 7),
            unit("b3", 7),
            unit("a4", 6),
            unit("b4", 5),
            unit("a5", 4),
            unit("a6", 3),
            unit("b5", 2),
            counted("a8", 0, 0, 0, 0, 0, 0, 0, 0));

    private final UnitRegistry registry = new UnitRegistry(Clock.systemUTC());
    private final PeriodJurisdictions jurisdictions =
            new PeriodJurisdictions(registry, AssessmentPeriod.calendarMonth());
    private final RevisionStore revisions = mock(RevisionStore.class);
    private final LiveMetricsStore live = mock(LiveMetricsStore.class);
    private final Policies policies = mock(Policies.class);
    private final RankingViews views = new RankingViews(
            revisions, live, policies, Clock.systemUTC(), new ViewCacheSettings(Duration.ZERO, Duration.ZERO, 100));

    JurisdictionRankingsTest() {
        for (String unit : List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8")) {
            registry.register(new UnitRegistered(unit, unit, XLT, "兴隆台区", JAN));
        }
        for (String unit : List.of("b1", "b2", "b3", "b4", "b5")) {
            registry.register(new UnitRegistered(unit, unit, STZ, "双台子区", JAN));
        }
        when(policies.version(Channel.WEB, 1)).thenReturn(Mono.just(POLICY));
        // no jurisdiction has a policy of its own unless a test gives it one
        when(policies.own(anyString(), any(), anyString(), any())).thenReturn(Mono.empty());
        when(live.hasPeriod(anyString())).thenReturn(Mono.just(true));
    }

    /**
     * Two units of each jurisdiction: p1 and q1 concluded all 10 cases, 7 on time; p2 and q2 concluded 9, all on
     * time. By completion (the platform's policy) the ones rank before the twos; by onTimeRate first the twos do.
     */
    private static final List<UnitPerformance> ON_TIME_UNITS = List.of(
            counted("p1", 10, 10, 7, 0, 0, 0, 0, 0),
            counted("p2", 10, 9, 9, 0, 0, 0, 0, 0),
            counted("q1", 10, 10, 7, 0, 0, 0, 0, 0),
            counted("q2", 10, 9, 9, 0, 0, 0, 0, 0));

    /** 兴隆台区's own web policy: onTimeRate, then completionRate; top 1, 红榜 the best 1. */
    private static final RankingPolicy XLT_OWN = PolicyReader.read(
                    EventJson.mapper()
                            .valueToTree(Map.of(
                                    "order", "LEXICOGRAPHIC",
                                    "rates", List.of("onTimeRate", "completionRate"),
                                    "tieBreaks", List.of(),
                                    "top", 1,
                                    "lists", List.of(Map.of("name", "红榜", "from", "TOP", "size", 1)))),
                    Channel.WEB,
                    PolicyReader.Purpose.WHAT_IF)
            .policy()
            .asVersion(Channel.WEB, XLT, 1, JAN);

    @Test
    void givenOneJurisdictionWithItsOwnPolicy_whenTheLiveRankingsOfBothAreRead_thenEachIsRankedUnderItsPolicyInForce() {
        registerOnTimeUnits();
        openPeriod("2020-09", ON_TIME_UNITS);
        when(policies.own(XLT, Channel.WEB, "2020-09", null)).thenReturn(Mono.just(XLT_OWN));

        Jurisdiction xlt = jurisdiction("2020-09", XLT);
        Jurisdiction stz = jurisdiction("2020-09", STZ);
        RankingAnswer ofXlt =
                RankingAnswer.of(views.current("2020-09", Channel.WEB, xlt).block(), xlt);
        RankingAnswer ofStz =
                RankingAnswer.of(views.current("2020-09", Channel.WEB, stz).block(), stz);

        assertThat(ofXlt.ranking().rows())
                .extracting(RankingRow::unitId, RankingRow::rank)
                .containsExactly(tuple("p2", 1), tuple("p1", 2));
        assertThat(ofXlt.ranking().policy()).isEqualTo(XLT_OWN.ref());
        assertThat(ofXlt.ranking().policy().id()).isEqualTo("web-ranking@211103");
        assertThat(ofXlt.ranking().top()).isEqualTo(1);
        assertThat(ofXlt.ranking().lists()).extracting(RankedList::unitIds).containsExactly(List.of("p2"));
        assertThat(ofXlt.policyOwner()).isEqualTo(RankingAnswer.PolicyOwner.JURISDICTION);
        // the other falls back to the platform's policy, and says so
        assertThat(ofStz.ranking().rows())
                .extracting(RankingRow::unitId, RankingRow::rank)
                .containsExactly(tuple("q1", 1), tuple("q2", 2));
        assertThat(ofStz.ranking().policy()).isEqualTo(POLICY.ref());
        assertThat(ofStz.policyOwner()).isEqualTo(RankingAnswer.PolicyOwner.PLATFORM);
        // and each is what ranking its units alone under its policy gives
        assertThat(JurisdictionRankings.ranking(ofXlt.ranking()))
                .isEqualTo(RankingEngine.rank(XLT_OWN, ON_TIME_UNITS.subList(0, 2)));
        assertThat(EventJson.mapper().valueToTree(ofStz).get("policyOwner").asString())
                .isEqualTo("PLATFORM");
    }

    @Test
    void
            givenAFrozenRevision_whenAJurisdictionWithItsOwnPolicyIsRead_thenItIsRankedFromTheFrozenInputsUnderTheVersionStoredByThen() {
        registerOnTimeUnits();
        RankingRevision closed =
                Revisions.of("2020-09", 1, RevisionStatus.PUBLISHED, RankingEngine.rank(POLICY, ON_TIME_UNITS));
        when(revisions.list("2020-09", Channel.WEB)).thenReturn(Flux.just(closed));
        when(policies.own(XLT, Channel.WEB, "2020-09", closed.createdAt())).thenReturn(Mono.just(XLT_OWN));

        RankingRevision xlt = views.current("2020-09", Channel.WEB, jurisdiction("2020-09", XLT))
                .block();
        List<RankingRevision> listed = views.revisions("2020-09", List.of(Channel.WEB), jurisdiction("2020-09", XLT))
                .collectList()
                .block();

        assertThat(xlt.revision()).isEqualTo(1);
        assertThat(xlt.status()).isEqualTo(RevisionStatus.PUBLISHED);
        assertThat(xlt.closedAt()).isEqualTo(CLOSED_AT);
        assertThat(xlt.policy()).isEqualTo(XLT_OWN.ref());
        assertThat(xlt.rows()).extracting(RankingRow::unitId).containsExactly("p2", "p1");
        assertThat(listed).containsExactly(xlt);
        // from the frozen revision's inputs: the period's inputs are not read again
        verify(live, never()).units(anyString(), any());
        // and the city's revision is the platform's, untouched
        assertThat(closed.rows()).extracting(RankingRow::unitId).startsWith("p1", "q1");
    }

    @Test
    void givenATrialForAJurisdictionWithItsOwnPolicy_whenTried_thenItIsComparedWithItsRankingUnderThatPolicy() {
        registerOnTimeUnits();
        openPeriod("2020-09", ON_TIME_UNITS);
        when(policies.own(XLT, Channel.WEB, "2020-09", null)).thenReturn(Mono.just(XLT_OWN));

        RankingRevision tried =
                views.whatIf("2020-09", POLICY, jurisdiction("2020-09", XLT)).block();

        assertThat(tried.rows()).extracting(RankingRow::unitId).containsExactly("p1", "p2");
        assertThat(tried.diff().changes())
                .extracting(RowChange::unitId, RowChange::previousRank, RowChange::rank)
                .containsExactlyInAnyOrder(tuple("p1", 2, 1), tuple("p2", 1, 2));
    }

    private void registerOnTimeUnits() {
        registry.register(new UnitRegistered("p1", "p1", XLT, "兴隆台区", JAN));
        registry.register(new UnitRegistered("p2", "p2", XLT, "兴隆台区", JAN));
        registry.register(new UnitRegistered("q1", "q1", STZ, "双台子区", JAN));
        registry.register(new UnitRegistered("q2", "q2", STZ, "双台子区", JAN));
    }

    @Test
    void givenTwoJurisdictionsAndAnOpenPeriod_whenTheLiveRankingOfOneIsRead_thenItsUnitsAreRankedAmongThemselves() {
        openPeriod("2020-09");

        RankingRevision xlt = views.current("2020-09", Channel.WEB, jurisdiction("2020-09", XLT))
                .block();
        RankingRevision stz = views.current("2020-09", Channel.WEB, jurisdiction("2020-09", STZ))
                .block();

        assertThat(xlt.status()).isEqualTo(RevisionStatus.LIVE);
        assertThat(xlt.rows())
                .extracting(RankingRow::unitId, RankingRow::rank)
                .containsExactly(
                        tuple("a1", 1),
                        tuple("a2", 2),
                        tuple("a3", 3),
                        tuple("a7", 3),
                        tuple("a4", 5),
                        tuple("a5", 6),
                        tuple("a6", 7));
        assertThat(xlt.notEligible()).extracting(NotEligibleUnit::unitId).containsExactly("a8");
        assertThat(stz.rows())
                .extracting(RankingRow::unitId, RankingRow::rank)
                .containsExactly(tuple("b1", 1), tuple("b2", 2), tuple("b3", 3), tuple("b4", 4), tuple("b5", 5));
        assertThat(stz.notEligible()).isEmpty();
        // and each is what ranking its units alone gives
        assertThat(JurisdictionRankings.ranking(xlt)).isEqualTo(rankAlone("a"));
        assertThat(JurisdictionRankings.ranking(stz)).isEqualTo(rankAlone("b"));
    }

    @Test
    void givenAClosedPeriod_whenTheRankingOfAJurisdictionIsRead_thenItIsTheFrozenRevisionsWithItsOwn五佳() {
        RankingRevision closed =
                Revisions.of("2020-09", 1, RevisionStatus.PUBLISHED, RankingEngine.rank(POLICY, UNITS));
        when(revisions.list("2020-09", Channel.WEB)).thenReturn(Flux.just(closed));

        RankingRevision xlt = views.current("2020-09", Channel.WEB, jurisdiction("2020-09", XLT))
                .block();

        assertThat(xlt.revision()).isEqualTo(1);
        assertThat(xlt.status()).isEqualTo(RevisionStatus.PUBLISHED);
        assertThat(xlt.closedAt()).isEqualTo(CLOSED_AT);
        // the city's 五佳 are b1, a1, b2, a2, a3, a7, b3; the district's reach down to a4, its fifth place
        assertThat(closed.lists().get(0).unitIds()).containsExactly("b1", "a1", "b2", "a2", "a3", "a7", "b3");
        assertThat(xlt.lists())
                .extracting(RankedList::name, RankedList::unitIds)
                .containsExactly(tuple("五佳", List.of("a1", "a2", "a3", "a7", "a4")), tuple("较差", List.of("a6")));
        assertThat(RankingViews.top(xlt, xlt.top()).rows())
                .extracting(RankingRow::unitId)
                .containsExactly("a1", "a2", "a3", "a7", "a4");
        // read from the frozen revision: the period's inputs are not read again
        verify(live, never()).units(anyString(), any());
    }

    @Test
    void givenARevisionTwoThatMovesAUnitOfTheOtherJurisdiction_whenAJurisdictionIsRead_thenItsDiffIsWithinIt() {
        List<UnitPerformance> late = new ArrayList<>(UNITS);
        late.set(late.indexOf(unit("b5", 2)), unit("b5", 10));
        RankingRevision first = Revisions.of("2020-09", 1, RevisionStatus.PUBLISHED, RankingEngine.rank(POLICY, UNITS));
        Ranking second = RankingEngine.rank(POLICY, late);
        RankingRevision revisionTwo = Revisions.of("2020-09", 2, RevisionStatus.PUBLISHED, second)
                .withDiff(RevisionDiffer.diff(first, second));
        when(revisions.list("2020-09", Channel.WEB)).thenReturn(Flux.just(first, revisionTwo));
        // every unit of the city below b5's new place moved one place down
        assertThat(revisionTwo.diff().changes()).extracting(RowChange::unitId).contains("a1", "a2", "b5");

        RankingRevision xlt = views.current("2020-09", Channel.WEB, jurisdiction("2020-09", XLT))
                .block();
        RankingRevision stz = views.current("2020-09", Channel.WEB, jurisdiction("2020-09", STZ))
                .block();
        List<RankingRevision> listed = views.revisions("2020-09", List.of(Channel.WEB), jurisdiction("2020-09", STZ))
                .collectList()
                .block();

        assertThat(xlt.revision()).isEqualTo(2);
        assertThat(xlt.diff().previousRevision()).isEqualTo(1);
        assertThat(xlt.diff().changes()).isEmpty();
        assertThat(stz.diff().changes())
                .extracting(RowChange::unitId, RowChange::previousRank, RowChange::rank)
                .containsExactly(tuple("b5", 5, 1), tuple("b2", 2, 3), tuple("b3", 3, 4), tuple("b4", 4, 5));
        assertThat(listed).extracting(RankingRevision::revision).containsExactly(1, 2);
        assertThat(listed.get(0).diff()).isNull();
        assertThat(listed.get(1)).isEqualTo(stz);
    }

    @Test
    void givenATrialPolicy_whenItIsTriedForAJurisdiction_thenTheTrialAndTheCurrentRankingAreBothOfItsUnits() {
        openPeriod("2020-09");
        RankingPolicy trial = byCompletion(List.of(new RankingPolicy.NamedList("红榜", RankingPolicy.ListEnd.TOP, 1)));

        RankingRevision tried =
                views.whatIf("2020-09", trial, jurisdiction("2020-09", STZ)).block();

        assertThat(tried.status()).isEqualTo(RevisionStatus.WHAT_IF);
        assertThat(tried.rows()).extracting(RankingRow::unitId).containsExactly("b1", "b2", "b3", "b4", "b5");
        assertThat(tried.lists()).extracting(RankedList::unitIds).containsExactly(List.of("b1"));
        assertThat(tried.diff().changes()).isEmpty();
    }

    @Test
    void givenAJurisdictionNoRegistrationNames_whenAsked_thenNotFoundNamingIt() {
        assertThatThrownBy(() -> jurisdictions.of("2020-09", "999999"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> assertThat(problem.status()).isEqualTo(HttpStatus.NOT_FOUND))
                .hasMessageContaining("999999");
        // and an absent or blank parameter asks for none: the ranking of all units
        assertThat(jurisdictions.of("2020-09", null)).isNull();
        assertThat(jurisdictions.of("2020-09", " ")).isNull();
    }

    @Test
    void givenAJurisdictionKnownOnlyInTheMiddleOfAUnitsHistory_whenAnotherMonthIsAsked_thenItsRankingIsEmpty() {
        // m is in 兴隆台区, then for March only in 大洼区, then in 双台子区
        registry.register(new UnitRegistered("m", "m", XLT, "兴隆台区", JAN));
        registry.register(new UnitRegistered("m", "m", "211104", "大洼区", Instant.parse("2020-02-29T16:00:00Z")));
        registry.register(new UnitRegistered("m", "m", STZ, "双台子区", Instant.parse("2020-03-31T16:00:00Z")));
        openPeriod("2020-09");

        RankingRevision dawa = views.current("2020-09", Channel.WEB, jurisdiction("2020-09", "211104"))
                .block();

        assertThat(dawa.rows()).isEmpty();
        assertThat(dawa.notEligible()).isEmpty();
        assertThat(dawa.lists()).allSatisfy(list -> assertThat(list.unitIds()).isEmpty());
    }

    @Test
    void
            givenAUnitRegisteredInOneJurisdictionUntilMidYear_whenEarlierAndLaterMonthsAreRead_thenItIsRankedWhereItEndedEach() {
        // m belongs to 兴隆台区 until the first of July (Asia/Shanghai), to 双台子区 from then on
        registry.register(new UnitRegistered("m", "m", XLT, "兴隆台区", JAN));
        registry.register(new UnitRegistered("m", "m", STZ, "双台子区", Instant.parse("2020-06-30T16:00:00Z")));
        List<UnitPerformance> withM = new ArrayList<>(UNITS);
        withM.add(unit("m", 10));
        for (String period : List.of("2020-03", "2020-06", "2020-07", "2020-09")) {
            when(revisions.list(period, Channel.WEB))
                    .thenReturn(Flux.just(
                            Revisions.of(period, 1, RevisionStatus.PUBLISHED, RankingEngine.rank(POLICY, withM))));
        }

        assertThat(unitsOf("2020-03", XLT)).contains("m");
        assertThat(unitsOf("2020-06", XLT)).contains("m");
        assertThat(unitsOf("2020-07", XLT)).doesNotContain("m");
        assertThat(unitsOf("2020-09", STZ)).startsWith("b1", "m");
        assertThat(unitsOf("2020-03", STZ)).doesNotContain("m");
        // the last instant of June is still June's: a registration from the first of July does not reach back
        assertThat(jurisdictions.lastInstant("2020-06")).isEqualTo(Instant.parse("2020-06-30T15:59:59.999999999Z"));
    }

    @Test
    void givenNoJurisdiction_whenAnswered_thenTheJsonIsTheRevisionsAsBefore() {
        RankingRevision closed =
                Revisions.of("2020-09", 1, RevisionStatus.PUBLISHED, RankingEngine.rank(POLICY, UNITS));

        JsonNode plain = EventJson.mapper().valueToTree(closed);
        JsonNode answered = EventJson.mapper().valueToTree(RankingAnswer.of(closed, null));
        JsonNode ofXlt = EventJson.mapper().valueToTree(RankingAnswer.of(closed, jurisdiction("2020-09", XLT)));

        assertThat(answered).isEqualTo(plain);
        assertThat(ofXlt.get("jurisdiction").asString()).isEqualTo(XLT);
        assertThat(ofXlt.get("rows").size()).isEqualTo(plain.get("rows").size());
    }

    private List<String> unitsOf(String period, String jurisdiction) {
        return views.current(period, Channel.WEB, jurisdiction(period, jurisdiction)).block().rows().stream()
                .map(RankingRow::unitId)
                .toList();
    }

    private Jurisdiction jurisdiction(String period, String id) {
        return jurisdictions.of(period, id);
    }

    private void openPeriod(String period) {
        openPeriod(period, UNITS);
    }

    private void openPeriod(String period, List<UnitPerformance> units) {
        when(revisions.list(period, Channel.WEB)).thenReturn(Flux.empty());
        when(policies.effective(Channel.WEB, period)).thenReturn(Mono.just(POLICY));
        when(live.stamp(period, Channel.WEB)).thenReturn(Mono.just("s1"));
        when(live.units(period, Channel.WEB)).thenReturn(Flux.fromIterable(units));
    }

    private static Ranking rankAlone(String prefix) {
        return RankingEngine.rank(
                POLICY,
                UNITS.stream().filter(unit -> unit.unitId().startsWith(prefix)).toList());
    }

    private static UnitPerformance unit(String unitId, long concluded) {
        return counted(unitId, 10, concluded, concluded, 0, 0, 0, 0, 0);
    }

    private static RankingPolicy byCompletion(List<RankingPolicy.NamedList> lists) {
        return Revisions.byCompletion(1, 5, lists);
    }
}
