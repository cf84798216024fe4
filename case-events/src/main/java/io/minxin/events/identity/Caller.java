package io.minxin.events.identity;

import java.util.Objects;

/**
 * Who is calling a service, as the gateway vouched for it in a verified identity token.
 *
 * @param keyId the id of the API key (or, later, the account) that authenticated the call; never a secret
 * @param role the role that authorized this call
 * @param scope how far the caller may read
 */
public record Caller(String keyId, Role role, Scope scope) {
    public Caller {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }
}
