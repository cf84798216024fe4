package io.minxin.console.dispute;

import io.minxin.console.api.ApiFailure;
import io.minxin.console.api.Dispute;
import io.minxin.console.api.NoticeClient;
import io.minxin.console.web.Periods;
import io.minxin.console.web.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Disputes (申诉) of a month: what each is about, the unit's reason and the operator's decision. An operator accepts
 * (支持) or rejects (驳回) an open one with a reason, an htmx form whose answer is the updated row; a unit liaison
 * files one about a case of its unit, an htmx form whose answer is the list with the new dispute. A refusal (a
 * window closed, not the unit's case, decided already) comes back in place with the API's reason and what was typed.
 */
@Controller
class DisputeController {
    private static final Refusal.Sentences DECISION_REFUSED =
            new Refusal.Sentences("您无权处理申诉。", "这件申诉已经处理过，不能再改。", "决定未被接受，请补全后重试。");
    private static final Refusal.Sentences FILING_REFUSED = new Refusal.Sentences(
            "不能就这件诉求申诉：它不属于本单位，或您的账户无权提交申诉。", "申诉未被受理：申诉期已过，或同一事项已有待处理的申诉。", "申诉未被受理，请检查案件编号、申诉事项和理由后重试。");

    private final NoticeClient notices;
    private final Periods periods;

    DisputeController(NoticeClient notices, Periods periods) {
        this.notices = notices;
        this.periods = periods;
    }

    @GetMapping("/console/disputes")
    Mono<Rendering> disputes(@RequestParam(required = false) String period) {
        Periods.Asked asked = periods.asked(period);
        return notices.disputes(asked.month().toString())
                .map(disputes -> board("dispute/disputes", asked.month().toString(), disputes)
                        .modelAttribute("unreadablePeriod", asked.unreadable())
                        .build());
    }

    /** A unit files a dispute; the answer is the board (form and list) with the new one, or the refusal. */
    @PostMapping("/console/disputes")
    Mono<Rendering> file(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String period = periodOf(form);
            Map<String, String> filing = filing(form);
            return notices.fileDispute(filing)
                    .flatMap(filed -> notices.disputes(period)
                            .map(disputes -> board("dispute/disputes :: board", period, disputes)
                                    .modelAttribute("filed", filed)
                                    .build()))
                    .onErrorResume(
                            Refusal::isRefusal,
                            failure -> notices.disputes(period)
                                    .map(disputes -> board("dispute/disputes :: board", period, disputes)
                                            .modelAttribute(
                                                    "filingRefusal", Refusal.of((ApiFailure) failure, FILING_REFUSED))
                                            .modelAttribute("typed", filing)
                                            .build()));
        });
    }

    @PostMapping("/console/disputes/{disputeId}/decision")
    Mono<Rendering> decide(@PathVariable String disputeId, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String period = periodOf(form);
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("accepted", trimmed(form.getFirst("accepted")));
            typed.put("reason", trimmed(form.getFirst("reason")));
            Mono<Dispute> decided = switch (typed.get("accepted")) {
                case "true", "false" ->
                    notices.decideDispute(disputeId, Boolean.parseBoolean(typed.get("accepted")), typed.get("reason"));
                default -> Mono.error(ApiFailure.invalid("accepted", "请选择支持或驳回"));
            };
            return decided.map(dispute -> row(dispute, period, null, Map.of()))
                    .onErrorResume(
                            Refusal::isRefusal,
                            failure -> notices.disputes(period)
                                    .flatMap(disputes -> disputes.stream()
                                            .filter(dispute ->
                                                    dispute.disputeId().equals(disputeId))
                                            .findFirst()
                                            .map(dispute -> Mono.just(row(
                                                    dispute,
                                                    period,
                                                    Refusal.of((ApiFailure) failure, DECISION_REFUSED),
                                                    typed)))
                                            .orElseGet(() -> Mono.error(failure))));
        });
    }

    private static Rendering.Builder<?> board(String view, String period, List<Dispute> disputes) {
        return Rendering.view(view)
                .modelAttribute("period", period)
                .modelAttribute("disputes", disputes)
                .modelAttribute("typed", Map.of());
    }

    private static Rendering row(Dispute dispute, String period, Refusal refusal, Map<String, String> typed) {
        return Rendering.view("dispute/disputes :: dispute")
                .modelAttribute("dispute", dispute)
                .modelAttribute("period", period)
                .modelAttribute("refusal", refusal)
                .modelAttribute("typed", typed)
                .build();
    }

    /** The API's body: what the unit typed, trimmed. */
    static Map<String, String> filing(MultiValueMap<String, String> form) {
        Map<String, String> body = new LinkedHashMap<>();
        for (String field : List.of("caseId", "subject", "reason")) {
            body.put(field, trimmed(form.getFirst(field)));
        }
        return body;
    }

    private String periodOf(MultiValueMap<String, String> form) {
        return Periods.parse(form.getFirst("period"))
                .orElseGet(periods::defaultPeriod)
                .toString();
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
