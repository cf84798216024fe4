package io.minxin.notice.issue;

import io.minxin.events.Channel;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RankingRow;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.Counts;
import io.minxin.events.state.Rates;
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
import io.minxin.servicekit.problem.ProblemException;
import io.minxin.servicekit.registry.UnitRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gathers what the bulletin of a period says from this service's projections: the overview from the stored
 * {@code unit-metrics}, tables 1 and 2 from the latest published ranking revisions, table 3 and its
 * explanations from the 较差件 review, the requirements from the alert settings. A jurisdiction's bulletin says the
 * same of the units the unit registry places in it at the last instant of the period (as metrics- and
 * ranking-service divide a period): their overview, the published rankings restricted to them and ranked among
 * themselves ({@link RankingRow#within}), the 较差件 charged to them.
 */
@Component
class BulletinFactsSource {
    private final UnitMetricsStore metrics;
    private final RankingStore rankings;
    private final Reviews reviews;
    private final UnitDirectory directory;
    private final AssessmentPeriod periods;
    private final TargetSettings targets;
    private final DutySettings duty;
    private final BulletinProperties bulletin;
    private final UnitRegistry registry;

    BulletinFactsSource(
            UnitMetricsStore metrics,
            RankingStore rankings,
            Reviews reviews,
            UnitDirectory directory,
            AssessmentPeriod periods,
            TargetSettings targets,
            DutySettings duty,
            BulletinProperties bulletin,
            UnitRegistry registry) {
        this.metrics = metrics;
        this.rankings = rankings;
        this.reviews = reviews;
        this.directory = directory;
        this.periods = periods;
        this.targets = targets;
        this.duty = duty;
        this.bulletin = bulletin;
        this.registry = registry;
    }

    BulletinProperties.Issuer issuer() {
        return bulletin.issuer();
    }

    /**
     * The issue data of the bulletin of {@code jurisdiction} (null: the platform's, as {@link #issuer()} gives it):
     * its own issuer and a title naming it.
     */
    BulletinFacts.Issue issue(
            YearMonth period, String jurisdiction, int year, int number, int sequence, LocalDate issueDate) {
        if (jurisdiction == null) {
            return issuer().issue(year, number, sequence, issueDate);
        }
        String name = registry.jurisdictions(lastInstant(period)).getOrDefault(jurisdiction, jurisdiction);
        return bulletin.issuer(jurisdiction)
                .issue(year, number, sequence, issueDate, bulletin.title(jurisdiction, name));
    }

    /**
     * Completes when the period has data to report: unit metrics or a ranking of either channel; else not-found
     * (a bulletin of a period without any data would only be zeros).
     */
    Mono<Void> requireData(YearMonth period) {
        String name = period.toString();
        return metrics.byPeriod(name)
                .hasElements()
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.defer(() -> rankings.latest(name, Channel.PHONE)
                        .switchIfEmpty(rankings.latest(name, Channel.WEB))
                        .hasElement()
                        .filter(Boolean::booleanValue)))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound(
                        "no bulletin of " + name + ": no unit has metrics of it and it has no ranking")))
                .then();
    }

    Mono<BulletinFacts> facts(YearMonth period, BulletinFacts.Issue issue) {
        return facts(period, issue, null);
    }

    /** The facts of the bulletin of {@code jurisdiction}: of its units only; null: of every unit. */
    Mono<BulletinFacts> facts(YearMonth period, BulletinFacts.Issue issue, String jurisdiction) {
        String name = period.toString();
        Predicate<String> members =
                jurisdiction == null ? unitId -> true : registry.members(jurisdiction, lastInstant(period));
        Mono<BulletinFacts.Overview> overview = metrics.byPeriod(name)
                .filter(unit -> members.test(unit.unitId()))
                .collectList()
                .map(BulletinFactsSource::overview);
        Mono<Optional<RankingRevision>> phone = ranking(name, Channel.PHONE);
        Mono<Optional<RankingRevision>> web = ranking(name, Channel.WEB);
        if (jurisdiction != null) {
            phone = phone.map(ranking -> within(ranking, members));
            web = web.map(ranking -> within(ranking, members));
        }
        Mono<List<ReviewedPoorCase>> pushbacks = reviews.poorCases(name)
                .map(cases -> cases.stream()
                        .filter(poor -> members.test(poor.unitId()))
                        .toList());
        return Mono.zip(overview, phone, web, pushbacks)
                .map(all -> new BulletinFacts(
                                period,
                                periods.firstDay(period),
                                periods.lastDay(period),
                                issue,
                                all.getT1(),
                                all.getT2().map(this::phoneRows).orElse(List.of()),
                                all.getT3().map(this::webRows).orElse(List.of()),
                                poorCases(all.getT4()),
                                all.getT4().stream()
                                        .map(ReviewedPoorCase::explanation)
                                        .toList(),
                                new BulletinFacts.Targets(
                                        targets.satisfaction().doubleValue(),
                                        targets.completion().doubleValue(),
                                        targets.onTime().doubleValue(),
                                        duty.checkTime(),
                                        duty.letterAtMissedDay() - 1),
                                bulletin.issuer().distribution())
                        .withLiveRanking(live(all.getT2()) || live(all.getT3())));
    }

    /**
     * Whether no ranking of either channel, published or live, has reached notice-service for the period yet (a
     * draft then says the ranking is not there yet, not that no unit is among the 五佳).
     */
    Mono<Boolean> rankingPending(YearMonth period) {
        String name = period.toString();
        return Mono.zip(ranking(name, Channel.PHONE), ranking(name, Channel.WEB))
                .map(both -> both.getT1().isEmpty() && both.getT2().isEmpty());
    }

    /**
     * The published ranking of a closed period, else the live one of an open period (as ranking-service last put
     * it on {@code rankings}): a draft shows the units as they rank now, and says that it is not frozen.
     */
    private Mono<Optional<RankingRevision>> ranking(String period, Channel channel) {
        return rankings.latest(period, channel)
                .switchIfEmpty(Mono.defer(() -> rankings.live(period, channel)))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    /** The ranking of the members only, ranked among themselves. */
    private static Optional<RankingRevision> within(Optional<RankingRevision> ranking, Predicate<String> members) {
        return ranking.map(revision -> revision.withRows(RankingRow.within(revision.rows(), members)));
    }

    /** The last instant of the period: the units a jurisdiction has then are those its bulletin reports on. */
    private Instant lastInstant(YearMonth period) {
        return periods.end(period).minusNanos(1);
    }

    private static boolean live(Optional<RankingRevision> ranking) {
        return ranking.filter(each -> each.status() == RevisionStatus.LIVE).isPresent();
    }

    /** 基本情况: the sums over every unit of both channels; units = those that received or returned a case. */
    static BulletinFacts.Overview overview(List<UnitMetrics> units) {
        Counts total = units.stream().map(UnitMetrics::counts).reduce(Counts.NONE, Counts::plus);
        Rates rates = total.rates();
        int involved = (int) units.stream()
                .filter(unit -> unit.counts().involved())
                .map(UnitMetrics::unitId)
                .distinct()
                .count();
        return new BulletinFacts.Overview(
                total.received(),
                involved,
                rates.completionRate(),
                rates.onTimeRate(),
                rates.satisfactionRate(),
                rates.excellentRate());
    }

    private List<BulletinFacts.PhoneRow> phoneRows(RankingRevision revision) {
        return revision.topRows().stream()
                .map(row -> new BulletinFacts.PhoneRow(
                        row.rank(),
                        unitName(row),
                        row.inputs().rates().completionRate(),
                        row.inputs().rates().onTimeRate(),
                        row.inputs().rates().satisfactionRate(),
                        row.inputs().rates().excellentRate()))
                .toList();
    }

    private List<BulletinFacts.WebRow> webRows(RankingRevision revision) {
        return revision.topRows().stream()
                .map(row -> new BulletinFacts.WebRow(
                        row.rank(),
                        unitName(row),
                        row.inputs().rates().completionRate(),
                        row.inputs().rates().onTimeRate(),
                        row.inputs().rates().satisfactionRate(),
                        row.inputs().rates().excellentRate(),
                        decimal(row.bonus()),
                        decimal(row.penalty()),
                        decimal(row.total())))
                .toList();
    }

    /** Table 3 as the 较差件 review decided it (confirmed and reassigned candidates), numbered. */
    private static List<BulletinFacts.PoorCase> poorCases(List<ReviewedPoorCase> confirmed) {
        List<BulletinFacts.PoorCase> rows = new ArrayList<>();
        for (ReviewedPoorCase poor : confirmed) {
            rows.add(new BulletinFacts.PoorCase(
                    rows.size() + 1, poor.caseId(), poor.title(), poor.unitName(), poor.reason()));
        }
        return rows;
    }

    private String unitName(RankingRow row) {
        return row.unitName() != null
                ? row.unitName()
                : directory.name(row.unitId()).orElse(row.unitId());
    }

    /** A policy without a score view has no 加分/减分/总分; the table shows 0 for them. */
    private static BigDecimal decimal(Double value) {
        return value == null ? BigDecimal.ZERO : BigDecimal.valueOf(value);
    }
}
