package io.minxin.ranking.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.messaging.MessagingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Every refusal as problem JSON; field errors listed under {@code violations}. */
@RestControllerAdvice
class ProblemHandler {

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> refused(ProblemException refusal) {
        return problem(refusal.status(), refusal.title(), refusal.getMessage(), refusal.violations());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException error) {
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request", error.getReason(), List.of());
    }

    /** The revision is stored; closing again (or publishing it) sends it once the broker is back. */
    @ExceptionHandler(MessagingException.class)
    ResponseEntity<ProblemDetail> brokerUnavailable(MessagingException error) {
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Rankings topic unavailable",
                "the revision could not be published; it is kept and is published by repeating the request",
                List.of());
    }

    static ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String title, String detail, List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        if (!violations.isEmpty()) {
            problem.setProperty("violations", violations);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
