package io.minxin.console.unit;

import io.minxin.console.api.MetricsClient;
import io.minxin.console.api.NoticeClient;
import io.minxin.console.api.RankingClient;
import io.minxin.console.web.Periods;
import io.minxin.events.state.Rates;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * A handling unit's (承办单位) page for one month: what its liaison sees of their own unit, and operators and leaders
 * of any unit. Everything is read with the person's token, so the APIs decide what they may see: a liaison gets only
 * their own rows and rank, and notice-service refuses another unit's notices (403: the page is the 403 page).
 */
@Controller
class UnitController {
    static final int TREND_MONTHS = 12;

    private final MetricsClient metrics;
    private final RankingClient rankings;
    private final NoticeClient notices;
    private final Periods periods;

    UnitController(MetricsClient metrics, RankingClient rankings, NoticeClient notices, Periods periods) {
        this.metrics = metrics;
        this.rankings = rankings;
        this.notices = notices;
        this.periods = periods;
    }

    @GetMapping("/console/units/{unitId}")
    Mono<Rendering> unit(@PathVariable String unitId, @RequestParam(required = false) String period) {
        Periods.Asked asked = periods.asked(period);
        String name = asked.month().toString();
        return Mono.zip(months(unitId, asked.month()), rankings.rankings(name), notices.notices(name, unitId))
                .map(all -> Rendering.view("unit/unit")
                        .modelAttribute("period", name)
                        .modelAttribute("unreadablePeriod", asked.unreadable())
                        .modelAttribute("unit", new UnitPage(unitId, all.getT1(), all.getT2(), all.getT3()))
                        .modelAttribute("rateNames", Rates.NAMES)
                        .build());
    }

    /**
     * The unit's rows of the 12 months ending with {@code last}, in one call of {@code GET /api/v1/units/{unitId}
     * /months}, not {@code /units/{unitId}/series}: the month's own figures per channel (the assessment period, with
     * its exclusions, the same the ranking ranks), while the series is per day of first acceptance with trailing
     * 30-day windows, which never add up to a month's rates. A month without the unit is a gap.
     */
    private Mono<List<UnitMonth>> months(String unitId, YearMonth last) {
        List<YearMonth> months = Periods.ending(last, TREND_MONTHS);
        return metrics.unitMonths(unitId, months.get(0), last).map(rows -> {
            List<UnitMonth> unitMonths = new ArrayList<>();
            for (int i = 0; i < months.size(); i++) {
                unitMonths.add(
                        i < rows.size()
                                ? UnitMonth.of(months.get(i), unitId, rows.get(i))
                                : UnitMonth.gap(months.get(i)));
            }
            return unitMonths;
        });
    }
}
