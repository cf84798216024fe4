package io.minxin.ranking.revision;

import io.minxin.events.identity.Caller;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.policy.PolicyReader;
import io.minxin.ranking.web.Requests;
import io.minxin.servicekit.problem.ProblemException;
import io.minxin.servicekit.scope.UnitAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Rankings of a period: the current one, its best and worst rows, its revisions, and what-if trials. A caller sees
 * the rows its scope covers ({@link RankingScope}).
 */
@RestController
@RequestMapping("/api/v1/rankings/{period}")
class RankingController {
    static final int DEFAULT_BOTTOM = 5;

    private final RankingViews views;
    private final RankingScope scope;

    RankingController(RankingViews views, UnitAccess access) {
        this.views = views;
        this.scope = new RankingScope(access);
    }

    /**
     * The latest published revision of a closed period, else the live ranking. {@code top} limits the rows to the
     * best places (default: the policy's top, ties on the last place included; every place for a scoped caller).
     */
    @GetMapping
    Mono<RankingRevision> ranking(
            @PathVariable String period,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) Integer top,
            Caller caller) {
        return views.current(Requests.period(period), Requests.channel(channel))
                .map(ranking -> RankingViews.top(
                        ranking, Requests.positive("top", top, RankingScope.defaultTop(caller.scope(), ranking))))
                .map(ranking -> scope.visible(caller.scope(), ranking));
    }

    /** The last {@code n} rows (default 5) of the same ranking, in rank order. */
    @GetMapping("/bottom")
    Mono<RankingRevision> bottom(
            @PathVariable String period,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) Integer n,
            Caller caller) {
        int count = Requests.positive("n", n, DEFAULT_BOTTOM);
        return views.current(Requests.period(period), Requests.channel(channel))
                .map(ranking -> RankingViews.bottom(ranking, count))
                .map(ranking -> scope.visible(caller.scope(), ranking));
    }

    /** Every revision of the period, published or pending, by channel then number; both channels by default. */
    @GetMapping("/revisions")
    Flux<RankingRevision> revisions(
            @PathVariable String period, @RequestParam(required = false) String channel, Caller caller) {
        return views.revisions(Requests.period(period), Requests.channels(channel))
                .map(revision -> scope.visible(caller.scope(), revision));
    }

    /**
     * Ranks the period under the policy in the body (its channel from the body or {@code channel}), with the
     * difference to the current ranking. Nothing is stored or published.
     */
    @PostMapping("/what-if")
    Mono<RankingRevision> whatIf(
            @PathVariable String period,
            @RequestParam(required = false) String channel,
            @RequestBody JsonNode body,
            Caller caller) {
        String checked = Requests.period(period);
        PolicyReader.Result read = PolicyReader.read(
                body, channel == null ? null : Requests.channel(channel), PolicyReader.Purpose.WHAT_IF);
        if (!read.valid()) {
            return Mono.error(ProblemException.invalid("ranking policy", read.violations()));
        }
        RankingPolicy trial = read.policy();
        // operators only by the route rules; filtered all the same, so no rule change can widen a scope
        return views.whatIf(checked, trial).map(ranking -> scope.visible(caller.scope(), ranking));
    }
}
