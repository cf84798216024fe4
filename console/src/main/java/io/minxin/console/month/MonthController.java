package io.minxin.console.month;

import io.minxin.console.api.MetricsClient;
import io.minxin.console.api.RankingClient;
import io.minxin.console.web.Periods;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The month: its 基本情况, both channels' rankings with every row explained, and the trend of the overall rates over
 * the last 12 months. A unit liaison sees what the APIs give them: their unit's figures, row and rank.
 */
@Controller
class MonthController {
    static final int TREND_MONTHS = 12;

    private final MetricsClient metrics;
    private final RankingClient rankings;
    private final Periods periods;

    MonthController(MetricsClient metrics, RankingClient rankings, Periods periods) {
        this.metrics = metrics;
        this.rankings = rankings;
        this.periods = periods;
    }

    @GetMapping({"/console", "/console/"})
    Mono<Rendering> month(@RequestParam(required = false) String period) {
        Periods.Asked asked = periods.asked(period);
        String name = asked.month().toString();
        return Mono.zip(trend(asked.month()), rankings.rankings(name))
                .map(all -> Rendering.view("month/month")
                        .modelAttribute("period", name)
                        .modelAttribute("unreadablePeriod", asked.unreadable())
                        .modelAttribute("overview", all.getT1().last().orElse(null))
                        .modelAttribute("channels", all.getT2())
                        .modelAttribute("trendJson", all.getT1().json())
                        .modelAttribute("trendHasData", all.getT1().hasData())
                        .build());
    }

    /**
     * The overall rates of the 12 months ending with {@code last}, in one call; a month without cases is a gap in the
     * chart. The last of them is the page's own overview.
     */
    private Mono<Trend> trend(YearMonth last) {
        List<YearMonth> months = Periods.ending(last, TREND_MONTHS);
        return metrics.overviewMonths(months.get(0), last).map(overviews -> Trend.of(months, overviews));
    }
}
