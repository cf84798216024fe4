package io.minxin.gateway.accounts;

import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.events.problem.FieldViolation;
import io.minxin.events.problem.Problem;
import io.minxin.events.problem.ProblemType;
import io.minxin.gateway.keys.KeyScopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gateway's own API of people's accounts: operators open them (a unit's liaison, a leader, another operator) and
 * list them. Only operators get here (RoutePermissions). The first password is shown once; its owner changes it in
 * the console.
 */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "accounts", description = "People who sign in to the console")
@ApiResponse(
        responseCode = "4XX",
        description = ProblemType.DOCUMENTATION,
        content = @Content(mediaType = ProblemType.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
class AccountController {
    /**
     * What an operator asks for: a username, one role ({@code operator} or {@code dashboard}: a leader reads, a
     * unit's liaison reads its own unit) and a scope ({@code all} when absent; {@code unit:<id>} for a liaison).
     */
    record OpenAccount(String username, String role, String scope) {}

    /** An account as listed: never its password or hash. */
    record AccountView(String username, String role, String scope, Instant createdAt, Instant lockedUntil) {
        static AccountView of(Account account) {
            return new AccountView(
                    account.username(),
                    account.role().wireName(),
                    account.scope().wire(),
                    account.createdAt(),
                    account.lockedUntil());
        }
    }

    /** An account just opened: the only response that ever carries {@code password}. */
    record OpenedAccountView(String username, String role, String scope, Instant createdAt, String password) {}

    private final Accounts accounts;
    private final AccountAudit audit;

    AccountController(Accounts accounts, AccountAudit audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @PostMapping
    @Operation(summary = "Open an account; the response shows its first password once")
    Mono<ResponseEntity<OpenedAccountView>> open(@RequestBody OpenAccount request, ServerWebExchange exchange) {
        // the operator, as the authentication filter verified and kept them on the exchange (web.Caller#attachTo)
        Caller operator = exchange.getAttribute(Caller.class.getName());
        String username = request.username() == null ? "" : request.username().strip();
        if (!Accounts.USERNAME.matcher(username).matches()) {
            throw badRequest(
                    "username", "3-64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
        }
        Role role = Role.fromWireName(request.role())
                .filter(known -> known != Role.INTEGRATION)
                .orElseThrow(() -> badRequest("role", "expected operator or dashboard"));
        Scope scope;
        try {
            scope = Scope.parse(request.scope());
        } catch (IllegalArgumentException e) {
            throw badRequest("scope", e.getMessage());
        }
        String refusal = KeyScopes.refusal(Set.of(role), scope);
        if (refusal != null) {
            throw badRequest("scope", refusal);
        }
        return accounts.open(username, role, scope)
                .flatMap(opened -> operator == null
                        ? Mono.just(opened)
                        : audit.opened(operator, opened.account()).thenReturn(opened))
                .map(opened -> ResponseEntity.created(URI.create("/api/v1/accounts/" + username))
                        .body(new OpenedAccountView(
                                username,
                                role.wireName(),
                                scope.wire(),
                                opened.account().createdAt(),
                                opened.password())))
                .switchIfEmpty(Mono.error(() -> new ErrorResponseException(
                        HttpStatus.CONFLICT,
                        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "account " + username + " exists"),
                        null)));
    }

    @GetMapping
    @Operation(summary = "Every account, oldest first, without passwords")
    Flux<AccountView> list() {
        return accounts.list().map(AccountView::of);
    }

    /** Invalid-request naming the field: the problem shape of every Minxin service. */
    private static ErrorResponseException badRequest(String field, String message) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, field + " " + message);
        problem.setProperty(ProblemType.VIOLATIONS, List.of(FieldViolation.of(field, message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private static ProblemDetail problem(HttpStatus status, ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }
}
