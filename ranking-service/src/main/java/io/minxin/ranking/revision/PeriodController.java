package io.minxin.ranking.revision;

import io.minxin.events.identity.Caller;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.ranking.web.Requests;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Operators close periods and publish pending revisions. */
@RestController
@RequestMapping("/api/v1/periods/{period}")
class PeriodController {
    private final RevisionKeeper keeper;

    PeriodController(RevisionKeeper keeper) {
        this.keeper = keeper;
    }

    /**
     * Freezes and publishes revision 1 of each channel; closing again answers the same revisions. Answered once
     * the close is on the audit trail.
     */
    @PostMapping("/close")
    Mono<List<RankingRevision>> close(@PathVariable String period, Caller caller) {
        String checked = Requests.period(period);
        return blocking(() -> keeper.close(checked, caller));
    }

    /**
     * Publishes pending revision {@code n} of the channel (of both channels that have it by default); answered once
     * each revision's publication is on the audit trail.
     */
    @PostMapping("/revisions/{n}/publish")
    Mono<List<RankingRevision>> publish(
            @PathVariable String period,
            @PathVariable int n,
            @RequestParam(required = false) String channel,
            Caller caller) {
        String checked = Requests.period(period);
        int revision = Requests.positive("n", n, 1);
        return blocking(() -> keeper.publish(checked, revision, Requests.channels(channel), caller));
    }

    /** The keeper waits for MongoDB and Kafka; that never happens on an event-loop thread. */
    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
