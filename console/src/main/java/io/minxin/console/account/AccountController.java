package io.minxin.console.account;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The sign-in page and the account page. Both forms post to the gateway, which holds the accounts and answers with a
 * redirect back here: {@code ?error=…} when it refused, {@code ?signedOut} or {@code ?changed} when done.
 */
@Controller
class AccountController {
    /** The gateway's {@code ?error=} codes of a refused sign-in ({@code accounts.ConsoleSessions}). */
    private static final Map<String, String> SIGN_IN_ERRORS = Map.of(
            "invalid", "用户名或密码不正确",
            "locked", "连续失败次数过多，账户已锁定，请稍后再试",
            "expired", "页面已过期，请重新登录",
            "oidc", "统一身份认证未完成或未通过校验，请重试",
            "no-account", "统一身份认证已通过，但民心中没有同名账户，请联系营商局管理员开通");

    /** The gateway names the identity providers a person may sign in with in this header ({@code id=name,…}). */
    static final String PROVIDERS_HEADER = "X-Minxin-Sign-In-Providers";

    /** The gateway's {@code ?error=} codes of a refused password change. */
    private static final Map<String, String> PASSWORD_ERRORS = Map.of(
            "wrong", "当前密码不正确，密码未修改。",
            "mismatch", "两次输入的新密码不一致，密码未修改。",
            "short", "新密码太短，请至少使用 12 个字符。",
            "unchanged", "新密码不能与当前密码相同。");

    @GetMapping("/console/sign-in")
    Mono<Rendering> signIn(@RequestParam(required = false) String error, ServerWebExchange exchange) {
        return Mono.just(Rendering.view("account/sign-in")
                .modelAttribute("error", error == null ? null : SIGN_IN_ERRORS.getOrDefault(error, "登录未成功，请重试"))
                .modelAttribute("signedOut", flag(exchange, "signedOut"))
                .modelAttribute(
                        "providers",
                        providers(exchange.getRequest().getHeaders().getFirst(PROVIDERS_HEADER)))
                .build());
    }

    /** An identity provider to sign in with instead of a password: its link and its name. */
    public record Provider(String id, String name) {
        public String href() {
            return "/console/oauth2/authorization/" + id;
        }
    }

    /** The providers of the gateway's header, in its order; a malformed entry is left out. */
    static List<Provider> providers(String header) {
        List<Provider> providers = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return providers;
        }
        for (String entry : header.split(",")) {
            int eq = entry.indexOf('=');
            String id = eq < 0 ? "" : entry.substring(0, eq).strip();
            if (id.matches("[A-Za-z0-9_-]{1,64}")) {
                providers.add(new Provider(id, URLDecoder.decode(entry.substring(eq + 1), StandardCharsets.UTF_8)));
            }
        }
        return providers;
    }

    @GetMapping("/console/account")
    Mono<Rendering> account(@RequestParam(required = false) String error, ServerWebExchange exchange) {
        return Mono.just(Rendering.view("account/account")
                .modelAttribute("changed", flag(exchange, "changed"))
                .modelAttribute("error", error == null ? null : PASSWORD_ERRORS.getOrDefault(error, "密码未修改，请重试。"))
                .build());
    }

    /** A query parameter without a value, as the gateway's redirects use them ({@code ?signedOut}, {@code ?changed}). */
    private static boolean flag(ServerWebExchange exchange, String name) {
        return exchange.getRequest().getQueryParams().containsKey(name);
    }
}
