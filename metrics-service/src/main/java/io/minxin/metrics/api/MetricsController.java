package io.minxin.metrics.api;

import io.minxin.events.Channel;
import io.minxin.events.identity.Caller;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.Jurisdiction;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.MetricsProperties;
import io.minxin.metrics.projection.MetricsStore;
import io.minxin.metrics.query.InvalidQuery;
import io.minxin.metrics.query.Overview;
import io.minxin.metrics.query.OverviewMonths;
import io.minxin.metrics.query.Series;
import io.minxin.metrics.query.UnitMonths;
import io.minxin.metrics.query.UnitTable;
import io.minxin.servicekit.problem.ProblemException;
import io.minxin.servicekit.registry.UnitRegistry;
import io.minxin.servicekit.scope.UnitAccess;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Read API over the MongoDB projection. Rates without denominator are null. A caller reads what its scope covers
 * ({@link MetricsScope}); the overview, its months and the unit table can be narrowed to one jurisdiction, the units
 * that belong to it at the end of the period ({@link PeriodJurisdictions}), within what the scope covers.
 */
@RestController
@RequestMapping("/api/v1")
class MetricsController {
    private final MetricsStore store;
    private final PeriodMetricsViews views;
    private final AssessmentPeriod periods;
    private final Clock clock;
    private final MetricsScope scope;
    private final PeriodJurisdictions jurisdictions;

    MetricsController(
            MetricsStore store,
            MetricsProperties properties,
            AssessmentPeriod periods,
            Clock clock,
            UnitAccess access,
            UnitRegistry registry) {
        this.store = store;
        this.scope = new MetricsScope(access);
        this.jurisdictions = new PeriodJurisdictions(registry, periods);
        this.views = new PeriodMetricsViews(store, properties.views());
        this.periods = periods;
        this.clock = clock;
    }

    /**
     * 基本情况: cases, units and overall rates of a period (default: the current one), per channel and total. A past
     * or future period without any unit metrics is not found; the current one answers zeros until its first case.
     * With {@code jurisdiction}, of the units that belong to it at the end of the period only; a jurisdiction no
     * registration names is not found.
     */
    @GetMapping("/overview")
    Mono<Overview> overview(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String jurisdiction,
            Caller caller) {
        String name = period(period);
        YearMonth month = YearMonth.parse(name);
        String asked = jurisdictions.check(jurisdiction);
        return metricsOf(name).map(metrics -> Overview.of(name, visible(caller, asked, month, metrics)));
    }

    /**
     * 基本情况 of every month from {@code from} to {@code to} (both included, at most {@link OverviewMonths#MAX_MONTHS}),
     * oldest first, in one answer: what a 12-month trend needs. A month without data answers zero cases and null
     * rates, a gap in a chart, never 0%. With {@code jurisdiction}, each month of the units that belong to it at the
     * end of that month, so a unit moved counts in its old jurisdiction before the move and in its new one after.
     */
    @GetMapping("/overview/months")
    Mono<OverviewMonths> overviewMonths(
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(required = false) String jurisdiction,
            Caller caller) {
        List<YearMonth> months = OverviewMonths.range(month("from", from), month("to", to));
        String asked = jurisdictions.check(jurisdiction);
        return Flux.fromIterable(months)
                .flatMapSequential(
                        month -> views.of(month.toString())
                                .map(metrics -> Overview.of(month.toString(), visible(caller, asked, month, metrics))),
                        months.size())
                .collectList()
                .map(overviews -> OverviewMonths.of(months, overviews));
    }

