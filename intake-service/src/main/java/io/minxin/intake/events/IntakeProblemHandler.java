package io.minxin.intake.events;

import io.minxin.events.Violation;
import io.minxin.intake.publish.PublishFailedException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/** Every refusal as RFC 9457 problem JSON; Spring's own web errors (415, 405, 406) come out the same way. */
@RestControllerAdvice
class IntakeProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(IntakeProblemHandler.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final EventIntake intake;

    IntakeProblemHandler(EventIntake intake) {
        this.intake = intake;
    }

    /** One entry of the problem's {@code errors}: which item, which field, what is wrong. */
    record ItemError(int index, String id, String field, String message) {
        static ItemError of(Violation violation) {
            return new ItemError(violation.index(), violation.eventId(), violation.field(), violation.message());
        }
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidEvents(InvalidEventsException e) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-events",
                "Invalid events",
                e.violations().size() + " error(s) in " + e.items() + " item(s); nothing was published");
        problem.setProperty("errors", e.violations().stream().map(ItemError::of).toList());
        return respond(problem, new HttpHeaders());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return respond(
                problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", e.getMessage()),
                new HttpHeaders());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> publishFailed(PublishFailedException e) {
        log.warn("Publication failed", e);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return respond(
                problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "event-log-unavailable",
                        "Event log unavailable",
                        "Kafka did not acknowledge the events in time. A batch was rolled back and none of it is "
                                + "visible. Retry later with the same ids: consumers deduplicate by source and id."),
                headers);
    }

    /** Anything unforeseen: logged here, and the client gets a problem without internals. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Request failed", e);
        return respond(
                problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal-error",
                        "Internal error",
                        "The request failed unexpectedly; the log has the details."),
                new HttpHeaders());
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleUnsupportedMediaTypeStatusException(
            UnsupportedMediaTypeStatusException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            ServerWebExchange exchange) {
        intake.unsupported();
        return super.handleUnsupportedMediaTypeStatusException(ex, headers, status, exchange);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:minxin:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
