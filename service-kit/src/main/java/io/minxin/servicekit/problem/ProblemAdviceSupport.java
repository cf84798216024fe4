package io.minxin.servicekit.problem;

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
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * The base of each service's one {@code @RestControllerAdvice}: every refusal as RFC 9457 problem JSON of the
 * contract's {@link ProblemType}, bad input listing every bad field under {@code violations}. A
 * {@link ProblemException} is answered as it says; anything unforeseen is logged and answered internal-error; a
 * parameter or body Spring cannot read is invalid-request naming it; Spring's other web errors (404, 405, 415, …)
 * are about:blank with the status phrase. The OpenAPI document of every service shows each operation's 4XX and
 * 5XX answer as the component schema {@code Problem}.
 */
public abstract class ProblemAdviceSupport extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdviceSupport.class);

    @ExceptionHandler(ProblemException.class)
    @ApiResponse(
            responseCode = "4XX",
            description = ProblemType.DOCUMENTATION,
            content = @Content(mediaType = ProblemType.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResponseEntity<ProblemDetail> refused(ProblemException refusal) {
        return respond(problem(refusal.status(), refusal.type(), refusal.getMessage(), refusal.violations()));
    }

    /** Anything unforeseen: logged here, and the client gets a problem without internals. */
    @ExceptionHandler(Exception.class)
    @ApiResponse(
            responseCode = "5XX",
            description = ProblemType.DOCUMENTATION,
            content = @Content(mediaType = ProblemType.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResponseEntity<ProblemDetail> unexpected(Exception error) {
        log.error("Request failed", error);
        return respond(problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemType.INTERNAL_ERROR,
                "The request failed unexpectedly; the log has the details.",
                List.of()));
    }

    /** A parameter that cannot be read (e.g. {@code channel=FAX}), or a body that is not JSON: invalid-request. */
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

    /**
     * A problem of {@code type} ({@code null}: about:blank with the status phrase as title); {@code instance}, the
     * request's path, is set when it is written.
     */
    public static ProblemDetail problem(
            HttpStatus status, ProblemType type, String detail, List<FieldViolation> violations) {
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

    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return respond(problem, new HttpHeaders());
    }

    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Ends the exchange with an about:blank problem: for web filters, which answer before any controller. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
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
}
