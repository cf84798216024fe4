package io.minxin.console.subscription;

import io.minxin.console.api.NoticeClient;
import io.minxin.console.api.Subscription;
import io.minxin.console.web.Boards;
import io.minxin.console.web.Refusal;
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
 * Webhook subscriptions (通知订阅), an operator's page: every webhook that receives notices (its URL's robot key
 * masked by the API), a form to subscribe one (a generic webhook's signing secret is shown once), and a delete
 * button per subscription (asked to confirm). Both are htmx posts answered with the board.
 */
@Controller
class SubscriptionController {
    static final Map<String, String> KINDS = kinds();
    private static final Refusal.Sentences REFUSED =
            new Refusal.Sentences("您的账户无权管理通知订阅。", "操作未完成，请刷新页面后重试。", "订阅未创建：请按提示修改后重试。");
    private static final Refusal.Sentences DELETE_REFUSED =
            new Refusal.Sentences("您的账户无权管理通知订阅。", "操作未完成，请刷新页面后重试。", "订阅未能删除（可能已被删除），请刷新页面后重试。");

    private final NoticeClient notices;

    SubscriptionController(NoticeClient notices) {
        this.notices = notices;
    }

    @GetMapping("/console/subscriptions")
    Mono<Rendering> subscriptions() {
        return notices.subscriptions()
                .map(subscriptions ->
                        board("subscription/subscriptions", subscriptions).build());
    }

    /** Subscribes a webhook; the answer is the board with it (and its secret, this once). */
    @PostMapping("/console/subscriptions")
    Mono<Rendering> subscribe(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> request = request(form);
            return Boards.answer(
                    notices.subscribe(request),
                    notices.subscriptions(),
                    subscriptions -> board("subscription/subscriptions :: board", subscriptions),
                    (answer, created) -> answer.modelAttribute("created", created),
                    REFUSED,
                    request);
        });
    }

    /** Deletes a subscription; the answer is the board without it, or why not. */
    @PostMapping("/console/subscriptions/{id}/delete")
    Mono<Rendering> delete(@PathVariable String id) {
        return Boards.answer(
                notices.unsubscribe(id),
                notices.subscriptions(),
                subscriptions -> board("subscription/subscriptions :: board", subscriptions),
                (answer, none) -> answer.modelAttribute("deleted", id),
                DELETE_REFUSED,
                null);
    }

    private static Rendering.Builder<?> board(String view, List<Subscription> subscriptions) {
        return Rendering.view(view)
                .modelAttribute("subscriptions", subscriptions)
                .modelAttribute("kinds", KINDS)
                .modelAttribute("typed", Map.of("types", List.of(), "kind", "GENERIC"));
    }

    /** The API's body: name, kind, URL, the secret only when one was typed, the notice types ticked (none: all). */
    static Map<String, Object> request(MultiValueMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        String name = text(form.getFirst("name"));
        if (!name.isEmpty()) {
            body.put("name", name);
        }
        body.put("kind", text(form.getFirst("kind")));
        body.put("url", text(form.getFirst("url")));
        String secret = text(form.getFirst("secret"));
        if (!secret.isEmpty()) {
            body.put("secret", secret);
        }
        body.put("types", form.getOrDefault("types", List.of()));
        return body;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("GENERIC", "通用 HTTP 接口（JSON，以密钥签名）");
        kinds.put("WECOM", "企业微信群机器人");
        kinds.put("DINGTALK", "钉钉群机器人");
        return kinds;
    }
}
