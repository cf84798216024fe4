package io.minxin.notice.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.minxin.events.Channel;
import io.minxin.events.UnitRegistered;
import io.minxin.events.ranking.PolicyRef;
import io.minxin.events.ranking.RankingInputs;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RankingRow;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.notice.bulletin.BulletinFacts;
import io.minxin.notice.bulletin.BulletinProperties;
import io.minxin.notice.duty.DutySettings;
import io.minxin.notice.rankings.RankingStore;
import io.minxin.notice.review.ReviewedPoorCase;
import io.minxin.notice.review.Reviews;
import io.minxin.notice.targets.TargetSettings;
import io.minxin.notice.targets.UnitMetricsStore;
import io.minxin.notice.units.UnitDirectory;
import io.minxin.servicekit.registry.UnitRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A jurisdiction's bulletin is made of the facts of the units the registry places in it at the end of the period. */
class BulletinFactsSourceTest {
    private static final Instant JAN = Instant.parse("2020-01-01T00:00:00Z");
    private static final BulletinFacts.Issue ISSUE = TestFacts.issue(1, 1, LocalDate.of(2020, 10, 10));

    private final UnitRegistry registry = new UnitRegistry(Clock.systemUTC());
    private final BulletinFactsSource source = source();

    private BulletinFactsSource source() {
        registry.register(new UnitRegistered("road", "路政所", "211103", "兴隆台区", JAN));
        registry.register(new UnitRegistered("park", "公园", "211103", "兴隆台区", JAN));
        registry.register(new UnitRegistered("water", "供水所", "211102", "双台子区", JAN));
        // moved to 双台子区 after September: in 兴隆台区's bulletin of September
        registry.register(new UnitRegistered("park", "公园", "211102", "双台子区", Instant.parse("2020-10-15T00:00:00Z")));
        UnitMetricsStore metrics = mock(UnitMetricsStore.class);
        when(metrics.byPeriod("2020-09"))
                .thenReturn(Flux.just(metrics("road", 10), metrics("park", 20), metrics("water", 40)));
        RankingStore rankings = mock(RankingStore.class);
        when(rankings.latest("2020-09", Channel.PHONE))
                .thenReturn(Mono.just(ranking(row(1, "water"), row(2, "road"), row(2, "park"), row(4, "nowhere"))));
        when(rankings.latest("2020-09", Channel.WEB)).thenReturn(Mono.empty());
        when(rankings.live(any(), any())).thenReturn(Mono.empty());
        Reviews reviews = mock(Reviews.class);
        when(reviews.poorCases("2020-09"))
                .thenReturn(Mono.just(List.of(
                        new ReviewedPoorCase("1", "路灯", "road", "路政所", "推诿", "路政所退件。"),
                        new ReviewedPoorCase("2", "停水", "water", "供水所", "推诿", "供水所退件。"))));
        TargetSettings targets = mock(TargetSettings.class);
        when(targets.satisfaction()).thenReturn(new BigDecimal("0.95"));
        when(targets.completion()).thenReturn(new BigDecimal("0.95"));
        when(targets.onTime()).thenReturn(BigDecimal.ONE);
        DutySettings duty = mock(DutySettings.class);
        when(duty.checkTime()).thenReturn(LocalTime.of(16, 0));
        when(duty.letterAtMissedDay()).thenReturn(4);
        return new BulletinFactsSource(
                metrics,
                rankings,
                reviews,
                mock(UnitDirectory.class),
                AssessmentPeriod.calendarMonth(),
                targets,
                duty,
                new BulletinProperties(null, null),
                registry);
    }

    @Test
    void givenAJurisdictionThenItsBulletinSumsRanksAndListsOnlyTheUnitsItHadAtTheEndOfThePeriod() {
        BulletinFacts facts = source.facts(TestFacts.PERIOD, ISSUE, "211103").block();

        assertThat(facts.overview().casesReceived()).isEqualTo(30);
        assertThat(facts.overview().unitsInvolved()).isEqualTo(2);
        // ranked among themselves: the tie on the city's place 2 is their place 1
        assertThat(facts.phoneTop())
                .extracting(BulletinFacts.PhoneRow::rank, BulletinFacts.PhoneRow::unitName)
                .containsExactly(Tuple.tuple(1, "road"), Tuple.tuple(1, "park"));
        assertThat(facts.poorCases()).extracting(BulletinFacts.PoorCase::caseId).containsExactly("1");
        assertThat(facts.explanations()).containsExactly("路政所退件。");
    }

    @Test
    void givenNoJurisdictionThenTheBulletinIsOfEveryUnitRegisteredOrNot() {
        BulletinFacts facts = source.facts(TestFacts.PERIOD, ISSUE).block();

        assertThat(facts.overview().casesReceived()).isEqualTo(70);
        assertThat(facts.phoneTop()).extracting(BulletinFacts.PhoneRow::rank).containsExactly(1, 2, 2, 4);
        assertThat(facts.poorCases()).hasSize(2);
    }

    @Test
    void givenAJurisdictionWithoutAnIssuerOfItsOwnThenItIsIssuedByThePlatformsUnderATitleNamingIt() {
        BulletinFacts.Issue issue = source.issue(TestFacts.PERIOD, "211102", 2020, 1, 1, LocalDate.of(2020, 10, 10));

        assertThat(issue.header()).isEqualTo("盘锦市兴隆台区营商环境建设局文件");
        assertThat(issue.title()).isEqualTo("双台子区 8890（民心网）工作 “评优评差”情况通报");
        assertThat(source.issue(TestFacts.PERIOD, null, 2020, 1, 1, LocalDate.of(2020, 10, 10))
                        .title())
                .isNull();
    }

    private static UnitMetrics metrics(String unitId, long received) {
        return new UnitMetrics(
                unitId,
                unitId,
                Channel.PHONE,
                "2020-09",
                new Counts(received, received, received, received, received, received, 0, 0),
                1);
    }

    private static RankingRow row(int rank, String unitId) {
        Counts counts = new Counts(30, 26, 25, 20, 20, 10, 0, 0);
        return new RankingRow(
                rank,
                unitId,
                unitId,
                new RankingInputs(counts, counts.rates()),
                1.0 / rank,
                List.of(),
                null,
                null,
                null,
                List.of(),
                List.of());
    }

    private static RankingRevision ranking(RankingRow... rows) {
        return new RankingRevision(
                RankingRevision.idOf("2020-09", Channel.PHONE, 1),
                "2020-09",
                Channel.PHONE,
                1,
                RevisionStatus.PUBLISHED,
                new PolicyRef("phone-ranking", 1),
                5,
                JAN,
                JAN,
                JAN,
                List.of(rows),
                List.of(),
                null);
    }
}
