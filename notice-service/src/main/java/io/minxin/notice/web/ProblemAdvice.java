package io.minxin.notice.web;

import io.minxin.events.EventJson;
import io.minxin.events.problem.FieldViolation;
import io.minxin.events.problem.Problem;
import io.minxin.events.problem.ProblemType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every refusal as RFC 9457 problem JSON ({@link ProblemType}), bad input listing every bad field under
 * {@code violations}; Spring's own web errors (404, 405, 415, unreadable body) come out the same way.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    @ApiResponse(
            responseCode = "4XX",
            description = ProblemType.DOCUMENTATION,
            content = @Content(mediaType = ProblemType.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    ResponseEntity<ProblemDetail> refused(ProblemException refusal) {
        return respond(problem(refusal.status(), refusal.type(), refusal.getMessage(), refusal.violations()));
    }

    /** Anything unforeseen: logged here, and the client gets a problem without internals. */
    @ExceptionHandler(Exception.class)
    @ApiResponse(
            responseCode = "5XX",
            description = ProblemType.DOCUMENTATION,
            content = @Content(mediaType = ProblemType.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    ResponseEntity<ProblemDetail> unexpected(Exception error) {
        log.error("Request failed", error);
        return respond(problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemType.INTERNAL_ERROR,
                "the request failed unexpectedly; the log has the details",
                List.of()));
    }

    /** A parameter that cannot be read, or a body that is not JSON: invalid-request naming it. */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        Object problem = ex instanceof ServerWebInputException input && status.value() == HttpStatus.BAD_REQUEST.value()
                ? problem(
                        HttpStatus.BAD_REQUEST,
                        ProblemType.INVALID_REQUEST,
                        input.getReason(),
                        List.of(violation(input)))
                : body;
        return super.handleExceptionInternal(ex, problem, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.createResponseEntity(body, problemHeaders, status, exchange);
    }

    static ProblemDetail problem(HttpStatus status, ProblemType type, String detail, List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (type != null) {
            problem.setType(type.uri());
            problem.setTitle(type.title());
        }
        if (!violations.isEmpty()) {
            problem.setProperty(ProblemType.VIOLATIONS, violations);
        }
        return problem;
    }

    private static FieldViolation violation(ServerWebInputException input) {
        MethodParameter parameter = input.getMethodParameter();
        String name = parameter == null
                        || parameter.getParameterName() == null
                        || parameter.hasParameterAnnotation(RequestBody.class)
                ? "body"
                : parameter.getParameterName();
        return input.getCause() instanceof TypeMismatchException mismatch && mismatch.getRequiredType() != null
                ? FieldViolation.ofValue(name, mismatch.getRequiredType())
                : FieldViolation.of(name, input.getReason());
    }

    /** Ends the exchange with an about:blank problem: for the web filters, which answer before any controller. */
    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Problem problem = Problem.aboutBlank(
                status.value(),
                status.getReasonPhrase(),
                detail,
                exchange.getRequest().getPath().value());
        return response.writeWith(
                Mono.just(response.bufferFactory().wrap(EventJson.mapper().writeValueAsBytes(problem))));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
