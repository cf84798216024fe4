package io.minxin.metrics.api;

import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Failures of the read API as RFC 9457 problem JSON. */
@RestControllerAdvice
class ProblemAdvice {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** The projection store is down or too slow: the numbers are unavailable, not wrong. */
    @ExceptionHandler(MongoException.class)
    ProblemDetail mongoUnavailable(MongoException e) {
        log.warn("MongoDB unavailable: {}", e.toString());
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "the metrics store is unavailable");
        problem.setTitle("Service Unavailable");
        return problem;
    }

    @ExceptionHandler(UnknownCase.class)
    ProblemDetail unknownCase(UnknownCase e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown case");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad Request");
        return problem;
    }
}
