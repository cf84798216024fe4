package io.minxin.ranking.web;

import io.minxin.events.problem.ProblemType;
import io.minxin.servicekit.problem.ProblemAdviceSupport;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.messaging.MessagingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal as RFC 9457 problem JSON ({@link ProblemAdviceSupport}); a rankings topic that is down, too. */
@RestControllerAdvice
class ProblemHandler extends ProblemAdviceSupport {

    /** The revision is stored; closing again (or publishing it) sends it once the broker is back. */
    @ExceptionHandler(MessagingException.class)
    ResponseEntity<ProblemDetail> brokerUnavailable(MessagingException error) {
        return respond(problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemType.EVENT_LOG_UNAVAILABLE,
                "the revision could not be published; it is kept and is published by repeating the request",
                List.of()));
    }
}
