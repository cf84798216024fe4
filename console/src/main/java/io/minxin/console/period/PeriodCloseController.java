package io.minxin.console.period;

import io.minxin.console.api.ApiFailure;
import io.minxin.console.api.RankingClient;
import io.minxin.console.web.Htmx;
import io.minxin.events.Channel;
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
        return panel(period, progress -> watching && progress.phase() == CloseProgress.Phase.CLOSED);
    }

    /** The panel, telling htmx to reload the page when {@code reload} says so of the close as it stands. */
    private Mono<Rendering> panel(String period, java.util.function.Predicate<CloseProgress> reload) {
        return rankings.revisions(period)
                .onErrorResume(ApiFailure::isNotFound, none -> Mono.just(List.of()))
                .map(revisions -> CloseProgress.of(period, revisions, attempts.of(period), attempts.now()))
                .map(progress -> {
                    Rendering.Builder<?> panel = Rendering.view("period/close :: close")
                            .modelAttribute("period", period)
                            .modelAttribute("progress", progress);
                    if (reload.test(progress)) {
                        panel.header(Htmx.REFRESH, "true");
                    }
                    return panel.build();
                });
    }

    /**
     * Publishes a pending revision of one channel (an operator's); the panel comes back with the page reloading, whose
     * rankings are then that revision. A refusal is the error page, as a write the person may not make.
     */
    @PostMapping("/console/periods/{period:\\d{4}-\\d{2}}/revisions/{revision:\\d+}/publish")
    Mono<Rendering> publish(@PathVariable String period, @PathVariable int revision, @RequestParam Channel channel) {
        return rankings.publish(period, revision, channel).then(panel(period, published -> true));
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
