package io.minxin.ranking.policy;

import io.minxin.events.identity.Caller;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.web.Requests;
import io.minxin.servicekit.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Operators read and replace ranking policies; every version is kept. */
@RestController
@RequestMapping("/api/v1/policies")
class PolicyController {
    private final Policies policies;

    PolicyController(Policies policies) {
        this.policies = policies;
    }

    /**
     * Every version, by channel then version; with {@code period}, only the version effective in that period for
     * each channel.
     */
    @GetMapping
    Flux<RankingPolicy> list(
            @RequestParam(required = false) String channel, @RequestParam(required = false) String period) {
        Flux<io.minxin.events.Channel> channels = Flux.fromIterable(Requests.channels(channel));
        if (period != null) {
            String checked = Requests.period(period);
            return channels.concatMap(
                    each -> policies.effective(each, checked).onErrorResume(ProblemException.class, e -> Mono.empty()));
        }
        return channels.concatMap(policies::versions);
    }

    /**
     * Stores the body as the next version of the channel's policy; answers 201 with the stored version once the
     * change is on the audit trail.
     */
    @PutMapping("/{channel}")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<RankingPolicy> replace(@PathVariable String channel, @RequestBody JsonNode body, Caller caller) {
        return policies.replace(Requests.channel(channel), body, caller);
    }
}
