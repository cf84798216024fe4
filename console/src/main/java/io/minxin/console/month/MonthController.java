package io.minxin.console.month;

import io.minxin.console.api.ChannelRanking;
import io.minxin.console.api.MetricsClient;
import io.minxin.console.api.RankingClient;
import io.minxin.console.web.Periods;
import io.minxin.events.Channel;
import io.minxin.events.state.Jurisdiction;
import io.minxin.servicekit.identity.CallerContext;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * The month: its 基本情况, both channels' rankings, and the trend of the overall rates over the last 12 months. A
 * row's 排名依据 is rendered only when it is opened ({@link #explanation}), from the ranking the page was rendered
 * from. A unit liaison sees what the APIs give them: their unit's figures, row and rank.
 */
@Controller
class MonthController {
    static final int TREND_MONTHS = 12;

    private final MetricsClient metrics;
    private final RankingClient rankings;
    private final Periods periods;
    private final ExplainedRankings explained;

    MonthController(MetricsClient metrics, RankingClient rankings, Periods periods, ExplainedRankings explained) {
        this.metrics = metrics;
        this.rankings = rankings;
        this.periods = periods;
        this.explained = explained;
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
            return Mono.zip(metrics.jurisdictions(), trend(asked.month(), null), rankings(name, null))
                    .map(all -> page(asked, name, all.getT1(), null, null, all.getT2(), all.getT3()));
        }
        return metrics.jurisdictions().flatMap(districts -> {
            Jurisdiction chosen = districts.stream()
                    .filter(district -> district.id().equals(wanted))
                    .findFirst()
                    .orElse(null);
            String asking = chosen == null ? null : chosen.id();
            return Mono.zip(trend(asked.month(), asking), rankings(name, asking))
                    .map(all -> page(
                            asked, name, districts, chosen, chosen == null ? wanted : null, all.getT1(), all.getT2()));
        });
    }

    /**
     * The 排名依据 of one row, as htmx asks for it when the row's details are opened: {@code version} is the ranking
     * the page showed ({@link ChannelRanking#version()}). When that ranking is no longer at hand and the API now
     * answers a newer one, the row is explained from the newer one and the fragment says the ranking has changed.
     * A unit the person's ranking has no row for (another unit's, for a liaison) is said to have none.
     */
    @GetMapping("/console/rankings/{period}/{channel}/explanations/{unitId}")
    Mono<Rendering> explanation(
            @PathVariable String period,
            @PathVariable Channel channel,
            @PathVariable String unitId,
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String version) {
        String month = Periods.parse(period)
                .orElseThrow(() -> new ServerWebInputException("not a month: " + period))
                .toString();
        String district = jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip();
        String shown = version == null ? "" : version;
        return CallerContext.current()
                .flatMap(caller -> explained.ranking(caller, month, channel, district, shown))
                .map(revision -> new ChannelRanking(channel, revision))
                .map(ranking -> Rendering.view("month/month :: explanation")
                        .modelAttribute("row", ranking.rowOf(unitId).orElse(null))
                        .modelAttribute("changed", !shown.isEmpty() && !shown.equals(ranking.version()))
                        .build());
    }

    /** Both channels' rankings, kept for their rows' 排名依据 as the person reading them sees them. */
    private Mono<List<ChannelRanking>> rankings(String period, String jurisdiction) {
        return rankings.rankings(period, jurisdiction)
                .flatMap(channels -> CallerContext.current()
                        .doOnNext(caller -> explained.keep(caller, jurisdiction, channels))
                        .thenReturn(channels));
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
