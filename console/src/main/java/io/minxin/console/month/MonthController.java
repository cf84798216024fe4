package io.minxin.console.month;

import io.minxin.console.api.ApiFailure;
import io.minxin.console.api.MetricsClient;
import io.minxin.console.api.RankingClient;
import io.minxin.console.web.Periods;
import io.minxin.events.Channel;
import io.minxin.events.ranking.RankingRevision;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
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
        Optional<YearMonth> asked = Periods.parse(period);
        YearMonth month = asked.orElseGet(periods::defaultPeriod);
        boolean unreadable = period != null && !period.isBlank() && asked.isEmpty();
        String name = month.toString();
        Mono<List<ChannelRanking>> channels = Flux.fromArray(Channel.values())
                .flatMapSequential(channel -> rankings.ranking(name, channel)
                        .map(revision -> new ChannelRanking(channel, revision))
                        .onErrorResume(ApiFailure::isNotFound, missing -> Mono.just(new ChannelRanking(channel, null))))
                .collectList();
        return Mono.zip(trend(month), channels)
                .map(all -> Rendering.view("month/month")
                        .modelAttribute("period", name)
                        .modelAttribute("unreadablePeriod", unreadable ? period : null)
                        .modelAttribute("overview", all.getT1().last().orElse(null))
                        .modelAttribute("channels", all.getT2())
                        .modelAttribute("trendJson", all.getT1().json())
                        .modelAttribute("trendHasData", all.getT1().hasData())
                        .build());
    }

    /**
     * The overall rates of the 12 months ending with {@code last}. No API gives an overall series (only a unit's
     * daily one), so each month's overview is read, all 12 at once; a month without data is a gap in the chart. The
     * last of them is the page's own overview.
     */
    private Mono<Trend> trend(YearMonth last) {
        return Flux.fromIterable(Periods.ending(last, TREND_MONTHS))
                .flatMapSequential(
                        month -> metrics.overview(month.toString())
                                .map(overview -> new Trend.Point(month, overview))
                                .onErrorResume(ApiFailure::isNotFound, missing -> Mono.just(Trend.Point.gap(month))),
                        TREND_MONTHS)
                .collectList()
                .map(Trend::new);
    }

    /** One channel's ranking, or null when the month has none yet. */
    record ChannelRanking(Channel channel, RankingRevision ranking) {
        public String label() {
            return channel == Channel.PHONE ? "话务端" : "网络端";
        }

        public String status() {
            if (ranking == null) {
                return "";
            }
            return switch (ranking.status()) {
                case LIVE -> "实时排名（本月尚未关账，数字还会变化）";
                case PENDING -> "第 " + ranking.revision() + " 版（待发布）";
                case PUBLISHED -> "第 " + ranking.revision() + " 版（已发布）";
                case WHAT_IF -> "试算";
            };
        }
    }
}
