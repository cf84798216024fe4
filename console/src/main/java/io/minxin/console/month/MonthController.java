package io.minxin.console.month;

import io.minxin.console.api.ChannelRanking;
import io.minxin.console.api.MetricsClient;
import io.minxin.console.api.RankingClient;
import io.minxin.console.web.Periods;
import io.minxin.events.state.Jurisdiction;
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

    /**
     * The month, of the whole platform or, with {@code jurisdiction}, of one district's units (ranked among
     * themselves). The districts to choose from are those units are registered in; a platform of one district has none
     * and the page shows no choice. A district that is not among them is not asked for (the page says so).
     */
    @GetMapping({"/console", "/console/"})
    Mono<Rendering> month(
            @RequestParam(required = false) String period, @RequestParam(required = false) String jurisdiction) {
        Periods.Asked asked = periods.asked(period);
        String name = asked.month().toString();
        String wanted = jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip();
        if (wanted == null) {
            // the whole platform: the districts to offer are read alongside, not first
            return Mono.zip(metrics.jurisdictions(), trend(asked.month(), null), rankings.rankings(name))
                    .map(all -> page(asked, name, all.getT1(), null, null, all.getT2(), all.getT3()));
        }
        return metrics.jurisdictions().flatMap(districts -> {
            Jurisdiction chosen = districts.stream()
                    .filter(district -> district.id().equals(wanted))
                    .findFirst()
                    .orElse(null);
            String asking = chosen == null ? null : chosen.id();
            return Mono.zip(trend(asked.month(), asking), rankings.rankings(name, asking))
                    .map(all -> page(
                            asked, name, districts, chosen, chosen == null ? wanted : null, all.getT1(), all.getT2()));
        });
    }

    private static Rendering page(
            Periods.Asked asked,
            String period,
            List<Jurisdiction> districts,
            Jurisdiction chosen,
            String unknown,
            Trend trend,
            List<ChannelRanking> channels) {
        return Rendering.view("month/month")
                .modelAttribute("period", period)
                .modelAttribute("unreadablePeriod", asked.unreadable())
                .modelAttribute("jurisdictions", districts)
                .modelAttribute("jurisdiction", chosen)
                .modelAttribute("unknownJurisdiction", unknown)
                .modelAttribute("overview", trend.last().orElse(null))
                .modelAttribute("channels", channels)
                .modelAttribute("trendJson", trend.json())
                .modelAttribute("trendHasData", trend.hasData())
                .build();
    }

    /**
     * The overall rates of the 12 months ending with {@code last}, in one call; a month without cases is a gap in the
     * chart. The last of them is the page's own overview.
     */
    private Mono<Trend> trend(YearMonth last, String jurisdiction) {
        List<YearMonth> months = Periods.ending(last, TREND_MONTHS);
        return metrics.overviewMonths(months.get(0), last, jurisdiction).map(overviews -> Trend.of(months, overviews));
    }
}
