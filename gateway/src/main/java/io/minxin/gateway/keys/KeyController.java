package io.minxin.gateway.keys;

import io.minxin.events.identity.ApiKeyView;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.IssuedApiKey;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.events.problem.FieldViolation;
import io.minxin.events.problem.Problem;
import io.minxin.events.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The gateway's own API: operators issue, list and revoke API keys. Only operators get here (RoutePermissions). */
@RestController
@RequestMapping("/api/v1/keys")
@Tag(name = "keys", description = "API keys of integrations, dashboards and operators")
@ApiResponse(
        responseCode = "4XX",
        description = ProblemType.DOCUMENTATION,
        content = @Content(mediaType = ProblemType.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
class KeyController {
    private static final int MAX_NAME_LENGTH = 100;

    /**
     * What an operator asks for: a name saying what the key is for, its roles, and optionally its scope ({@code all}
     * when absent; {@code unit:<id>} or {@code jurisdiction:<id>} for a dashboard-only key).
     */
    record CreateKey(String name, List<String> roles, String scope) {}

    private final ApiKeyService keys;

    KeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    /** A stored key as the API lists it: without its hash, roles and scope by their wire names. */
    private static ApiKeyView view(ApiKey key) {
        return new ApiKeyView(
                key.id(),
                key.name(),
                key.roles().stream().map(Role::wireName).toList(),
                key.scope().wire(),
                key.createdAt(),
                key.revokedAt(),
                key.bootstrap());
    }

    @PostMapping
    @Operation(summary = "Issue a key; the response shows it once, it cannot be read again")
    Mono<ResponseEntity<IssuedApiKey>> create(@RequestBody CreateKey request, ServerWebExchange exchange) {
        String name = validName(request.name());
        Set<Role> roles = validRoles(request.roles());
        Scope scope = validScope(request.scope(), roles);
        return operator(exchange)
                .flatMap(actor -> keys.create(name, roles, scope, actor)
                        .onErrorMap(
                                KeyEvents.NotAnnouncedException.class,
                                e -> notAnnounced(
                                        "The key was issued but could not be announced: it works on this gateway instance, and"
                                                + " the audit trail may not show it")))
                .map(issued -> {
                    ApiKey key = issued.stored();
                    return ResponseEntity.created(URI.create("/api/v1/keys/" + key.id()))
                            .body(new IssuedApiKey(
                                    key.id(),
                                    key.name(),
                                    key.roles().stream().map(Role::wireName).toList(),
                                    key.scope().wire(),
                                    key.createdAt(),
                                    issued.value()));
                });
    }

    @GetMapping
    @Operation(summary = "All keys, revoked ones included, without secrets")
    Flux<ApiKeyView> list() {
        return keys.list().map(KeyController::view);
    }

    @GetMapping("/{id}")
    Mono<ApiKeyView> get(@PathVariable String id) {
        return keys.find(id).map(KeyController::view).switchIfEmpty(Mono.error(() -> noSuchKey(id)));
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Revoke a key: refused at once on this gateway instance, on every other within 2 s of the"
                    + " answer (within the look-up cache's time to live, 30 s, while Kafka is unavailable: then the"
                    + " answer is 503)")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String id, ServerWebExchange exchange) {
        return operator(exchange)
                .flatMap(actor -> keys.revoke(id, actor))
                .onErrorMap(
                        KeyEvents.NotAnnouncedException.class,
                        e -> notAnnounced(
                                "The key was revoked and is refused by this gateway instance, but the other instances could not"
                                        + " be told: they refuse it once their cached look-up expires (minxin.gateway.keys"
                                        + ".cache-ttl), and the audit trail may not show it. Repeat the request to announce"
                                        + " it again"))
                .map(revoked -> ResponseEntity.noContent().<Void>build())
                .switchIfEmpty(Mono.error(() -> noSuchKey(id)));
    }

    /**
     * The operator calling, for the audit trail: the authentication filter keeps the caller it verified on the
     * exchange (web.Caller#attachTo); always there behind it.
     */
    private Mono<Caller> operator(ServerWebExchange exchange) {
        return Mono.justOrEmpty(exchange.<Caller>getAttribute(Caller.class.getName()))
                .switchIfEmpty(Mono.error(() -> new ErrorResponseException(
                        HttpStatus.UNAUTHORIZED,
                        // type about:blank, as the authentication filter's own 401
                        ProblemDetail.forStatusAndDetail(
                                HttpStatus.UNAUTHORIZED, "An API key is required in the X-Api-Key header"),
                        null)));
    }

    private static ErrorResponseException notAnnounced(String detail) {
        return new ErrorResponseException(
                HttpStatus.SERVICE_UNAVAILABLE,
                problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.EVENT_LOG_UNAVAILABLE, detail),
                null);
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw badRequest("name", "required");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME_LENGTH || stripped.chars().anyMatch(Character::isISOControl)) {
            throw badRequest("name", "must be at most " + MAX_NAME_LENGTH + " characters without control characters");
        }
        return stripped;
    }

    private static Set<Role> validRoles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw badRequest("roles", "required: one or more of integration, dashboard, operator");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String field = "roles[" + i + "]";
            roles.add(Role.fromWireName(name)
                    .orElseThrow(() -> badRequest(
                            field, "unknown role '" + name + "': expected integration, dashboard or operator")));
        }
        return roles;
    }

    private static Scope validScope(String wire, Set<Role> roles) {
        Scope scope;
        try {
            scope = Scope.parse(wire);
        } catch (IllegalArgumentException e) {
            throw badRequest("scope", e.getMessage());
        }
        String refusal = KeyScopes.refusal(roles, scope);
        if (refusal != null) {
            throw badRequest("scope", refusal);
        }
        return scope;
    }

    /** Invalid-request naming the field: the problem shape of every Minxin service (Boot's advice writes it). */
    private static ErrorResponseException badRequest(String field, String message) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, field + " " + message);
        problem.setProperty(ProblemType.VIOLATIONS, List.of(FieldViolation.of(field, message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private static ErrorResponseException noSuchKey(String id) {
        return new ErrorResponseException(
                HttpStatus.NOT_FOUND,
                problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, "no API key with id " + id),
                null);
    }

    private static ProblemDetail problem(HttpStatus status, ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }
}
