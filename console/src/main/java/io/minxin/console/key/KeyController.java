package io.minxin.console.key;

import io.minxin.console.api.GatewayClient;
import io.minxin.console.api.UnitRef;
import io.minxin.console.web.Boards;
import io.minxin.console.web.Refusal;
import io.minxin.console.web.ScopeChoices;
import io.minxin.events.identity.ApiKeyView;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * API keys (API 密钥) of integrations, dashboards and operators, an operator's page: every key (valid ones first,
 * newest first), a form to issue one whose answer shows the new key once, and a revoke button per valid key (asked
 * to confirm). Both are htmx posts answered with the board; the gateway refuses a non-operator (403), shown as such.
 */
@Controller
class KeyController {
    private static final Refusal.Sentences REFUSED =
            new Refusal.Sentences("您的账户无权管理 API 密钥。", "操作未完成，请刷新页面后重试。", "密钥未签发：请按提示修改后重试。");
    private static final Refusal.Sentences REVOKE_REFUSED =
            new Refusal.Sentences("您的账户无权管理 API 密钥。", "操作未完成，请刷新页面后重试。", "密钥未能吊销（可能已不存在），请刷新页面后重试。");

    private final GatewayClient gateway;
    private final ScopeChoices scopes;

    KeyController(GatewayClient gateway, ScopeChoices scopes) {
        this.gateway = gateway;
        this.scopes = scopes;
    }

    @GetMapping("/console/keys")
    Mono<Rendering> keys() {
        return Mono.zip(gateway.keys(), scopes.units())
                .map(all -> board("key/keys", all.getT1(), all.getT2())
                        .modelAttribute("scopeUnits", all.getT2())
                        .build());
    }

    /** Issues a key; the answer is the board with the new key shown this once. */
    @PostMapping("/console/keys")
    Mono<Rendering> issue(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> request = request(form);
            return Boards.answer(
                    gateway.issueKey(request),
                    Mono.zip(gateway.keys(), scopes.units()),
                    all -> board("key/keys :: board", all.getT1(), all.getT2()),
                    (answer, issued) -> answer.modelAttribute("issued", issued),
                    REFUSED,
                    request);
        });
    }

    /** Revokes a key; the answer is the board with it revoked, or why not. */
    @PostMapping("/console/keys/{id}/revoke")
    Mono<Rendering> revoke(@PathVariable String id) {
        return Boards.answer(
                gateway.revokeKey(id),
                Mono.zip(gateway.keys(), scopes.units()),
                all -> board("key/keys :: board", all.getT1(), all.getT2()),
                (answer, none) -> answer.modelAttribute("revoked", id),
                REVOKE_REFUSED,
                null);
    }

    private static Rendering.Builder<?> board(String view, List<ApiKeyView> keys, List<UnitRef> units) {
        return Rendering.view(view)
                .modelAttribute("unitNames", ScopeChoices.names(units))
                .modelAttribute(
                        "keys",
                        keys.stream()
                                .sorted(Comparator.comparing(ApiKeyView::revoked)
                                        .thenComparing(
                                                ApiKeyView::createdAt,
                                                Comparator.nullsLast(Comparator.<Instant>reverseOrder())))
                                .toList())
                .modelAttribute("roles", List.of("integration", "dashboard", "operator"))
                .modelAttribute("typed", Map.of("roles", List.of(), "scope", "all"));
    }

    /** The API's body: the name, the roles ticked, the scope ({@code all} when left blank). */
    static Map<String, Object> request(MultiValueMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", text(form.getFirst("name")));
        body.put("roles", form.getOrDefault("roles", List.of()));
        String scope = text(form.getFirst("scope"));
        body.put("scope", scope.isEmpty() ? "all" : scope);
        return body;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
