package io.minxin.ranking.revision;

import io.minxin.events.Channel;
import io.minxin.events.identity.Caller;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.policy.PolicyReader;
import io.minxin.ranking.web.Requests;
import io.minxin.servicekit.problem.ProblemException;
import io.minxin.servicekit.scope.UnitAccess;
import java.util.List;
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
 * the rows its scope covers ({@link RankingScope}). With {@code jurisdiction}, every one of them is the ranking of
 * the units that belong to that jurisdiction at the end of the period, ranked among themselves ({@link
 * PeriodJurisdictions}, {@link JurisdictionRankings}), under the jurisdiction's own policy when it has one in force,
 * and the answer names the jurisdiction and whose policy ranked it; a scoped caller then sees its rows with their
 * ranks within the jurisdiction.
 */
@RestController
@RequestMapping("/api/v1/rankings/{period}")
class RankingController {
    static final int DEFAULT_BOTTOM = 5;

    private final RankingViews views;
    private final RankingScope scope;
    private final PeriodJurisdictions jurisdictions;

    RankingController(RankingViews views, UnitAccess access, PeriodJurisdictions jurisdictions) {
        this.views = views;
        this.scope = new RankingScope(access);
        this.jurisdictions = jurisdictions;
    }

    /**
     * The latest published revision of a closed period, else the live ranking. {@code top} limits the rows to the
     * best places (default: the policy's top, ties on the last place included; every place for a scoped caller).
     */
    @GetMapping
    Mono<RankingAnswer> ranking(
            @PathVariable String period,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) Integer top,
            @RequestParam(required = false) String jurisdiction,
            Caller caller) {
        String checked = Requests.period(period);
        Channel checkedChannel = Requests.channel(channel);
        Jurisdiction of = jurisdictions.of(checked, jurisdiction);
        return views.current(checked, checkedChannel, of)
                .map(ranking -> RankingViews.top(
                        ranking, Requests.positive("top", top, RankingScope.defaultTop(caller.scope(), ranking))))
                .map(ranking -> RankingAnswer.of(scope.visible(caller.scope(), ranking), of));
    }

    /** The last {@code n} rows (default 5) of the same ranking, in rank order. */
    @GetMapping("/bottom")
    Mono<RankingAnswer> bottom(
            @PathVariable String period,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) Integer n,
            @RequestParam(required = false) String jurisdiction,
            Caller caller) {
        int count = Requests.positive("n", n, DEFAULT_BOTTOM);
        String checked = Requests.period(period);
        Channel checkedChannel = Requests.channel(channel);
        Jurisdiction of = jurisdictions.of(checked, jurisdiction);
        return views.current(checked, checkedChannel, of)
                .map(ranking -> RankingViews.bottom(ranking, count))
                .map(ranking -> RankingAnswer.of(scope.visible(caller.scope(), ranking), of));
    }

    /** Every revision of the period, published or pending, by channel then number; both channels by default. */
    @GetMapping("/revisions")
    Flux<RankingAnswer> revisions(
            @PathVariable String period,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String jurisdiction,
            Caller caller) {
        String checked = Requests.period(period);
        List<Channel> channels = Requests.channels(channel);
        Jurisdiction of = jurisdictions.of(checked, jurisdiction);
        return views.revisions(checked, channels, of)
                .map(revision -> RankingAnswer.of(scope.visible(caller.scope(), revision), of));
    }

    /**
     * Ranks the period under the policy in the body (its channel from the body or {@code channel}), with the
     * difference to the current ranking. Nothing is stored or published.
     */
    @PostMapping("/what-if")
    Mono<RankingAnswer> whatIf(
            @PathVariable String period,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String jurisdiction,
            @RequestBody JsonNode body,
            Caller caller) {
        String checked = Requests.period(period);
        Jurisdiction of = jurisdictions.of(checked, jurisdiction);
        // with a jurisdiction, a trial of its own policy: a body naming another owner is refused as a PUT would be
        PolicyReader.Result read = PolicyReader.read(
                body,
                channel == null ? null : Requests.channel(channel),
                of == null ? null : of.id(),
                PolicyReader.Purpose.WHAT_IF);
        if (!read.valid()) {
            return Mono.error(ProblemException.invalid("ranking policy", read.violations()));
        }
        RankingPolicy trial = read.policy();
        // operators only by the route rules; filtered all the same, so no rule change can widen a scope
        return views.whatIf(checked, trial, of)
                .map(ranking -> RankingAnswer.of(scope.visible(caller.scope(), ranking), of));
    }
}
