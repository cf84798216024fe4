package io.minxin.ranking.revision;

import io.minxin.events.identity.Caller;
import io.minxin.events.ranking.Recomputation;
import io.minxin.ranking.web.Requests;
import io.minxin.servicekit.problem.ProblemException;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Operators rank closed months again under the policies effective for them now ({@link Recomputations}): a start
 * answered at once (202, the progress at its {@code Location}), and the progress, month by month.
 */
@RestController
@RequestMapping("/api/v1/periods/recomputations")
class RecomputationController {
    private final Recomputations recomputations;

    RecomputationController(Recomputations recomputations) {
        this.recomputations = recomputations;
    }

    /** Starts recomputing the rankings of {@code from} to {@code to} (at most 24 months), both channels. */
    @PostMapping
    Mono<ResponseEntity<Recomputation>> start(@RequestParam String from, @RequestParam String to, Caller caller) {
        // off the event loop: the job's id is random, and SecureRandom may read /dev/urandom
        return Mono.defer(() -> recomputations.start(Requests.period(from), Requests.period(to), caller))
                .subscribeOn(Schedulers.boundedElastic())
                .map(started -> ResponseEntity.accepted()
                        .location(URI.create("/api/v1/periods/recomputations/" + started.id()))
                        .body(started));
    }

    /** How far a recomputation has come: months done of all, what each gave, and whether it is over. */
    @GetMapping("/{id}")
    Mono<Recomputation> progress(@PathVariable String id) {
        return recomputations
                .find(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no recomputation " + id)));
    }
}
