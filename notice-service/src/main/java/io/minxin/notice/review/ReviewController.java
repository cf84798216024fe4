package io.minxin.notice.review;

import io.minxin.events.identity.Caller;
import io.minxin.events.notice.ReviewItem;
import io.minxin.events.notice.ReviewStatus;
import io.minxin.notice.web.QueryParams;
import io.minxin.servicekit.problem.ProblemException;
import io.minxin.servicekit.scope.UnitAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The 较差件 review queue and operators' rulings on it. */
@RestController
@RequestMapping("/api/v1/reviews")
class ReviewController {

    private final Reviews reviews;
    private final ReviewRulings rulings;
    private final UnitAccess access;

    ReviewController(Reviews reviews, ReviewRulings rulings, UnitAccess access) {
        this.reviews = reviews;
        this.rulings = rulings;
        this.access = access;
    }

    @GetMapping
    @Operation(
            summary = "较差件 candidates with their status and standing ruling, by conclusion; a unit-scoped caller"
                    + " gets those of its own unit (another unit's: 403)")
    Flux<ReviewItem> find(
            @Parameter(description = "YYYY-MM; every period when omitted") @RequestParam(required = false)
                    String period,
            @Parameter(description = "PENDING, CONFIRMED, DISMISSED or REASSIGNED") @RequestParam(required = false)
                    String status,
            @Parameter(description = "candidate or charged unit") @RequestParam(required = false) String unitId,
            Caller caller) {
        String unit = QueryParams.blankToNull(unitId);
        if (unit != null) {
            access.require(caller.scope(), unit);
        }
        return reviews.items(
                QueryParams.period(period),
                QueryParams.oneOf("status", status, ReviewStatus.class),
                unit,
                caller.scope(),
                access);
    }

    @PostMapping("/{caseId}/ruling")
    @Operation(
            summary = "Rule on a 较差件 candidate: CONFIRMED with a ruling, DISMISSED with a reason, REASSIGNED to"
                    + " another unit with a ruling (operator); 409 once the period's bulletin is issued")
    Mono<ReviewItem> rule(@PathVariable String caseId, @RequestBody RulingRequest request, Caller caller) {
        if (!caller.isOperator()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, null, "rulings on 较差件 are operators'", List.of());
        }
        return rulings.rule(caseId, request, caller);
    }
}
