package io.minxin.console.policy;

import io.minxin.console.api.ApiFailure;
import io.minxin.console.api.Policy;
import io.minxin.console.api.RankingClient;
import io.minxin.console.web.Periods;
import io.minxin.console.web.Refusal;
import io.minxin.events.Channel;
import io.minxin.events.ranking.RankingRevision;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The ranking policies (排名规则) of both channels: each channel's current version, and for an operator a form of
 * its weights, order, tie-breaks, places honoured and eligibility. 预览 ranks a month under the edited policy and
 * shows it next to the current ranking, each unit's move marked; 保存 stores it as the channel's next version. Both
 * are htmx posts answered with the channel's card; what the API refused is shown next to the fields it names, with
 * what was typed.
 */
@Controller
class PolicyController {
    private static final PolicyTerms TERMS = new PolicyTerms();
    private static final Refusal.Sentences PREVIEW_REFUSED =
            new Refusal.Sentences("您的账户无权试算排名规则。", "预览未能完成，请稍后重试。", "预览未能完成：请按提示修改规则，或换一个有数据的月份后重试。");
    private static final Refusal.Sentences SAVE_REFUSED =
            new Refusal.Sentences("您的账户无权修改排名规则。", "同一时间有另一个版本被保存，请刷新页面后重试。", "规则未保存：请按提示修改后重试。");

    private final RankingClient rankings;
    private final Periods periods;

    PolicyController(RankingClient rankings, Periods periods) {
        this.rankings = rankings;
        this.periods = periods;
    }

    @GetMapping("/console/policies")
    Mono<Rendering> policies(@RequestParam(required = false) String period) {
        Periods.Asked asked = periods.asked(period);
        String month = asked.month().toString();
        return rankings.policies()
                .map(all -> Rendering.view("policy/policies")
                        .modelAttribute("period", month)
                        .modelAttribute("unreadablePeriod", asked.unreadable())
                        .modelAttribute("terms", TERMS)
                        .modelAttribute("job", null)
                        .modelAttribute("refusal", null)
                        .modelAttribute("typed", RecomputeController.typed(all, periods.defaultPeriod()))
                        .modelAttribute(
                                "cards",
                                Arrays.stream(Channel.values())
                                        .flatMap(channel -> latest(all, channel).stream()
                                                .map(current -> new PolicyCard(
                                                        channel,
                                                        current,
                                                        versions(all, channel),
                                                        PolicyForm.of(current, month),
                                                        null,
                                                        null,
                                                        null)))
                                        .toList())
                        .build());
    }

    /** 预览: the month ranked under the edited policy next to the current ranking, or why the API refused it. */
    @PostMapping("/console/policies/{channel}/what-if")
    Mono<Rendering> preview(@PathVariable String channel, ServerWebExchange exchange) {
        Channel asked = channel(channel);
        return exchange.getFormData().zipWith(rankings.policies()).flatMap(both -> {
            List<Policy> all = both.getT2();
            Policy current = latestOrRefuse(all, asked);
            PolicyForm typed = PolicyForm.of(both.getT1(), periodOf(both.getT1()));
            Mono<Optional<RankingRevision>> now = rankings.ranking(typed.period(), asked)
                    .map(Optional::of)
                    .onErrorResume(ApiFailure::isNotFound, none -> Mono.just(Optional.empty()));
            return rankings.whatIf(typed.period(), asked, typed.body(current))
                    .zipWith(now)
                    .map(trial -> card(new PolicyCard(
                            asked,
                            current,
                            versions(all, asked),
                            typed,
                            RankComparison.of(trial.getT2().orElse(null), trial.getT1()),
                            null,
                            null)))
                    .onErrorResume(
                            Refusal::isRefusal,
                            failure -> Mono.just(refused(asked, current, all, typed, failure, PREVIEW_REFUSED)));
        });
    }

    /** 保存: the edited policy stored as the channel's next version; the card opens on it, or says what was wrong. */
    @PostMapping("/console/policies/{channel}")
    Mono<Rendering> save(@PathVariable String channel, ServerWebExchange exchange) {
        Channel asked = channel(channel);
        return exchange.getFormData().zipWith(rankings.policies()).flatMap(both -> {
            List<Policy> all = both.getT2();
            Policy current = latestOrRefuse(all, asked);
            PolicyForm typed = PolicyForm.of(both.getT1(), periodOf(both.getT1()));
            return rankings.savePolicy(asked, typed.body(current))
                    .map(saved -> card(new PolicyCard(
                            asked,
                            saved,
                            versions(
                                    Stream.concat(Stream.of(saved), all.stream())
                                            .toList(),
                                    asked),
                            PolicyForm.of(saved, typed.period()),
                            null,
                            null,
                            saved)))
                    .onErrorResume(
                            Refusal::isRefusal,
                            failure -> Mono.just(refused(asked, current, all, typed, failure, SAVE_REFUSED)));
        });
    }

    /** The card with what was typed and why the API refused it. */
    private static Rendering refused(
            Channel channel,
            Policy current,
            List<Policy> all,
            PolicyForm typed,
            Throwable failure,
            Refusal.Sentences sentences) {
        return card(new PolicyCard(
                channel,
                current,
                versions(all, channel),
                typed,
                null,
                Refusal.of((ApiFailure) failure, sentences),
                null));
    }

    private static Rendering card(PolicyCard card) {
        return Rendering.view("policy/policies :: card")
                .modelAttribute("card", card)
                .modelAttribute("terms", TERMS)
                .build();
    }

    private static Optional<Policy> latest(List<Policy> all, Channel channel) {
        return all.stream().filter(policy -> policy.channel() == channel).max(Comparator.comparingInt(Policy::version));
    }

    private static Policy latestOrRefuse(List<Policy> all, Channel channel) {
        return latest(all, channel)
                .orElseThrow(() -> ApiFailure.invalid("channel", "no policy of " + channel + " to start from"));
    }

    /** The channel's versions, newest first. */
    private static List<Policy> versions(List<Policy> all, Channel channel) {
        return all.stream()
                .filter(policy -> policy.channel() == channel)
                .sorted(Comparator.comparingInt(Policy::version).reversed())
                .toList();
    }

    private static Channel channel(String name) {
        return Arrays.stream(Channel.values())
                .filter(channel -> channel.name().equals(name))
                .findFirst()
                .orElseThrow(() -> ApiFailure.invalid("channel", "one of " + Arrays.toString(Channel.values())));
    }

    private String periodOf(MultiValueMap<String, String> form) {
        return Periods.parse(form.getFirst("period"))
                .orElseGet(periods::defaultPeriod)
                .toString();
    }
}
