package io.minxin.metrics.api;

import com.mongodb.MongoException;
import io.minxin.events.problem.ProblemType;
import io.minxin.metrics.query.InvalidQuery;
import io.minxin.servicekit.problem.ProblemAdviceSupport;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Failures of the read API as RFC 9457 problem JSON ({@link ProblemAdviceSupport}): a bad parameter is
 * invalid-request naming it, an unknown case, unit or period not-found, an unreachable MongoDB 503.
 */
@RestControllerAdvice
class ProblemAdvice extends ProblemAdviceSupport {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** The projection store is down or too slow: the numbers are unavailable, not wrong. */
    @ExceptionHandler(MongoException.class)
    ResponseEntity<ProblemDetail> mongoUnavailable(MongoException e) {
        log.warn("MongoDB unavailable: {}", e.toString());
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, null, "the metrics store is unavailable", List.of()));
    }

    /** A query the plain-Java views refuse, e.g. {@code sort=bogus}. */
    @ExceptionHandler(InvalidQuery.class)
    ResponseEntity<ProblemDetail> invalidQuery(InvalidQuery e) {
        return respond(
                problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, e.getMessage(), List.of(e.violation())));
    }
}
