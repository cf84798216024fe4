package io.minxin.intake.events;

import io.minxin.events.problem.ProblemType;
import io.minxin.intake.publish.PublishFailedException;
import io.minxin.servicekit.problem.ProblemAdviceSupport;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * Every refusal as RFC 9457 problem JSON ({@link ProblemAdviceSupport}); bad events list every bad item and field
 * under {@code violations}. Spring's own web errors (415, 405, 406) come out the same way.
 */
@RestControllerAdvice
class IntakeProblemHandler extends ProblemAdviceSupport {
    private static final Logger log = LoggerFactory.getLogger(IntakeProblemHandler.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final EventIntake intake;

    IntakeProblemHandler(EventIntake intake) {
        this.intake = intake;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidEvents(InvalidEventsException e) {
        return respond(problem(
                HttpStatus.BAD_REQUEST,
                ProblemType.INVALID_EVENTS,
                e.violations().size() + " violation(s) in " + e.items() + " item(s); nothing was published",
                e.violations()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return respond(problem(HttpStatus.CONTENT_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE, e.getMessage(), List.of()));
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
                                + "visible. Retry later with the same ids: consumers deduplicate by source and id.",
                        List.of()),
                headers);
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
}
