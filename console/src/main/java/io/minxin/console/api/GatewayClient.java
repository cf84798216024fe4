package io.minxin.console.api;

import io.minxin.events.identity.ApiKeyView;
import io.minxin.events.identity.IssuedApiKey;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The gateway's own API: API keys and people's console accounts, an operator's. */
@Component
public class GatewayClient {
    private static final ParameterizedTypeReference<List<ApiKeyView>> KEYS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Account>> ACCOUNTS = new ParameterizedTypeReference<>() {};

    private final GatewayApi api;

    GatewayClient(GatewayApi api) {
        this.api = api;
    }

    /** {@code GET /api/v1/keys}: every key, revoked ones included, without secrets. */
    public Mono<List<ApiKeyView>> keys() {
        return api.get(uri -> uri.path("/api/v1/keys").build(), KEYS);
    }

    /** {@code POST /api/v1/keys} with {@code name}, {@code roles} and {@code scope}: the key, shown this once. */
    public Mono<IssuedApiKey> issueKey(Map<String, Object> key) {
        return api.post(uri -> uri.path("/api/v1/keys").build(), key, IssuedApiKey.class);
    }

    /** {@code DELETE /api/v1/keys/{id}}: refused from then on. */
    public Mono<Void> revokeKey(String id) {
        return api.delete(uri -> uri.path("/api/v1/keys/{id}").build(id));
    }

    /** {@code GET /api/v1/accounts}: every account, oldest first, without passwords. */
    public Mono<List<Account>> accounts() {
        return api.get(uri -> uri.path("/api/v1/accounts").build(), ACCOUNTS);
    }

    /**
     * {@code POST /api/v1/accounts} with {@code username}, {@code role} and {@code scope}: the account with its first
     * password, shown this once.
     */
    public Mono<Account> openAccount(Map<String, Object> account) {
        return api.post(uri -> uri.path("/api/v1/accounts").build(), account, Account.class);
    }
}
