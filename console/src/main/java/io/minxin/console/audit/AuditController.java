package io.minxin.console.audit;

import io.minxin.console.api.ApiFailure;
import io.minxin.console.api.NoticeClient;
import io.minxin.console.web.Refusal;
import io.minxin.events.audit.AuditEntry;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The audit trail (审计记录), an operator's page: what was done in every service, newest first, filtered by who, what,
 * which target and which days, a page at a time (更早的记录 asks for what is older than the page's oldest entry).
 * Each row: time, who (and in which role), the action and its target in Chinese, and what changed, field by field
 * in Chinese ({@link AuditChange}); the services' English one-line summary is the API's, not shown here. A filter the API refuses is said above an empty table; a non-operator gets the API's 403 as 无权查看.
 */
@Controller
class AuditController {
    private static final AuditTerms TERMS = new AuditTerms();
    private static final Refusal.Sentences REFUSED =
            new Refusal.Sentences("您的账户无权查看审计记录。", "查询未完成，请稍后重试。", "筛选条件有误，请修改后重试。");

    private final NoticeClient notices;

    AuditController(NoticeClient notices) {
        this.notices = notices;
    }

    /**
     * A row of the table.
     *
     * @param change what changed, field by field in Chinese; empty when nothing was recorded
     */
    record Row(AuditEntry entry, String action, String target, AuditChange change) {
        static Row of(AuditEntry entry) {
            return new Row(
                    entry, TERMS.action(entry.action()), TERMS.target(entry.target()), AuditChange.of(entry.change()));
        }
    }

    @GetMapping("/console/audit")
    Mono<Rendering> audit(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String before) {
        AuditFilter filter = AuditFilter.of(actor, action, target, from, to, size, before);
        return notices.audit(filter.query())
                .map(entries -> page(filter, entries).build())
                .onErrorResume(
                        failure -> failure instanceof ApiFailure api && api.status() == 400,
                        failure -> Mono.just(page(filter, List.of())
                                .modelAttribute("refusal", Refusal.of((ApiFailure) failure, REFUSED))
                                .build()));
    }

    private static Rendering.Builder<?> page(AuditFilter filter, List<AuditEntry> entries) {
        boolean older = entries.size() > filter.size();
        List<AuditEntry> shown = older ? entries.subList(0, filter.size()) : entries;
        return Rendering.view("audit/audit")
                .modelAttribute("filter", filter)
                .modelAttribute("terms", TERMS)
                .modelAttribute("sizes", AuditFilter.SIZES)
                .modelAttribute("rows", shown.stream().map(Row::of).toList())
                .modelAttribute(
                        "olderLink",
                        older ? filter.olderThan(shown.get(shown.size() - 1).at()) : null)
                .modelAttribute("newestLink", filter.before() != null ? filter.newest() : null);
    }
}
