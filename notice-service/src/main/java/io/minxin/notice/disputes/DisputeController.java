package io.minxin.notice.disputes;

import io.minxin.events.identity.Caller;
import io.minxin.notice.web.QueryParams;
import io.minxin.servicekit.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Disputes (申诉): filed by a unit's key, decided by operators, read by both (a unit its own only). */
@RestController
@RequestMapping("/api/v1/disputes")
class DisputeController {

    private final Disputes disputes;

    DisputeController(Disputes disputes) {
        this.disputes = disputes;
    }

    @PostMapping
    @Operation(
            summary = "File a dispute about a judgment against the caller's unit on one of its cases (a key limited"
                    + " to one unit); 409 after the window or while the same dispute is open")
    Mono<ResponseEntity<Dispute>> file(@RequestBody DisputeRequests.Filing request, Caller caller) {
        return disputes.file(request, caller)
                .map(dispute -> ResponseEntity.created(URI.create("/api/v1/disputes/" + dispute.disputeId()))
                        .body(dispute));
    }

    @GetMapping
    @Operation(summary = "Disputes, oldest first; a unit-scoped caller gets its own unit's (another unit's: 403)")
    Flux<Dispute> find(
            @Parameter(description = "YYYY-MM") @RequestParam(required = false) String period,
            @Parameter(description = "OPEN, ACCEPTED or REJECTED") @RequestParam(required = false) String status,
            @Parameter(description = "the unit that filed them") @RequestParam(required = false) String unitId,
            Caller caller) {
        return disputes.find(
                QueryParams.period(period),
                QueryParams.oneOf("status", status, DisputeStatus.class),
                QueryParams.blankToNull(unitId),
                caller.scope());
    }

    @GetMapping("/{disputeId}")
    @Operation(summary = "One dispute with its decision; another unit's: 403")
    Mono<Dispute> get(@PathVariable String disputeId, Caller caller) {
        return disputes.get(disputeId, caller.scope());
    }

    @PostMapping("/{disputeId}/decision")
    @Operation(
            summary = "Accept or reject a dispute with a reason (operator); an accepted one dismisses the 较差件 or"
                    + " excludes the case from the disputed indicator, in the same decisions")
    Mono<Dispute> decide(@PathVariable String disputeId, @RequestBody DisputeRequests.Decision request, Caller caller) {
        if (!caller.isOperator()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, null, "disputes are decided by operators", List.of());
        }
        return disputes.decide(disputeId, request, caller);
    }
}
