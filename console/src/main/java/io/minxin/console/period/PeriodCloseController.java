package io.minxin.console.period;

import io.minxin.console.api.ApiFailure;
import io.minxin.console.api.RankingClient;
import io.minxin.console.web.Htmx;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * Closing a month (关账) from its page: the operator's button starts the close (ranking-service freezes, publishes
 * and audits revision 1 of each channel, and answers only then), and the panel comes back at once with the steps,
 * which it polls every second from the period's revisions until the close is done, refused, or slower than it
 * should be. The panel is the month page's, loaded by htmx; leaders see the state without the button.
 */
@Controller
class PeriodCloseController {
    private static final String PATH = "/console/periods/{period:\\d{4}-\\d{2}}/close";

    private final RankingClient rankings;
    private final CloseAttempts attempts;

    PeriodCloseController(RankingClient rankings, CloseAttempts attempts) {
        this.rankings = rankings;
        this.attempts = attempts;
    }

    /**
     * The panel as the close stands. Polled while the close runs ({@code watching}); the poll that finds the month
     * closed reloads the page ({@code HX-Refresh}), whose rankings are then the published revision 1.
     */
    @GetMapping(PATH)
    Mono<Rendering> progress(@PathVariable String period, @RequestParam(defaultValue = "false") boolean watching) {
        return rankings.revisions(period)
                .onErrorResume(ApiFailure::isNotFound, none -> Mono.just(List.of()))
                .map(revisions -> CloseProgress.of(period, revisions, attempts.of(period), attempts.now()))
                .map(progress -> {
                    Rendering.Builder<?> panel = Rendering.view("period/close :: close")
                            .modelAttribute("period", period)
                            .modelAttribute("progress", progress);
                    if (watching && progress.phase() == CloseProgress.Phase.CLOSED) {
                        panel.header(Htmx.REFRESH, "true");
                    }
                    return panel.build();
                });
    }

    /**
     * Starts the close with the operator's token (the request's context goes with the call, which outlives the
     * request) and answers the panel as it stands.
     */
    @PostMapping(PATH)
    Mono<Rendering> close(@PathVariable String period) {
        return Mono.deferContextual(request -> {
            attempts.start(period, () -> rankings.close(period).contextWrite(request));
            return progress(period, false);
        });
    }
}
