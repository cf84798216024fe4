package io.minxin.console.exclusion;

import io.minxin.console.api.NoticeClient;
import io.minxin.console.web.Boards;
import io.minxin.console.web.Periods;
import io.minxin.console.web.Refusal;
import io.minxin.events.decision.Indicator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Exclusions (剔除) of a month: each case an operator took out of chosen indicators, why, by whom and when. An
 * operator excludes another case with a required reason, an htmx form whose answer is the list with it; a refusal
 * (no such case, a field missing) comes back in place with what was typed. Everyone else reads.
 */
@Controller
class ExclusionController {
    private static final Refusal.Sentences REFUSED =
            new Refusal.Sentences("您的账户无权剔除诉求。", "剔除未被接受，请刷新页面后重试。", "剔除未被接受，请检查案件编号、剔除的指标和理由后重试。");

    private final NoticeClient notices;
    private final Periods periods;

    ExclusionController(NoticeClient notices, Periods periods) {
        this.notices = notices;
        this.periods = periods;
    }

    @GetMapping("/console/exclusions")
    Mono<Rendering> exclusions(@RequestParam(required = false) String period) {
        Periods.Asked asked = periods.asked(period);
        String month = asked.month().toString();
        return notices.exclusions(month)
                .map(exclusions -> board("exclusion/exclusions", month, ExclusionRow.of(exclusions))
                        .modelAttribute("unreadablePeriod", asked.unreadable())
                        .build());
    }

    /**
     * An operator excludes a case, or restores one ({@code excluded=false}, from a row of the list); the answer is
     * the board (form and list) with it, or the refusal. What was typed goes back into the form after a refused
     * exclusion only: a refused restore must not fill the exclusion form.
     */
    @PostMapping("/console/exclusions")
    Mono<Rendering> exclude(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String period = Periods.parse(form.getFirst("period"))
                    .orElseGet(periods::defaultPeriod)
                    .toString();
            Map<String, Object> exclusion = exclusion(form);
            boolean excludes = Boolean.TRUE.equals(exclusion.get("excluded"));
            String done = excludes
                    ? "已剔除案件 " + exclusion.get("caseId") + "，见下表。"
                    : "已将案件 " + exclusion.get("caseId") + " 恢复计入所选指标，见下表。";
            return Boards.answer(
                    notices.exclude(exclusion),
                    notices.exclusions(period),
                    exclusions -> board("exclusion/exclusions :: board", period, ExclusionRow.of(exclusions)),
                    (answer, none) -> answer.modelAttribute("done", done),
                    REFUSED,
                    excludes ? exclusion : null);
        });
    }

    private static Rendering.Builder<?> board(String view, String period, List<ExclusionRow> rows) {
        return Rendering.view(view)
                .modelAttribute("period", period)
                .modelAttribute("rows", rows)
                .modelAttribute("indicators", Arrays.asList(Indicator.values()))
                .modelAttribute("typed", Map.of("indicators", List.of()));
    }

    /**
     * The API's body: the case, the indicators ticked (wire names), excluded (unless the form says {@code false}), the
     * reason; trimmed.
     */
    static Map<String, Object> exclusion(MultiValueMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", trimmed(form.getFirst("caseId")));
        List<String> ticked = form.getOrDefault("indicators", List.of()).stream()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList();
        body.put("indicators", ticked);
        body.put("excluded", !"false".equals(form.getFirst("excluded")));
        body.put("reason", trimmed(form.getFirst("reason")));
        return body;
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
