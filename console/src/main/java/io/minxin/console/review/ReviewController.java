package io.minxin.console.review;

import io.minxin.console.api.ApiFailure;
import io.minxin.console.api.MetricsClient;
import io.minxin.console.api.NoticeClient;
import io.minxin.console.api.UnitRef;
import io.minxin.console.web.Periods;
import io.minxin.console.web.Refusal;
import io.minxin.events.identity.Caller;
import io.minxin.events.notice.ReviewItem;
import io.minxin.events.notice.ReviewStatus;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
 * The 较差件 review queue: every candidate of a month with the account generated from its events; an operator
 * confirms it with a ruling, dismisses it with a reason or reassigns it to another unit, each an htmx form whose
 * answer is the updated row. A refused ruling (a missing reason, a bulletin already issued) comes back as the same
 * row with the API's reason and what was typed kept.
 */
@Controller
class ReviewController {
    /** The statuses the queue may be filtered by: the contract's. */
    static final Set<String> STATUSES =
            Arrays.stream(ReviewStatus.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final NoticeClient notices;
    private final MetricsClient metrics;
    private final Periods periods;

    ReviewController(NoticeClient notices, MetricsClient metrics, Periods periods) {
        this.notices = notices;
        this.metrics = metrics;
        this.periods = periods;
    }

    @GetMapping("/console/reviews")
    Mono<Rendering> queue(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String status,
            Caller caller) {
        YearMonth month = Periods.parse(period).orElseGet(periods::defaultPeriod);
        String chosen = status != null && STATUSES.contains(status) ? status : null;
        return Mono.zip(notices.reviews(month.toString(), chosen), units(month.toString(), caller))
                .map(both -> Rendering.view("review/reviews")
                        .modelAttribute("period", month.toString())
                        .modelAttribute("status", chosen == null ? "" : chosen)
                        .modelAttribute("items", both.getT1())
                        .modelAttribute("units", both.getT2())
                        .build());
    }

    @PostMapping("/console/reviews/{caseId}/ruling")
    Mono<Rendering> rule(@PathVariable String caseId, ServerWebExchange exchange, Caller caller) {
        return exchange.getFormData().flatMap(form -> {
            String period = Periods.parse(form.getFirst("period"))
                    .orElseGet(periods::defaultPeriod)
                    .toString();
            Map<String, String> ruling = ruling(form);
            return notices.rule(caseId, ruling)
                    .flatMap(item -> row(item, period, caller, null, Map.of()))
                    .onErrorResume(
                            Refusal::isRefusal,
                            failure -> refused(caseId, period, caller, (ApiFailure) failure, ruling));
        });
    }

    /** The API's body: the verdict and only the fields it reads for that verdict. */
    static Map<String, String> ruling(MultiValueMap<String, String> form) {
        Map<String, String> body = new LinkedHashMap<>();
        String verdict = form.getFirst("verdict");
        body.put("verdict", verdict == null ? "" : verdict);
        for (String field : List.of("ruling", "reason", "responsibleUnitId")) {
            String value = form.getFirst(field);
            if (value != null && !value.isBlank()) {
                body.put(field, value.strip());
            }
        }
        return body;
    }

    private Mono<Rendering> refused(
            String caseId, String period, Caller caller, ApiFailure failure, Map<String, String> typed) {
        return notices.reviews(period, null)
                .flatMap(items -> items.stream()
                        .filter(item -> item.caseId().equals(caseId))
                        .findFirst()
                        .map(item -> row(item, period, caller, failure, typed))
                        .orElseGet(() -> Mono.error(failure)));
    }

    private Mono<Rendering> row(
            ReviewItem item, String period, Caller caller, ApiFailure failure, Map<String, String> typed) {
        return units(period, caller)
                .map(units -> Rendering.view("review/reviews :: item")
                        .modelAttribute("item", item)
                        .modelAttribute("period", period)
                        .modelAttribute("units", units)
                        .modelAttribute("refusal", failure == null ? null : Refusal.of(failure, REFUSED))
                        .modelAttribute("typed", typed)
                        .build());
    }

    /** The units an operator may reassign to; none for anyone else (they see no forms). */
    private Mono<List<UnitRef>> units(String period, Caller caller) {
        if (!caller.isOperator()) {
            return Mono.just(List.of());
        }
        return metrics.units(period).onErrorResume(ApiFailure::isNotFound, missing -> Mono.just(List.of()));
    }

    /** Why the API refused a ruling, for the row to show. */
    private static final Refusal.Sentences REFUSED =
            new Refusal.Sentences("您无权对较差件作出裁定。", "本月通报已印发，较差件裁定已不能更改。", "裁定未被接受，请补全后重试。");
}
