package io.minxin.ranking.policy;

import io.minxin.events.Channel;
import io.minxin.events.identity.Caller;
import io.minxin.ranking.web.Requests;
import io.minxin.servicekit.problem.ProblemException;
import io.minxin.servicekit.registry.UnitRegistry;
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

/**
 * Operators read and replace ranking policies; every version is kept. Without {@code jurisdiction} the platform's
 * policies, as always; with it, that jurisdiction's own (a jurisdiction no registration names: 404).
 */
@RestController
@RequestMapping("/api/v1/policies")
class PolicyController {
    private final Policies policies;
    private final UnitRegistry registry;

    PolicyController(Policies policies, UnitRegistry registry) {
        this.policies = policies;
        this.registry = registry;
    }

    /**
     * Every version, by channel then version; with {@code period}, only the version effective in that period for
     * each channel. With {@code jurisdiction}, the jurisdiction's own versions; with a period too, the version that
     * ranks the jurisdiction then: its own, else the platform's (which has no {@code jurisdiction} field).
     */
    @GetMapping
    Flux<PolicyAnswer> list(
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String jurisdiction) {
        Flux<Channel> channels = Flux.fromIterable(Requests.channels(channel));
        String owner = known(jurisdiction);
        if (period != null) {
            String checked = Requests.period(period);
            return channels.concatMap(each -> policies.effective(owner, each, checked)
                    .map(policy -> PolicyAnswer.of(policy, owner))
                    .onErrorResume(ProblemException.class, e -> Mono.empty()));
        }
        return channels.concatMap(each -> policies.versions(owner, each)).map(policy -> PolicyAnswer.of(policy, owner));
    }

    /**
     * Stores the body as the next version of the channel's policy (the jurisdiction's with {@code jurisdiction});
     * answers 201 with the stored version once the change is on the audit trail. The platform's policies are changed
     * by unscoped operators, a jurisdiction's also by an operator of that jurisdiction's scope ({@link PolicyScope}).
     */
    @PutMapping("/{channel}")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PolicyAnswer> replace(
            @PathVariable String channel,
            @RequestParam(required = false) String jurisdiction,
            @RequestBody JsonNode body,
            Caller caller) {
        Channel checked = Requests.channel(channel);
        String owner = known(jurisdiction);
        PolicyScope.requireChangeable(caller.scope(), owner);
        return policies.replace(owner, checked, body, caller).map(policy -> PolicyAnswer.of(policy, owner));
    }

    /** The jurisdiction asked for, null when none; 404 when no registration names it. */
    private String known(String jurisdiction) {
        String owner = Requests.jurisdiction(jurisdiction);
        if (owner != null) {
            registry.require(owner);
        }
        return owner;
    }
}
