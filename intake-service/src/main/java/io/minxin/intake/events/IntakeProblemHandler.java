package io.minxin.intake.events;

import io.minxin.events.problem.Problem;
import io.minxin.events.problem.ProblemType;
import io.minxin.intake.publish.PublishFailedException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

/**
 * Every refusal as RFC 9457 problem JSON ({@link ProblemType}); bad events list every bad item and field under
 * {@code violations}. Spring's own web errors (415, 405, 406) come out the same way.
 */
@RestControllerAdvice
class IntakeProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(IntakeProblemHandler.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final EventIntake intake;

    IntakeProblemHandler(EventIntake intake) {
        this.intake = intake;
    }

    @ExceptionHandler
    @ApiResponse(
            responseCode = "4XX",
            description = ProblemType.DOCUMENTATION,
            content = @Content(mediaType = ProblemType.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    ResponseEntity<ProblemDetail> invalidEvents(InvalidEventsException e) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                ProblemType.INVALID_EVENTS,
                e.violations().size() + " violation(s) in " + e.items() + " item(s); nothing was published");
        problem.setProperty(ProblemType.VIOLATIONS, e.violations());
        return respond(problem, new HttpHeaders());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return respond(
                problem(HttpStatus.CONTENT_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE, e.getMessage()),
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
                        ProblemType.EVENT_LOG_UNAVAILABLE,
                        "Kafka did not acknowledge the events in time. A batch was rolled back and none of it is "
                                + "visible. Retry later with the same ids: consumers deduplicate by source and id."),
                headers);
    }

    /** Anything unforeseen: logged here, and the client gets a problem without internals. */
    @ExceptionHandler
    @ApiResponse(
            responseCode = "5XX",
            description = ProblemType.DOCUMENTATION,
            content = @Content(mediaType = ProblemType.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Request failed", e);
        return respond(
                problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        ProblemType.INTERNAL_ERROR,
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

    private static ProblemDetail problem(HttpStatus status, ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
