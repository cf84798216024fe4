package io.minxin.notice.exclusions;

import io.minxin.events.identity.Caller;
import io.minxin.events.notice.ExcludedIndicator;
import io.minxin.notice.web.QueryParams;
import io.minxin.servicekit.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Exclusions (剔除): operators exclude cases from indicators with a reason; dashboards read them. */
@RestController
@RequestMapping("/api/v1/exclusions")
class ExclusionController {

    private final Exclusions exclusions;

    ExclusionController(Exclusions exclusions) {
        this.exclusions = exclusions;
    }

    @PostMapping
    @Operation(
            summary = "Exclude a case from indicators (completionRate, onTimeRate, satisfactionRate, excellentRate,"
                    + " returns) with a reason, or restore it with excluded=false (operator)")
    Mono<ResponseEntity<Exclusions.Excluded>> exclude(@RequestBody ExclusionRequest request, Caller caller) {
        if (!caller.isOperator()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, null, "exclusions are decided by operators", List.of());
        }
        return exclusions
                .exclude(request, caller)
                .map(excluded -> ResponseEntity.created(URI.create("/api/v1/exclusions?period=" + excluded.period()))
                        .body(excluded));
    }

    @GetMapping
    @Operation(
            summary = "The exclusions that stand, per case and indicator; a unit-scoped caller gets those of cases its"
                    + " unit had (another unit's: 403)")
    Flux<ExcludedIndicator> find(
            @Parameter(description = "YYYY-MM") @RequestParam(required = false) String period,
            @Parameter(description = "a unit the case had") @RequestParam(required = false) String unitId,
            Caller caller) {
        return exclusions.find(QueryParams.period(period), QueryParams.blankToNull(unitId), caller.scope());
    }
}
