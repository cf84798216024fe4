package io.minxin.console.policy;

import io.minxin.console.api.ApiFailure;
import io.minxin.console.api.Policy;
import io.minxin.console.api.RankingClient;
import io.minxin.console.web.Refusal;
import io.minxin.events.ranking.Recomputation;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 按现行规则重算 on the policies page: an operator ranks closed months again under the policies effective for them
 * now (ranking-service's recomputation); the panel follows the job every second until it is over, then lists what
 * each month and channel gave. The pending revisions it leaves are published from each month's 关账 panel.
 */
@Controller
class RecomputeController {
    private static final Refusal.Sentences REFUSED =
            new Refusal.Sentences("您的账户无权重算排名。", "重算未能开始，请稍后重试。", "重算未能开始：请按提示修改月份后重试。");

    private final RankingClient rankings;

    RecomputeController(RankingClient rankings) {
        this.rankings = rankings;
    }

    /** Starts the recomputation; the panel comes back at once with its progress, or with why it did not start. */
    @PostMapping("/console/policies/recompute")
    Mono<Rendering> start(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, String> typed = Map.of(
                    "from", Objects.requireNonNullElse(form.getFirst("from"), ""),
                    "to", Objects.requireNonNullElse(form.getFirst("to"), ""));
            return rankings.recompute(typed.get("from"), typed.get("to"))
                    .map(job -> panel(job, null, typed))
                    .onErrorResume(
                            Refusal::isRefusal,
                            failure -> Mono.just(panel(null, Refusal.of((ApiFailure) failure, REFUSED), typed)));
        });
    }

    /** The job as it stands, polled while it runs. */
    @GetMapping("/console/policies/recomputations/{id}")
    Mono<Rendering> progress(@PathVariable String id) {
        return rankings.recomputation(id).map(job -> panel(job, null, Map.of("from", job.from(), "to", job.to())));
    }

    private static Rendering panel(Recomputation job, Refusal refusal, Map<String, String> typed) {
        return Rendering.view("policy/recompute :: panel")
                .modelAttribute("job", job)
                .modelAttribute("refusal", refusal)
                .modelAttribute("typed", typed)
                .build();
    }

    /**
     * What the form offers first: from the earliest effective month among the channels' newest versions (the months a
     * new version may have reached back to), to the page's default month.
     */
    static Map<String, String> typed(List<Policy> all, YearMonth defaultMonth) {
        String from = all.stream().collect(java.util.stream.Collectors.groupingBy(Policy::channel)).values().stream()
                .map(versions -> versions.stream()
                        .max(Comparator.comparingInt(Policy::version))
                        .orElseThrow()
                        .effectiveFrom())
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(defaultMonth.toString());
        String to = defaultMonth.toString();
        return Map.of("from", from.compareTo(to) > 0 ? to : from, "to", to);
    }
}