    /**
     * The per-unit table of a period, one channel or both, sorted by any rate or count; each row names the unit's
     * jurisdiction at the end of the period (null: none). With {@code jurisdiction}, the rows of its units only.
     */
    @GetMapping("/units")
    Mono<UnitTable> units(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) Channel channel,
            @RequestParam(defaultValue = UnitTable.DEFAULT_SORT) String sort,
            @RequestParam(defaultValue = UnitTable.DESCENDING) String order,
            @RequestParam(required = false) String jurisdiction,
            Caller caller) {
        String name = period(period);
        UnitTable.check(sort, order);
        YearMonth month = YearMonth.parse(name);
        String asked = jurisdictions.check(jurisdiction);
        return metricsOf(name)
                .map(metrics -> UnitTable.of(
                        name, channel, sort, order, visible(caller, asked, month, metrics), jurisdictions.at(month)));
    }

    /**
     * The jurisdictions units belong to now, by id, each with how many: for a scoped caller only those of the units
     * its scope covers, counting those units only. Empty where no unit is registered (one district).
     */
    @GetMapping("/jurisdictions")
    Mono<List<Jurisdiction>> jurisdictions(Caller caller) {
        return Mono.fromSupplier(
                () -> jurisdictions.listed(clock.instant(), unitId -> scope.covers(caller.scope(), unitId)));
    }

    /**
     * A unit's rows (one per channel with figures) of every month from {@code from} to {@code to}, oldest first: the
     * month's own figures, the same the ranking ranks, for a unit's 12-month trend in one call. A month without the
     * unit has no rows; a unit no event ever named is not found.
     */
    @GetMapping("/units/{unitId}/months")
    Mono<UnitMonths> unitMonths(
            @PathVariable String unitId, @RequestParam String from, @RequestParam String to, Caller caller) {
        scope.requireUnit(caller.scope(), unitId);
        List<YearMonth> months = OverviewMonths.range(month("from", from), month("to", to));
        return Flux.fromIterable(months)
                .flatMapSequential(
                        month -> views.of(month.toString())
                                .map(metrics -> UnitTable.of(
                                        month.toString(),
                                        null,
                                        UnitTable.DEFAULT_SORT,
                                        UnitTable.DESCENDING,
                                        metrics.stream()
                                                .filter(m -> m.unitId().equals(unitId))
                                                .toList(),
                                        jurisdictions.at(month))),
                        months.size())
                .collectList()
                .flatMap(tables ->
                        tables.stream().allMatch(table -> table.units().isEmpty())
                                ? known(unitId).thenReturn(tables)
                                : Mono.just(tables))
                .map(tables -> UnitMonths.of(unitId, months, tables));
    }

    /**
     * Daily and trailing 30-day rates of a unit; default the 30 days up to today. A unit no event ever named is not
     * found; a known unit answers zeros for the days it had nothing.
     */
    @GetMapping("/units/{unitId}/series")
    Mono<Series> series(
            @PathVariable String unitId,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Channel channel,
            Caller caller) {
        scope.requireUnit(caller.scope(), unitId);
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(AssessmentPeriod.ZONE));
        LocalDate first = from != null ? from : last.minusDays(Series.WINDOW_DAYS - 1);
        Series.check(first, last);
        return store.unitDays(unitId, Series.firstDayNeeded(first), last)
                .collectList()
                .flatMap(days -> days.isEmpty() ? known(unitId).thenReturn(days) : Mono.just(days))
                .map(days -> Series.of(unitId, channel, first, last, days));
    }

    /** A case's state and its timeline (every distinct event in order). */
    @GetMapping("/cases/{caseId}")
    Mono<CaseState> caseState(@PathVariable String caseId, Caller caller) {
        return store.caseState(caseId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no case " + caseId)))
                .map(state -> scope.requireCase(caller.scope(), state));
    }

    /** What the caller's scope covers of a period's metrics, of the jurisdiction's units only when one is asked. */
    private List<UnitMetrics> visible(Caller caller, String jurisdiction, YearMonth period, List<UnitMetrics> metrics) {
        return jurisdictions.members(jurisdiction, period, scope.visible(caller.scope(), metrics));
    }

    /** A period's unit metrics; none of a period other than the current one: not found. */
    private Mono<List<UnitMetrics>> metricsOf(String period) {
        return views.of(period)
                .filter(metrics -> !metrics.isEmpty() || period.equals(periods.nameOf(clock.instant())))
                .switchIfEmpty(Mono.error(
                        () -> ProblemException.notFound("no period " + period + ": no unit has metrics of it")));
    }

    private Mono<Void> known(String unitId) {
        return store.hasUnit(unitId)
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no unit " + unitId + ": no event names it")))
                .then();
    }

    private static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidQuery(field, "must be a period YYYY-MM, e.g. 2020-09, was " + value);
        }
    }

    private String period(String period) {
        if (period == null || period.isBlank()) {
            return periods.nameOf(clock.instant());
        }
        try {
            return YearMonth.parse(period).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidQuery("period", "must be a period YYYY-MM, e.g. 2020-09, was " + period);
        }
    }
}
