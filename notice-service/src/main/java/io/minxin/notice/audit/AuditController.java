package io.minxin.notice.audit;

import io.minxin.events.audit.AuditEntry;
import io.minxin.events.identity.Caller;
import io.minxin.servicekit.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The audit trail of every service, for operators. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {
    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    @Operation(summary = "Audited operator actions of every service, newest first (operator)")
    Flux<AuditEntry> find(
            @Parameter(description = "key id of the caller") @RequestParam(required = false) String actor,
            @Parameter(description = "e.g. period.close") @RequestParam(required = false) String action,
            @Parameter(description = "e.g. period:2020-09") @RequestParam(required = false) String target,
            @Parameter(description = "inclusive, ISO-8601 with offset") @RequestParam(required = false) String since,
            @Parameter(description = "exclusive, ISO-8601 with offset") @RequestParam(required = false) String until,
            @Parameter(description = "1 to 1000, default 100") @RequestParam(required = false) String limit,
            Caller caller) {
        if (!caller.isOperator()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, null, "the audit trail is for operators only", List.of());
        }
        return log.find(AuditQuery.parse(actor, action, target, since, until, limit));
    }
}
