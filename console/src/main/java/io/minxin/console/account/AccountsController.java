package io.minxin.console.account;

import io.minxin.console.api.Account;
import io.minxin.console.api.GatewayClient;
import io.minxin.console.api.UnitRef;
import io.minxin.console.web.Boards;
import io.minxin.console.web.Refusal;
import io.minxin.console.web.ScopeChoices;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * People's console accounts (账户管理), an operator's page: every account (role, scope, whether locked), and a form to
 * open one whose answer shows its first password once, for its owner to change at the first sign-in. The form is an
 * htmx post answered with the board.
 */
@Controller
class AccountsController {
    private static final Refusal.Sentences REFUSED =
            new Refusal.Sentences("您的账户无权开设账户。", "这个用户名已被使用，请换一个。", "账户未开设：请按提示修改后重试。");

    private final GatewayClient gateway;
    private final ScopeChoices scopes;

    AccountsController(GatewayClient gateway, ScopeChoices scopes) {
        this.gateway = gateway;
        this.scopes = scopes;
    }

    @GetMapping("/console/accounts")
    Mono<Rendering> accounts() {
        return Mono.zip(gateway.accounts(), scopes.units())
                .map(all -> board("account/accounts", all.getT1(), all.getT2())
                        .modelAttribute("scopeUnits", all.getT2())
                        .build());
    }

    /** Opens an account; the answer is the board with it and its first password, this once. */
    @PostMapping("/console/accounts")
    Mono<Rendering> open(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> request = request(form);
            return Boards.answer(
                    gateway.openAccount(request),
                    Mono.zip(gateway.accounts(), scopes.units()),
                    all -> board("account/accounts :: board", all.getT1(), all.getT2()),
                    (answer, opened) -> answer.modelAttribute("opened", opened),
                    REFUSED,
                    request);
        });
    }

    private static Rendering.Builder<?> board(String view, List<Account> accounts, List<UnitRef> units) {
        return Rendering.view(view)
                .modelAttribute("unitNames", ScopeChoices.names(units))
                .modelAttribute("accounts", accounts)
                .modelAttribute("typed", Map.of("role", "dashboard", "scope", "all"));
    }

    /** The API's body: username, role, scope ({@code all} when left blank). */
    static Map<String, Object> request(MultiValueMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", text(form.getFirst("username")));
        body.put("role", text(form.getFirst("role")));
        String scope = text(form.getFirst("scope"));
        body.put("scope", scope.isEmpty() ? "all" : scope);
        return body;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
